"""Accounts: the caller's accounts at current marks, one account, its open positions."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath, FromQuery

from adapters.http.deps import CallerDep
from adapters.http.security import READERS_AND_AGENTS, require_roles
from adapters.http.trading import TradingDep, problems
from adapters.http.trading.accounts_schemas import (
    AccountListOut,
    AccountOut,
    PositionListOut,
)
from domain.trading.account_profile import AccountStatus


class AccountController(Controller):
    """`/api/v1/accounts`: an account the caller may not act on answers 404."""

    path = "/accounts"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @get(
        "/",
        summary="List the caller's accounts",
        description=(
            "Accounts the caller may act on (an owner's own, an agent's granted ones; every "
            "account for a risk officer or admin), by id. Equity, buying power and day P&L are "
            "null while a held symbol has no mark. `status` keeps the accounts of one status "
            "(open, closed, archived); all of them without it."
        ),
        responses=problems(400, 429),
    )
    async def list_accounts(
        self,
        caller: CallerDep,
        trading: TradingDep,
        status: FromQuery[AccountStatus | None] = None,
    ) -> AccountListOut:
        views = await trading.accounts.list_accounts(caller.principal, status)
        return AccountListOut.of(views)

    @get(
        "/{account_id:str}",
        summary="One account",
        description="404 NOT_FOUND for an unknown account or one the caller may not act on.",
        responses=problems(404, 429),
    )
    async def get_account(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> AccountOut:
        return AccountOut.from_domain(await trading.accounts.account(caller.principal, account_id))

    @get(
        "/{account_id:str}/positions",
        summary="Open positions of an account",
        description=(
            "By symbol; flat positions are left out. Mark-dependent figures are null without a "
            "mark. 404 NOT_FOUND for an account the caller may not act on."
        ),
        responses=problems(404, 429),
    )
    async def list_positions(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> PositionListOut:
        views = await trading.accounts.positions(caller.principal, account_id)
        return PositionListOut.of(views, account_id=account_id)


CONTROLLERS = [AccountController]
