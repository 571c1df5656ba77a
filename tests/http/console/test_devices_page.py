"""`/console/devices`: the signed-in user's devices (this one marked), rename with its field
error inline, revoke; another user's device is never shown and answers 404."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.shares_app()

DEVICES = "/console/devices"
_ROWS = re.compile(r'<tr id="device-([^"]+)"( class="this-device")?>')


async def test_lists_the_users_devices_with_this_one_marked(harness: Harness, owner: User) -> None:
    # Arrange
    other = await harness.user()
    theirs = await harness.container.devices.devices().list_mine(other.principal)

    # Act
    async with signed_in(harness, owner.username) as client:
        page = await client.get(DEVICES)
    mine = await harness.container.devices.devices().list_mine(owner.principal)

    # Assert
    rows = dict(_ROWS.findall(page.text))
    assert page.status_code == 200
    assert set(rows) == {d.id for d in mine} and len(rows) == 2  # the API login and this one
    assert list(rows.values()).count(' class="this-device"') == 1
    assert "(this device)" in page.text
    assert not {d.id for d in theirs} & set(rows)
    assert 'href="/console/devices" data-key="d"' in page.text


async def test_rename_and_revoke_a_device(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        page = await client.get(DEVICES)
        other_device = next(i for i, this in _ROWS.findall(page.text) if not this)
        # Act
        renamed = await client.post(f"{DEVICES}/{other_device}/rename", {"name": "  Work laptop "})
        refused = await client.post(f"{DEVICES}/{other_device}/rename", {"name": "   "})
        revoked = await client.post(f"{DEVICES}/{other_device}/revoke")
        after = await client.get(DEVICES)
    stored = await harness.container.devices.devices().own(owner.principal, other_device)

    # Assert
    assert renamed.status_code == revoked.status_code == 303
    assert refused.status_code == 422
    assert f'id="rename-error-{other_device}">a device name is 1 to 64' in refused.text
    assert stored.name == "Work laptop" and stored.revoked
    assert after.status_code == 200 and "revoked" in after.text


async def test_another_users_device_answers_404_and_is_untouched(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    theirs = (await harness.container.devices.devices().list_mine(other.principal))[0]

    async with signed_in(harness, owner.username) as client:
        await client.get(DEVICES)
        rename = await client.post(f"{DEVICES}/{theirs.id}/rename", {"name": "mine now"})
        revoke = await client.htmx("POST", f"{DEVICES}/{theirs.id}/revoke")
    after = await harness.container.devices.devices().own(other.principal, theirs.id)

    assert rename.status_code == 404 and real_status(revoke) == 404
    assert after.name == theirs.name and not after.revoked


async def test_revoking_this_device_signs_the_console_out(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        page = await client.get(DEVICES)
        this = next(i for i, flag in _ROWS.findall(page.text) if flag)
        revoked = await client.post(f"{DEVICES}/{this}/revoke")
        again = await client.get(DEVICES)

    assert revoked.status_code == 303
    assert again.status_code == 303
    assert again.headers["location"] == "/console/login?next=/console/devices"


async def test_a_viewer_sees_only_its_own_devices(harness: Harness, owner: User) -> None:
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(DEVICES)
    theirs = await harness.container.devices.devices().list_mine(owner.principal)

    assert page.status_code == 200
    assert not {d.id for d in theirs} & set(dict(_ROWS.findall(page.text)))
