"""`/console/devices`: the signed-in user's devices (this one marked), rename and revoke.

The same use cases as `/api/v1/devices` (application/devices/service.py DeviceService) with
the signed-in principal: only the caller's own devices are listed, and another user's
device id answers 404. Like the API, a device is the user's own profile: the read-only
viewer may rename or revoke its own devices (`VIEWER_MAY_CALL`), nothing else.
Revoking ends the device's sessions at once; revoking this very device signs the console out.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.pages import ConsolePage, form_page, see_other
from adapters.http.contexts import bundle_or_not_found
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import Caller, caller_of
from application.devices.service import DeviceService
from domain.identity.devices import MAX_NAME, InvalidDeviceName

DEVICES = "/console/devices"


def _service(request: Request[Any, Any, Any]) -> DeviceService:
    found: DeviceService = bundle_or_not_found(
        request, "devices", "devices are not served here"
    ).devices
    return found


async def _current(service: DeviceService, caller: Caller) -> str | None:
    """This session's device (None for a session that has none)."""
    session = caller.session
    found = await service.device_of_session(session.family_id if session else None)
    return found.id if found is not None else None


def _back(request: Request[Any, Any, Any], to: str) -> Redirect:
    return see_other(request, to)


class DevicesPageController(ConsolePage):
    """`/console/devices`"""

    path = "/devices"

    @get("/")
    async def devices(self, request: Request[Any, Any, Any]) -> Template:
        return await _devices_page(request)

    @post("/{device_id:str}/rename", status_code=303, opt=VIEWER_MAY_CALL)
    async def rename(
        self, request: Request[Any, Any, Any], device_id: FromPath[str]
    ) -> Redirect | Template:
        caller = caller_of(request)
        form = await request.form()
        name = str(form.get("name", ""))
        try:
            await _service(request).rename(caller.principal, device_id, name)
        except InvalidDeviceName as refused:
            return await _devices_page(
                request,
                errors={device_id: refused.message},
                typed={device_id: name},
                refused=refused.code,
            )
        return _back(request, DEVICES)

    @post("/{device_id:str}/revoke", status_code=303, opt=VIEWER_MAY_CALL)
    async def revoke(self, request: Request[Any, Any, Any], device_id: FromPath[str]) -> Redirect:
        await _service(request).revoke(caller_of(request).principal, device_id)
        return _back(request, DEVICES)


async def _devices_page(
    request: Request[Any, Any, Any],
    *,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
    refused: str | None = None,
) -> Template:
    caller = caller_of(request)
    service = _service(request)
    found = await service.list_mine(caller.principal)
    return form_page(
        request,
        "devices.html",
        title="Devices",
        status_code=422 if refused else 200,
        code=refused or "",
        context={
            "devices": found,
            "current": await _current(service, caller),
            "errors": errors or {},
            "typed": typed or {},
            "max_name": MAX_NAME,
        },
    )
