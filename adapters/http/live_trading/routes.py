"""`/api/v1/accounts/{id}/live-opt-in` (show, acknowledge, withdraw), `.../live-opt-in/approve` and
`/api/v1/live-opt-ins` (the opt-ins the caller sees, those awaiting approval say)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, post
from litestar.params import FromPath, FromQuery, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.key_scopes import needs
from adapters.http.live_trading import LiveTradingDep, problems
from adapters.http.live_trading.schemas import (
    LiveOptInIn,
    LiveOptInListOut,
    LiveOptInOut,
    LiveOptInRecordOut,
)
from adapters.http.security import reject_agents
from domain.identity.permissions import Permission
from domain.live_trading.opt_in import LiveStatus

_WHY = (
    "An account on a live venue connection (real money) is not enabled for trading until its "
    "owner opts in: until then the gate denies its orders with LIVE_NOT_ENABLED "
    "(docs/live-trading.md)."
)
_WHO = "403 for an agent; 404 NOT_FOUND for an account the caller may not see."


class LiveOptInController(Controller):
    """Show, acknowledge and approve an account's opt-in to live trading."""

    path = "/accounts/{account_id:str}/live-opt-in"
    guards = (reject_agents,)

    @get(
        "/",
        summary="An account's standing with live trading",
        description=(
            f"{_WHY} The status, the phrase the owner types, whether a second approver is "
            "needed, the required limits the account lacks now, and who acknowledged and "
            f"approved it, when. The owner, a risk officer, an admin and a viewer read it. {_WHO}"
        ),
        responses=problems(404),
    )
    async def get_live_opt_in(
        self, account_id: FromPath[str], caller: CallerDep, live_trading: LiveTradingDep
    ) -> LiveOptInOut:
        state = await live_trading.service.show(caller.principal, account_id)
        return LiveOptInOut.from_domain(state)

    @post(
        "/",
        summary="Opt an account in to live trading (its owner's typed acknowledgement)",
        description=(
            f"{_WHY} `acknowledgement` must be exactly the account's phrase: \"I enable live "
            "trading with real money on account <account id> through connection <connection "
            'id>" (422 LIVE_ACKNOWLEDGEMENT_MISMATCH says what to type). The account must '
            "have active BLOCK rules, global or of the account, for MAX_ORDER_NOTIONAL, "
            "MAX_DAILY_LOSS, ORDER_RATE and MAX_OPEN_ORDERS (409 LIVE_LIMITS_MISSING names "
            "those it lacks). 200 with the state: `enabled`, or `pending_approval` when "
            "BULWARK_LIVE_SECOND_APPROVER is set. 409 LIVE_OPT_IN_NOT_REQUIRED for an account "
            "not on a live connection, LIVE_ALREADY_ENABLED, LIVE_APPROVAL_PENDING, "
            "ACCOUNT_CLOSED. Only the account's owner: 404 for another's account, 403 for an "
            "agent or a viewer. Audited (`live.opt_in`), refusals too."
        ),
        status_code=200,
        responses=problems(400, 404, 409, 422),
    )
    async def opt_in_to_live_trading(
        self,
        account_id: FromPath[str],
        data: JSONBody[LiveOptInIn],
        caller: CallerDep,
        live_trading: LiveTradingDep,
    ) -> LiveOptInOut:
        state = await live_trading.service.acknowledge(
            caller.principal, account_id, data.acknowledgement
        )
        return LiveOptInOut.from_domain(state)

    @post(
        "/approve",
        summary="Approve an owner's opt-in to live trading (the second approver)",
        description=(
            "With BULWARK_LIVE_SECOND_APPROVER set, an acknowledged opt-in waits for a risk "
            "officer or an admin other than the account's owner: 200 with the state, now "
            "`enabled`. The limits are checked again (409 LIVE_LIMITS_MISSING). 403 "
            "LIVE_SECOND_APPROVER_REQUIRED for the owner (or whoever acknowledged); 403 for "
            "anyone else but a risk officer or an admin; 409 LIVE_OPT_IN_NOT_PENDING when "
            f"nothing waits for an approval. {_WHO} Audited (`live.approve`), refusals too."
        ),
        status_code=200,
        responses=problems(404, 409),
        opt=needs(Permission.APPROVE),  # a person's decision: never an agent's key or token
    )
    async def approve_live_opt_in(
        self, account_id: FromPath[str], caller: CallerDep, live_trading: LiveTradingDep
    ) -> LiveOptInOut:
        state = await live_trading.service.approve(caller.principal, account_id)
        return LiveOptInOut.from_domain(state)

    @delete(
        "/",
        summary="Withdraw an account's opt-in to live trading",
        description=(
            "The account's next order on its live connection is denied LIVE_NOT_ENABLED until "
            "its owner opts in again (the limits and phrase as before). Orders already open at "
            "the venue stay: the kill switch cancels them. 200 with the state, now "
            "`pending_acknowledgement`. The account's owner, a risk officer or an admin may "
            "withdraw; 403 for an agent or a viewer; 409 LIVE_NOT_OPTED_IN when nothing is "
            f"opted in. {_WHO} Audited (`live.withdraw`), refusals too."
        ),
        status_code=200,
        responses=problems(404, 409),
    )
    async def withdraw_live_opt_in(
        self, account_id: FromPath[str], caller: CallerDep, live_trading: LiveTradingDep
    ) -> LiveOptInOut:
        state = await live_trading.service.withdraw(caller.principal, account_id)
        return LiveOptInOut.from_domain(state)


class LiveOptInsController(Controller):
    """`/api/v1/live-opt-ins`: the acknowledged opt-ins the caller sees."""

    path = "/live-opt-ins"
    guards = (reject_agents,)

    @get(
        "/",
        summary="Acknowledged opt-ins to live trading",
        description=(
            "Every account's for a risk officer, an admin and a viewer; the caller's own "
            "otherwise; oldest acknowledgement first. `status=pending_approval` is the second "
            "approvers' queue. 403 for an agent."
        ),
        responses=problems(400),
    )
    async def list_live_opt_ins(
        self,
        caller: CallerDep,
        live_trading: LiveTradingDep,
        status: FromQuery[LiveStatus | None] = None,
    ) -> LiveOptInListOut:
        found = await live_trading.service.listed(caller.principal, status)
        return LiveOptInListOut(items=[LiveOptInRecordOut.from_domain(o) for o in found])


CONTROLLERS: list[Any] = [LiveOptInController, LiveOptInsController]
