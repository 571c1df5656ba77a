"""`/api/v1/admin/drills/paper-faults`: switch the paper broker's drill faults (admins only).

Working only where BULWARK_PAPER_FAULTS is set, which production refuses at start-up:
elsewhere every call answers 409 CAPABILITY_NOT_CONFIGURED naming the setting. `bulwark drill
kill-switch` runs a whole drill in-process; these routes let an operator rehearse against a
running instance.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, put
from litestar.params import JSONBody

from adapters.http.deps import CallerDep
from adapters.http.problems import NOT_CONFIGURED
from adapters.http.safety import SafetyDep, problems
from adapters.http.safety.drills_schemas import PaperFaultsIn, PaperFaultsOut
from adapters.http.security import require_roles
from domain.principals import Role

_ADMIN = (
    "Admins only (403 FORBIDDEN for anyone else); 409 CAPABILITY_NOT_CONFIGURED naming "
    "BULWARK_PAPER_FAULTS where it is unset (always in prod)."
)
_NOTES = {409: NOT_CONFIGURED}


class PaperFaultsController(Controller):
    path = "/admin/drills/paper-faults"
    guards = [require_roles(Role.ADMIN)]  # noqa: RUF012 (Litestar reads a list)

    @get(
        "/",
        summary="The paper broker's drill faults switched on now",
        description=_ADMIN,
        responses=problems(409, 429, notes=_NOTES),
    )
    async def list_drill_faults(self, caller: CallerDep, safety: SafetyDep) -> PaperFaultsOut:
        return PaperFaultsOut.from_domain(safety.drill_faults.current(caller.principal))

    @put(
        "/",
        summary="Switch drill faults on (replacing those on now)",
        description=(
            f"{_ADMIN} Faults: keep_on_cancel, delay_acks (with delay_ms), drop_acks, "
            'reject_sends, disconnect; [] or ["none"] for none. 422 UNKNOWN_FAULT for a name '
            "no drill knows. Audited. The kill switch's next run meets them at once."
        ),
        responses=problems(400, 409, 422, 429, notes=_NOTES),
    )
    async def switch_drill_faults(
        self, data: JSONBody[PaperFaultsIn], caller: CallerDep, safety: SafetyDep
    ) -> PaperFaultsOut:
        control = safety.drill_faults
        faults = data.to_domain()
        return PaperFaultsOut.from_domain(await control.set(caller.principal, faults))

    @delete(
        "/",
        summary="Switch every drill fault off",
        description=f"{_ADMIN} 204; audited.",
        status_code=204,
        responses=problems(409, 429, notes=_NOTES),
    )
    async def clear_drill_faults(self, caller: CallerDep, safety: SafetyDep) -> None:
        await safety.drill_faults.clear(caller.principal)


CONTROLLERS: list[Any] = [PaperFaultsController]
