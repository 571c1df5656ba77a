"""Strategies: the owner's definitions, their modes, their decision log, and agents' signals."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get, patch, post
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.paging import Cursor
from adapters.http.problems import bad_request
from adapters.http.schemas.strategies import (
    DecisionOut,
    DecisionPageOut,
    ExternalSignalIn,
    ExternalSignalOut,
    StrategyIn,
    StrategyOut,
    StrategyPatchIn,
)
from adapters.http.security import HUMANS, READERS, require_roles
from adapters.http.step_up import step_up_if
from adapters.http.strategies import StrategiesDep, problems
from application.strategies.service import MAX_PAGE, InvalidDecisionQuery
from application.strategies.strategy_signals import ExternalSignal
from domain.principals import Role

_LIVE = (
    "`live` mode (or another account for a live strategy) needs `passcode`, your kill-switch "
    "passcode: 403 PASSCODE_REQUIRED without, 403 WRONG_PASSCODE when wrong, 423 "
    "KILL_SWITCH_LOCKED after too many wrong ones (the kill switch's own lockout); 403 "
    "STEP_UP_REQUIRED from an untrusted device of a user with MFA (docs/devices.md). A strategy "
    "whose risk is above your investor profile's tolerance answers 409 "
    "SUITABILITY_CONFIRMATION_REQUIRED until you send `confirm_risk: true` (audited). A "
    "learned combiner switched on when not one symbol its sources name has more than "
    "`training_bars` daily bars in the bar store answers 422 COMBINER_TOO_FEW_BARS naming `mode`."
)


class StrategyController(Controller):
    """`/api/v1/strategies`: each user's own strategies (another user's answer 404)."""

    path = "/strategies"

    @post(
        "/",
        summary="Create a strategy on some of your accounts",
        description=(
            "A strategy follows signal sources (pattern engine, an agent's signals), sizes "
            "entries (fixed_fraction, volatility, fixed_notional), exits on brackets, an "
            "opposite signal or time, and runs in a mode: off, shadow (decisions recorded, no "
            "orders), paper (paper-broker accounts only), live. Every order goes through the "
            "pre-trade gate and the kill switch. 404 NOT_FOUND (field account_ids) for an "
            "account that is not yours; 422 INVALID_STRATEGY naming the field. " + _LIVE
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        responses=problems(
            400, 404, 422, 423, 429, notes={422: "INVALID_STRATEGY, COMBINER_TOO_FEW_BARS"}
        ),
    )
    async def create_strategy(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[StrategyIn],
        caller: CallerDep,
        strategies: StrategiesDep,
    ) -> StrategyOut:
        await step_up_if(request, data.passcode is not None or data.mode.value == "live")
        strategy = await strategies.strategies.create(caller.principal, data.to_draft())
        return StrategyOut.from_domain(strategy)

    @get(
        "/",
        summary="Your strategies, oldest first",
        guards=[require_roles(*READERS)],
        responses=problems(429),
    )
    async def list_strategies(
        self, caller: CallerDep, strategies: StrategiesDep
    ) -> list[StrategyOut]:
        found = await strategies.strategies.list_for(caller.principal)
        return [StrategyOut.from_domain(s) for s in found]

    @get(
        "/{strategy_id:str}",
        summary="One of your strategies",
        description="404 NOT_FOUND for another user's strategy.",
        guards=[require_roles(*READERS)],
        responses=problems(404, 429),
    )
    async def get_strategy(
        self, strategy_id: FromPath[str], caller: CallerDep, strategies: StrategiesDep
    ) -> StrategyOut:
        return StrategyOut.from_domain(
            await strategies.strategies.get(caller.principal, strategy_id)
        )

    @patch(
        "/{strategy_id:str}",
        summary="Change a strategy's definition or mode (optimistic: send the version you read)",
        description=(
            "Omitted parts stay as they are. 409 CONCURRENT_UPDATE when the strategy changed "
            "since `version`; 404 NOT_FOUND for another user's strategy or account; 422 "
            "INVALID_STRATEGY naming the field. " + _LIVE
        ),
        guards=[require_roles(*HUMANS)],
        responses=problems(
            400, 404, 409, 422, 423, 429, notes={422: "INVALID_STRATEGY, COMBINER_TOO_FEW_BARS"}
        ),
    )
    async def update_strategy(
        self,
        request: Request[Any, Any, Any],
        strategy_id: FromPath[str],
        data: JSONBody[StrategyPatchIn],
        caller: CallerDep,
        strategies: StrategiesDep,
    ) -> StrategyOut:
        live = data.mode is not None and data.mode.value == "live"
        await step_up_if(request, data.passcode is not None or live)
        updated = await strategies.strategies.update(caller.principal, strategy_id, data.to_patch())
        return StrategyOut.from_domain(updated)

    @get(
        "/{strategy_id:str}/decisions",
        summary="A strategy's decisions, newest first, with a cursor",
        description=(
            "One record per signal (or closed bar), strategy and account: the signal, the "
            "intent (action, side, quantity, reason, brackets, sizing inputs), the order id "
            "and the verdict: approved / denied (with the gate's reasons) / shadow (not sent) "
            "/ skipped (with the reason) / failed / pending. Pass `next_cursor` back as "
            "`cursor`. 404 NOT_FOUND for another user's strategy; 400 INVALID_CURSOR."
        ),
        guards=[require_roles(*READERS)],
        responses=problems(400, 404, 429),
        exception_handlers={InvalidDecisionQuery: bad_request("Invalid decision query")},
    )
    async def list_strategy_decisions(
        self,
        strategy_id: FromPath[str],
        caller: CallerDep,
        strategies: StrategiesDep,
        cursor: Cursor = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> DecisionPageOut:
        page = await strategies.strategies.decisions(caller.principal, strategy_id, cursor, limit)
        return DecisionPageOut.from_page(page)

    @post(
        "/signals",
        summary="An agent's signal for its owner's strategies",
        description=(
            "Agents only (API key). The signal's source is `external` named by the agent id; "
            "the owner's active strategies that follow it decide per account, as for a pattern "
            "signal, and paper/live ones send gated orders. Resending the same `id` decides "
            "nothing twice. 403 AGENT_HALTED while a kill switch halts the agent; 422 "
            "NO_SIGNAL_PRICE without a price for a symbol without a mark."
        ),
        status_code=200,
        guards=[require_roles(Role.AGENT)],
        responses=problems(400, 404, 422, 429, notes={422: "NO_SIGNAL_PRICE"}),
    )
    async def submit_external_signal(
        self, data: JSONBody[ExternalSignalIn], caller: CallerDep, strategies: StrategiesDep
    ) -> ExternalSignalOut:
        signal_id, decided = await strategies.strategy_processor.on_external(
            caller.principal.id,
            ExternalSignal(
                symbol=data.symbol,
                score=data.score,
                price=data.price,
                atr=data.atr,
                client_id=data.id,
                timeframe=data.timeframe,
            ),
        )
        return ExternalSignalOut(
            signal_id=signal_id, decisions=[DecisionOut.from_domain(d) for d in decided]
        )


CONTROLLERS: list[Any] = [StrategyController]
