"""`/api/v1/devices`: the caller's devices (list, rename, revoke), step-up, and an admin's
view of a user's devices."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.exceptions import PermissionDeniedException
from litestar.middleware.rate_limit import get_remote_address
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.devices import DevicesDep, DevicesServices
from adapters.http.devices.schemas import DeviceOut, DeviceRenameIn, DevicesOut, StepUpIn
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import Caller, reject_agents

_OWNER_ONLY = "404 NOT_FOUND for an unknown device or another user's."


async def _current(devices: DevicesServices, caller: Caller) -> str | None:
    session = caller.session
    found = await devices.devices.device_of_session(session.family_id if session else None)
    return found.id if found is not None else None


class DevicesController(Controller):
    """The caller's own devices."""

    path = "/devices"
    guards = (reject_agents,)

    @get(
        "/",
        summary="Your devices, most recently seen first (`current`: this session's)",
        description="Never a fingerprint nor an address: the network is its /24 or /48.",
        responses=problem_responses(401, 403, 429),
    )
    async def list_devices(self, caller: CallerDep, devices: DevicesDep) -> DevicesOut:
        found = await devices.devices.list_mine(caller.principal)
        current = await _current(devices, caller)
        return DevicesOut(items=[DeviceOut.from_domain(d, current) for d in found])

    @patch(
        "/{device_id:str}",
        summary="Rename one of your devices",
        description=f"{_OWNER_ONLY} 422 INVALID_DEVICE_NAME for an empty or too long name.",
        responses=problem_responses(400, 401, 403, 404, 422, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def rename_device(
        self,
        device_id: FromPath[str],
        data: JSONBody[DeviceRenameIn],
        caller: CallerDep,
        devices: DevicesDep,
    ) -> DeviceOut:
        renamed = await devices.devices.rename(caller.principal, device_id, data.name)
        return DeviceOut.from_domain(renamed, await _current(devices, caller))

    @delete(
        "/{device_id:str}",
        summary="Revoke one of your devices: it is no longer trusted and its sessions end",
        description=f"204. {_OWNER_ONLY} Its next login is a new device.",
        status_code=204,
        responses=problem_responses(401, 403, 404, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def revoke_device(
        self, device_id: FromPath[str], caller: CallerDep, devices: DevicesDep
    ) -> None:
        await devices.devices.revoke(caller.principal, device_id)

    @post(
        "/step-up",
        summary="Trust this session's device with a current one-time code (users with MFA)",
        description=(
            "Sensitive actions (the kill-switch passcode, the vault's key operations, putting a "
            "strategy live) answer 403 STEP_UP_REQUIRED from an untrusted device of a user with "
            "MFA until this passes. 401 for a wrong or already used code (counted as a failed "
            "login: 423 LOGIN_LOCKED / 429 LOGIN_THROTTLED after repeated ones), or for a "
            "session with no device (log in again)."
        ),
        status_code=200,
        responses=problem_responses(400, 401, 403, 423, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def step_up_device(
        self,
        data: JSONBody[StepUpIn],
        caller: CallerDep,
        devices: DevicesDep,
        request: Request[Any, Any, Any],
    ) -> DeviceOut:
        if caller.session is None:
            raise PermissionDeniedException("only user sessions have devices")
        trusted = await devices.step_up.step_up(
            caller.session, data.totp_code, get_remote_address(request)
        )
        return DeviceOut.from_domain(trusted, trusted.id)


class UserDevicesController(Controller):
    """An admin's view of a user's devices."""

    path = "/users/{user_id:str}/devices"

    @get(
        "/",
        summary="A user's devices (admin)",
        description="Admins only (403 FORBIDDEN for anyone else); 404 for an unknown user.",
        responses=problem_responses(401, 403, 404, 429),
    )
    async def list_user_devices(
        self, user_id: FromPath[str], caller: CallerDep, devices: DevicesDep
    ) -> DevicesOut:
        found = await devices.devices.list_for(caller.principal, user_id)
        return DevicesOut.of(found)


CONTROLLERS: list[Any] = [DevicesController, UserDevicesController]
