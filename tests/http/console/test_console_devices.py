"""The console's device cookie: set on login, HttpOnly and strict, and it keeps the device."""

from __future__ import annotations

from domain.principals import Role
from tests.http.console.helpers import console_client
from tests.http.harness import Harness


async def test_the_console_login_sets_a_device_cookie_that_keeps_the_device(
    harness: Harness,
) -> None:
    user = await harness.user(Role.OWNER)
    async with console_client(harness) as client:
        first = await client.login(user.username)
        await client.post("/console/logout")
        client.http.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0) Firefox/130.0"
        again = await client.login(user.username)
    devices = await harness.container.devices.devices().list_mine(user.principal)

    cookies = first.headers.get_list("set-cookie")
    device = next(c for c in cookies if c.startswith("bulwark_device="))
    assert "HttpOnly" in device and "samesite=strict" in device.lower()
    assert "Secure" not in device  # plain HTTP here; Secure over HTTPS
    assert first.status_code == again.status_code == 303
    # the harness's API login made one device; the cookie kept the console's through a new
    # User-Agent (a fingerprint alone would have made a third)
    assert len(devices) == 2
    assert device.split(";")[0].split("=", 1)[1].startswith("bwd1.")
