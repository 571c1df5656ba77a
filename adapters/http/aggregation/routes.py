"""`/api/v1/aggregation/...`: outside accounts linked through Plaid (docs/aggregation.md).

Every route but the webhook is the caller's own: another user's item answers 404 like an
unknown one. Agents get 403 (linking a bank login is a person's act). The aggregated
accounts are read-only: orders aimed at them answer 403 AGGREGATED_ACCOUNT_READ_ONLY.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, post, put
from litestar.params import JSONBody, PathParameter

from adapters.http.aggregation import AggregationDep
from adapters.http.aggregation.schemas import (
    AggregationAccountListOut,
    AggregationAttachIn,
    AggregationExchangeIn,
    AggregationHoldingListOut,
    AggregationItemListOut,
    AggregationItemOut,
    AggregationLinkTokenOut,
    AggregationSyncOut,
    AggregationTransactionListOut,
    AggregationWebhookAckOut,
)
from adapters.http.deps import CallerDep
from adapters.http.problems import NOT_CONFIGURED, problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import PublicOperation, reject_agents

ItemId = Annotated[str, PathParameter(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
_VENDOR = (
    " 409 ITEM_LOGIN_REQUIRED when the institution wants the user to log in again (Link in "
    "update mode), CAPABILITY_NOT_CONFIGURED naming BULWARK_PLAID_CLIENT_ID and "
    "BULWARK_PLAID_SECRET where Plaid is not configured; 429 AGGREGATOR_RATE_LIMITED; 503 "
    "AGGREGATOR_UNAVAILABLE when Plaid cannot be reached now."
)
_NOTES = {
    409: f"ITEM_LOGIN_REQUIRED; {NOT_CONFIGURED} (Plaid's keys)",
    429: "AGGREGATOR_RATE_LIMITED",
    503: "AGGREGATOR_UNAVAILABLE: Plaid cannot be reached now (retry later)",
}


class AggregationController(Controller):
    """A person's linked items; another user's item answers 404."""

    path = "/aggregation"
    guards = (reject_agents,)

    @post(
        "/link-token",
        summary="A Plaid Link token for the caller (to open Link in the browser)",
        description=_VENDOR.strip(),
        status_code=201,
        responses=problem_responses(401, 403, 409, 429, 503, notes=_NOTES),
    )
    async def create_link_token(
        self, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationLinkTokenOut:
        token = await aggregation.aggregation.create_link_token(caller.principal)
        return AggregationLinkTokenOut.from_domain(token)

    @post(
        "/items",
        summary="Link an item: exchange Link's public token",
        description=(
            "The access token is kept sealed and never answered. The item's accounts are read "
            "once; POST .../sync reads holdings and transactions. 404 for a portfolio not the "
            "caller's; 409 CONFLICT when the login is already linked; 422 AGGREGATOR_REFUSED "
            "for an invalid public token." + _VENDOR
        ),
        status_code=201,
        responses=problem_responses(400, 401, 403, 404, 409, 422, 429, 503, notes=_NOTES),
    )
    async def link_item(
        self, data: JSONBody[AggregationExchangeIn], caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationItemOut:
        item = await aggregation.aggregation.exchange(
            caller.principal, data.public_token, data.portfolio_id
        )
        return AggregationItemOut.from_domain(item)

    @get(
        "/items",
        summary="The caller's linked items, oldest first",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(401, 403, 429),
    )
    async def list_linked_items(
        self, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationItemListOut:
        found = await aggregation.aggregation.items(caller.principal)
        return AggregationItemListOut.of(found)

    @get(
        "/items/{item_id:str}",
        summary="One of the caller's linked items",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def get_linked_item(
        self, item_id: ItemId, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationItemOut:
        return AggregationItemOut.from_domain(
            await aggregation.aggregation.item(caller.principal, item_id)
        )

    @put(
        "/items/{item_id:str}/portfolio",
        summary="Count the item's investment accounts in a portfolio's household (or in none)",
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def set_linked_item_portfolio(
        self, item_id: ItemId, data: JSONBody[AggregationAttachIn], caller: CallerDep,
        aggregation: AggregationDep,
    ) -> AggregationItemOut:  # fmt: skip
        item = await aggregation.aggregation.attach(caller.principal, item_id, data.portfolio_id)
        return AggregationItemOut.from_domain(item)

    @get(
        "/accounts",
        summary="The caller's aggregated accounts (read-only), by id",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(401, 403, 429),
    )
    async def list_aggregated_accounts(
        self, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationAccountListOut:
        found = await aggregation.aggregation.accounts(caller.principal)
        return AggregationAccountListOut.of(found)

    @get(
        "/holdings",
        summary="The caller's aggregated holdings, as the institutions last reported them",
        description="`cost_basis` is null where the institution gives none.",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(401, 403, 429),
    )
    async def list_aggregated_holdings(
        self, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationHoldingListOut:
        found = await aggregation.aggregation.holdings(caller.principal)
        return AggregationHoldingListOut.of(found)

    @get(
        "/items/{item_id:str}/transactions",
        summary="An item's synced transactions, newest first (at most 500)",
        description="Amounts keep Plaid's sign: positive is money out of the account.",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def list_linked_item_transactions(
        self, item_id: ItemId, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationTransactionListOut:
        found = await aggregation.aggregation.transactions(caller.principal, item_id)
        return AggregationTransactionListOut.of(found)

    @post(
        "/items/{item_id:str}/sync",
        summary="Read the item's accounts, holdings and new transactions now",
        status_code=200,
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503, notes=_NOTES),
        description="Transactions follow Plaid's cursor from the last sync." + _VENDOR,
    )
    async def sync_linked_item(
        self, item_id: ItemId, caller: CallerDep, aggregation: AggregationDep
    ) -> AggregationSyncOut:
        return AggregationSyncOut.from_domain(
            await aggregation.aggregation.sync(caller.principal, item_id)
        )

    @delete(
        "/items/{item_id:str}",
        summary="Unlink an item: removed at Plaid (its access token stops working), then here",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404, 409, 429, 503, notes=_NOTES),
    )
    async def unlink_item(
        self, item_id: ItemId, caller: CallerDep, aggregation: AggregationDep
    ) -> None:
        await aggregation.aggregation.remove(caller.principal, item_id)


class AggregationWebhookController(Controller):
    """Plaid's webhooks: public, and acted on only when the signature checks out."""

    path = "/aggregation"

    @post(
        "/webhook",
        summary="Plaid's webhook (HOLDINGS, TRANSACTIONS, ITEM): verified, idempotent",
        description=(
            "The `Plaid-Verification` header's ES256 JWT must verify with Plaid's key and "
            "carry the body's SHA-256 (docs/aggregation.md); otherwise 400 "
            "INVALID_WEBHOOK_SIGNATURE and nothing is done. A redelivered body answers 200 "
            "`duplicate` without acting again. 409 CAPABILITY_NOT_CONFIGURED where Plaid is "
            "not configured."
        ),
        status_code=200,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 409, 413, 429, notes={409: NOT_CONFIGURED}),
    )
    async def receive_plaid_webhook(
        self, request: Request[Any, Any, Any], aggregation: AggregationDep
    ) -> AggregationWebhookAckOut:
        body = await request.body()
        signature = request.headers.get("plaid-verification")
        result = await aggregation.webhooks.receive(body, signature)
        return AggregationWebhookAckOut.from_domain(result)


CONTROLLERS: list[Any] = [AggregationController, AggregationWebhookController]
