"""The device check of a login (API and console): traits in, the device token out.

A client names its device with the `Bulwark-Device` header (API clients) or the
`bulwark_device` cookie (the console, HttpOnly, Secure over TLS, SameSite=Strict); the answer
carries the device's token the same way. The anomaly score and the alert run after the
answer is sent (a background task).
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.background_tasks import BackgroundTask

from adapters.http.contexts import bundle_of
from adapters.http.devices import NAME, DevicesServices
from application.devices.service import DeviceLogin
from domain.identity.devices import RequestTraits

DEVICE_HEADER = "Bulwark-Device"
DEVICE_COOKIE = "bulwark_device"


def devices_of(request: Request[Any, Any, Any]) -> DevicesServices | None:
    found: DevicesServices | None = bundle_of(request, NAME)
    return found


def traits_of(request: Request[Any, Any, Any]) -> RequestTraits:
    headers = request.headers
    return RequestTraits(
        headers.get("user-agent", ""),
        headers.get("accept-language", ""),
        headers.get("sec-ch-ua-platform", ""),
    )


async def failures_before(request: Request[Any, Any, Any], username: str) -> int:
    devices = devices_of(request)
    return await devices.devices.failures_before(username) if devices is not None else 0


async def check_in(
    request: Request[Any, Any, Any],
    access_token: str,
    client: str | None,
    failures: int,
    presented: str | None,
) -> DeviceLogin | None:
    """The login's device (None when this app serves no devices context)."""
    devices = devices_of(request)
    if devices is None:
        return None
    return await devices.devices.check_in(
        access_token, traits_of(request), client, presented, failures
    )


def answer_with_device(
    request: Request[Any, Any, Any],
    response: Response[Any],
    login: DeviceLogin | None,
    *,
    cookie: bool,
) -> Response[Any]:
    """The device token on the answer (header, or cookie for the console), and the
    assessment to run after it."""
    devices = devices_of(request)
    if login is None or devices is None:
        return response
    if cookie:
        response.set_cookie(
            DEVICE_COOKIE,
            login.token,
            max_age=devices.cookie_days * 86_400,
            path="/",
            secure=request.scope.get("scheme") == "https",
            httponly=True,
            samesite="strict",
        )
    else:
        response.headers[DEVICE_HEADER] = login.token
    response.background = BackgroundTask(devices.devices.assess, login)
    return response
