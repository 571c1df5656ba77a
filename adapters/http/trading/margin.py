"""Margin: an account's margin status and a deleverage plan explained line by line."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.margin import DeleverageIn, DeleveragePlanOut, MarginStatusOut
from adapters.http.security import READERS_AND_AGENTS, require_roles
from adapters.http.trading import TradingDep, problems


class MarginController(Controller):
    """`/api/v1/margin`: read-only figures at current marks; nothing is traded."""

    path = "/margin"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @get(
        "/{account_id:str}",
        summary="Margin status of an account",
        description=(
            "Equity, initial and maintenance requirements, excess liquidity, margin buffer "
            "(excess / equity), buying power, the margin-call flag and, per position, the "
            "liquidation distance and price. 404 NOT_FOUND for an account the caller may not act "
            "on; 422 MARGIN_INPUT_INVALID when a held symbol has no mark or no instrument."
        ),
        responses=problems(404, 422, 429, notes={422: "MARGIN_INPUT_INVALID"}),
    )
    async def get_margin_status(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> MarginStatusOut:
        return MarginStatusOut.from_domain(
            await trading.margin.status(caller.principal, account_id)
        )

    @post(
        "/{account_id:str}/deleverage-plan",
        summary="Plan the fewest reductions restoring a margin buffer",
        description=(
            "A proposal only: no order is sent. `target_buffer` is a fraction in [0, 1). Steps "
            "release the largest maintenance requirements first, the last one in part (whole "
            "lots); `reaches_target` is false when closing everything falls short. "
            "404 NOT_FOUND, 422 INVALID_MARGIN_TARGET, 422 MARGIN_INPUT_INVALID."
        ),
        status_code=200,
        responses=problems(
            400, 404, 422, 429, notes={422: "INVALID_MARGIN_TARGET or MARGIN_INPUT_INVALID"}
        ),
        opt=VIEWER_MAY_CALL,
    )
    async def plan_deleverage(
        self,
        account_id: FromPath[str],
        data: JSONBody[DeleverageIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> DeleveragePlanOut:
        plan = await trading.margin.deleverage_plan(
            caller.principal, account_id, data.target_buffer
        )
        return DeleveragePlanOut.from_domain(plan)


CONTROLLERS = [MarginController]
