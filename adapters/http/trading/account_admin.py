"""Opening, changing, closing, archiving and syncing accounts, by their owner."""

from __future__ import annotations

from litestar import Controller, Response, patch, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.problems import NOT_CONFIGURED
from adapters.http.security import reject_agents
from adapters.http.trading import TradingDep, TradingServices, problems
from adapters.http.trading.account_admin_schemas import AccountIn, AccountPatchIn, SyncReportOut
from adapters.http.trading.accounts_schemas import AccountOut
from domain.principals import Principal

_OWNER_ONLY = "Only the account's owner: 404 NOT_FOUND for another user's account; agents 403."
_NOT_EMPTY = (
    "409 ACCOUNT_NOT_EMPTY while it holds positions or open orders (flatten and cancel "
    "first); 409 ACCOUNT_CLOSED when it is archived already."
)


async def _view(trading: TradingServices, principal: Principal, account_id: str) -> AccountOut:
    return AccountOut.from_domain(await trading.accounts.account(principal, account_id))


class AccountAdminController(Controller):
    """`/api/v1/accounts`: open an account, change it, close it, sync it from its broker."""

    path = "/accounts"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Open an account",
        description=(
            "A paper account starts with `initial_cash` (required); an alpaca account's cash "
            "comes from the broker (`initial_cash` is refused): link its keys with PUT "
            ".../broker-credentials, then POST .../sync. A `cash` account never borrows "
            "(buying power = cash, no short selling); a `margin` account may. 422 "
            "INVALID_ACCOUNT names the field; 409 CAPABILITY_NOT_CONFIGURED naming "
            "BULWARK_BROKER for alpaca where this deployment does not route to it. Agents 403. "
            "On a venue connection instead (`connection_id`, docs/venues.md): 404 NOT_FOUND "
            "when it is not one of the caller's, 409 CONNECTION_REVOKED when it is revoked."
        ),
        status_code=201,
        responses={
            201: ResponseSpec(AccountOut, description="The account; Location names it"),
            **problems(400, 404, 409, 422, 429, notes={409: NOT_CONFIGURED}),
        },
    )
    async def open_account(
        self, data: JSONBody[AccountIn], caller: CallerDep, trading: TradingDep
    ) -> Response[AccountOut]:
        account = await trading.account_admin.open(data.to_command(caller.principal))
        body = await _view(trading, caller.principal, account.id)
        return Response(
            body, status_code=201, headers={"Location": f"/api/v1/accounts/{account.id}"}
        )

    @patch(
        "/{account_id:str}",
        summary="Rename an account or set its target allocation",
        description=(
            "`target_allocation` maps symbols to fractions in [0, 1] summing to at most 1 (the "
            "rest is cash); it replaces the previous one. 409 ACCOUNT_CLOSED for an account "
            f"that is not open. {_OWNER_ONLY}"
        ),
        responses=problems(400, 404, 409, 422, 429),
    )
    async def update_account(
        self,
        account_id: FromPath[str],
        data: JSONBody[AccountPatchIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> AccountOut:
        await trading.account_admin.update(data.to_command(caller.principal, account_id))
        return await _view(trading, caller.principal, account_id)

    @post(
        "/{account_id:str}/close",
        summary="Close an account",
        description=(
            "A closed account keeps its history; the gate denies its orders (ACCOUNT_CLOSED). "
            f"{_NOT_EMPTY} {_OWNER_ONLY}"
        ),
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def close_account(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> AccountOut:
        await trading.account_admin.close(caller.principal, account_id)
        return await _view(trading, caller.principal, account_id)

    @post(
        "/{account_id:str}/archive",
        summary="Archive an account",
        description=(
            "As close, and the account leaves `?status=open` and `?status=closed` listings "
            f"(`?status=archived` shows it). {_NOT_EMPTY} {_OWNER_ONLY}"
        ),
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def archive_account(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> AccountOut:
        await trading.account_admin.archive(caller.principal, account_id)
        return await _view(trading, caller.principal, account_id)

    @post(
        "/{account_id:str}/sync",
        summary="Import cash, positions and open orders from the account's broker",
        description=(
            "The broker is the truth: cash and each position are set to the broker's, a "
            "position it no longer holds goes flat, open orders the account does not know are "
            "adopted (the gate counts them from then on). Symbols without reference data are "
            "skipped and listed (import the instruments, then sync again). 409 BROKER_REFUSED "
            "when the broker will not answer for the account (no linked credentials, broker "
            "not configured); 503 BROKER_UNAVAILABLE when it cannot be reached now; 409 "
            f"ACCOUNT_CLOSED for an account that is not open. {_OWNER_ONLY}"
        ),
        status_code=200,
        responses=problems(404, 409, 429, 503),
    )
    async def sync_account(
        self, account_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> SyncReportOut:
        report = await trading.account_sync.sync(caller.principal, account_id)
        return SyncReportOut.from_domain(report)


CONTROLLERS = [AccountAdminController]
