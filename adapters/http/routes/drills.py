"""`/api/v1/admin/drills/paper-faults`: switch the paper broker's drill faults (admins only).

Served only where BULWARK_PAPER_FAULTS is set, which production refuses at start-up:
elsewhere every call answers 404 DRILLS_UNAVAILABLE. `bulwark drill kill-switch` runs a
whole drill in-process; these routes let an operator rehearse against a running instance.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, put
from litestar.params import JSONBody

from adapters.http.deps import CallerDep, ServicesDep
from adapters.http.problems import problem_responses
from adapters.http.schemas.drills import PaperFaultsIn, PaperFaultsOut
from adapters.http.security import require_roles
from application.safety.drill_faults import DrillFaultControl
from domain.killswitch.drill import DrillsUnavailable
from domain.principals import Role

_ADMIN = (
    "Admins only (403 FORBIDDEN for anyone else); 404 DRILLS_UNAVAILABLE where "
    "BULWARK_PAPER_FAULTS is unset (always in prod)."
)


def _control(services: Any) -> DrillFaultControl:
    if services.drill_faults is None:
        raise DrillsUnavailable("broker fault drills are not served by this instance")
    control: DrillFaultControl = services.drill_faults
    return control


class PaperFaultsController(Controller):
    path = "/admin/drills/paper-faults"
    tags = ("drills",)
    guards = [require_roles(Role.ADMIN)]  # noqa: RUF012 (Litestar reads a list)

    @get(
        "/",
        summary="The paper broker's drill faults switched on now",
        description=_ADMIN,
        responses=problem_responses(401, 403, 404, 429),
    )
    async def faults(self, caller: CallerDep, services: ServicesDep) -> PaperFaultsOut:
        return PaperFaultsOut.from_domain(_control(services).current(caller.principal))

    @put(
        "/",
        summary="Switch drill faults on (replacing those on now)",
        description=(
            f"{_ADMIN} Faults: keep_on_cancel, delay_acks (with delay_ms), drop_acks, "
            'reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a name '
            "no drill knows. Audited. The kill switch's next run meets them at once."
        ),
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def switch(
        self, data: JSONBody[PaperFaultsIn], caller: CallerDep, services: ServicesDep
    ) -> PaperFaultsOut:
        control = _control(services)
        faults = data.to_domain()
        return PaperFaultsOut.from_domain(await control.set(caller.principal, faults))

    @delete(
        "/",
        summary="Switch every drill fault off",
        description=f"{_ADMIN} 204; audited.",
        status_code=204,
        responses=problem_responses(401, 403, 404, 429),
    )
    async def clear(self, caller: CallerDep, services: ServicesDep) -> None:
        await _control(services).clear(caller.principal)


CONTROLLERS: list[Any] = [PaperFaultsController]
