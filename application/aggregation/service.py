"""The owner-scoped use cases of linked items: Link, exchange, reads, sync, removal.

Access tokens are sealed at rest (record type "aggregation.access_token", bound to the
item's id) and opened only for the call that needs one; they are never logged nor returned.
Another user's item answers NotFound, as does an unknown id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from application.aggregation.mapping import account_of, holding_of, transaction_of
from application.core.access import owned_by
from domain.aggregation.household import household_accounts
from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    AggregationNotFound,
    ItemLoginRequired,
    ItemStatus,
    LinkedItem,
)
from domain.errors import Conflict
from domain.principals import Principal
from domain.rebalancing.model import AccountHoldings
from ports.aggregation.aggregation import AggregationStore, AggregatorPort, LinkToken
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import SecretSealer
from ports.core.events import AuditEntry, AuditLog
from ports.portfolio.portfolios import PortfolioStore

TOKEN_RECORD = "aggregation.access_token"
MAX_SYNC_PAGES = 50  # one sync stops after this many pages; the cursor resumes it next time


@dataclass(frozen=True, slots=True)
class SyncResult:
    item: LinkedItem
    accounts: int
    holdings: int
    added: int
    modified: int
    removed: int
    has_more: bool  # stopped at MAX_SYNC_PAGES with more to read


@dataclass(eq=False)
class AggregationService:
    store: AggregationStore
    aggregator: AggregatorPort
    sealer: SecretSealer
    portfolios: PortfolioStore
    clock: Clock
    ids: IdGenerator
    audit: AuditLog

    async def create_link_token(self, principal: Principal) -> LinkToken:
        return await self.aggregator.create_link_token(principal.id)

    async def exchange(
        self, principal: Principal, public_token: str, portfolio_id: str | None = None
    ) -> LinkedItem:
        """Links the item behind `public_token` (to a portfolio of the caller's, when given)
        and reads its accounts once."""
        if portfolio_id is not None:
            await self._own_portfolio(principal, portfolio_id)
        exchanged = await self.aggregator.exchange_public_token(public_token)
        if await self.store.item_by_provider_id(exchanged.provider_item_id) is not None:
            raise Conflict("this institution login is already linked", field="public_token")
        item_id = self.ids.new("itm_")
        page = await self.aggregator.accounts(exchanged.access_token)
        item = LinkedItem(
            id=item_id,
            owner_id=principal.id,
            provider_item_id=exchanged.provider_item_id,
            institution_id=page.institution_id,
            institution_name=None,
            access_token=self.sealer.seal(exchanged.access_token, TOKEN_RECORD, item_id),
            created_at=self.clock.now(),
            portfolio_id=portfolio_id,
        )
        await self.store.add_item(item)
        await self.store.replace_accounts(item.id, [account_of(item, a) for a in page.accounts])
        await self._record(principal.id, "aggregation.link", item.id)
        return item

    async def items(self, principal: Principal) -> list[LinkedItem]:
        return await self.store.items_of(principal.id)

    async def item(self, principal: Principal, item_id: str) -> LinkedItem:
        found = await self.store.get_item(item_id, principal.id)
        if found is None:
            raise AggregationNotFound(f"item {item_id} not found")
        return found

    async def accounts(
        self, principal: Principal, item_id: str | None = None
    ) -> list[AggregatedAccount]:
        if item_id is not None:
            await self.item(principal, item_id)
        return await self.store.accounts_of(principal.id, item_id)

    async def holdings(
        self, principal: Principal, item_id: str | None = None
    ) -> list[AggregatedHolding]:
        if item_id is not None:
            await self.item(principal, item_id)
        return await self.store.holdings_of(principal.id, item_id)

    async def transactions(
        self, principal: Principal, item_id: str, limit: int = 500
    ) -> list[AggregatedTransaction]:
        await self.item(principal, item_id)
        return await self.store.transactions_of(principal.id, item_id, limit=limit)

    async def attach(
        self, principal: Principal, item_id: str, portfolio_id: str | None
    ) -> LinkedItem:
        """Counts the item's accounts in a portfolio's household (None: in none)."""
        item = await self.item(principal, item_id)
        if portfolio_id is not None:
            await self._own_portfolio(principal, portfolio_id)
        changed = replace(item, portfolio_id=portfolio_id)
        await self.store.save_item(changed)
        return changed

    async def sync(self, principal: Principal, item_id: str) -> SyncResult:
        """Accounts, the holdings snapshot and new transactions, read now."""
        return await self.refresh(await self.item(principal, item_id))

    async def refresh(
        self, item: LinkedItem, *, holdings: bool = True, transactions: bool = True
    ) -> SyncResult:
        token = self.sealer.open(item.access_token, TOKEN_RECORD, item.id)
        try:
            page = await self.aggregator.accounts(token)
            accounts = [account_of(item, a) for a in page.accounts]
            await self.store.replace_accounts(item.id, accounts)
            held = 0
            if holdings and any(a.type == "investment" for a in accounts):
                today = self.clock.now().date()
                snapshot = [
                    holding_of(item, h, today) for h in await self.aggregator.holdings(token)
                ]
                await self.store.replace_holdings(item.id, snapshot)
                held = len(snapshot)
            counts = [0, 0, 0]
            more, cursor = False, item.cursor
            if transactions:
                for _ in range(MAX_SYNC_PAGES):
                    sync = await self.aggregator.sync_transactions(token, cursor)
                    upserts = [transaction_of(item, t) for t in [*sync.added, *sync.modified]]
                    await self.store.apply_transactions(
                        item.id, upserts, sync.removed, sync.next_cursor
                    )
                    counts[0] += len(sync.added)
                    counts[1] += len(sync.modified)
                    counts[2] += len(sync.removed)
                    cursor, more = sync.next_cursor, sync.has_more
                    if not more:
                        break
        except ItemLoginRequired:
            await self.store.save_item(
                replace(item, status=ItemStatus.LOGIN_REQUIRED, error_code="ITEM_LOGIN_REQUIRED")
            )
            raise
        done = replace(
            item, cursor=cursor, last_synced_at=self.clock.now(),
            status=ItemStatus.ACTIVE, error_code=None,
        )  # fmt: skip
        await self.store.save_item(done)
        return SyncResult(done, len(accounts), held, counts[0], counts[1], counts[2], more)

    async def remove(self, principal: Principal, item_id: str) -> None:
        """Removes the item at the aggregator (its access token stops working), then here."""
        item = await self.item(principal, item_id)
        token = self.sealer.open(item.access_token, TOKEN_RECORD, item.id)
        await self.aggregator.remove_item(token)
        await self.store.remove_item(item.id, principal.id)
        await self._record(principal.id, "aggregation.remove", item.id)

    async def household_accounts(self, owner_id: str, portfolio_id: str) -> list[AccountHoldings]:
        """The non-tradable household accounts of the items attached to the portfolio
        (domain/aggregation/household.py)."""
        found: list[AccountHoldings] = []
        for item in await self.store.items_of_portfolio(owner_id, portfolio_id):
            accounts = await self.store.accounts_of(owner_id, item.id)
            holdings = await self.store.holdings_of(owner_id, item.id)
            found.extend(household_accounts(accounts, holdings))
        return found

    async def market_value(self, owner_id: str, item_id: str) -> Decimal:
        holdings = await self.store.holdings_of(owner_id, item_id)
        return sum((h.institution_value for h in holdings), Decimal(0))

    async def _own_portfolio(self, principal: Principal, portfolio_id: str) -> None:
        portfolio = await self.portfolios.get_portfolio(portfolio_id)
        refusal = AggregationNotFound(f"portfolio {portfolio_id} not found", field="portfolio_id")
        owned_by(principal, portfolio, refusal)

    async def _record(self, owner_id: str, action: str, item_id: str) -> None:
        await self.audit.record(
            AuditEntry(
                actor=f"user:{owner_id}", action=action, target=f"aggregation_item:{item_id}",
                outcome="ok", at=self.clock.now(), details={},
            )
        )  # fmt: skip
