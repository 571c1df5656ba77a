"""Account aggregation: the aggregator (Plaid) and where linked items are kept.

`AggregatorPort` speaks to the aggregator with an item's plain access token (the service
opens the sealed one for the call and never keeps or logs it). Every failure is one of the
domain's aggregation errors (domain/aggregation/model.py): ItemLoginRequired,
AggregatorRateLimited, AggregatorRefused, AggregatorUnavailable.

`AggregationStore` keeps items, their accounts, the latest holdings snapshot and the synced
transactions; reads are owner-scoped (another user's item reads as None).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Protocol

from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    LinkedItem,
)
from domain.rebalancing.model import AccountHoldings


@dataclass(frozen=True, slots=True)
class LinkToken:
    link_token: str
    expiration: str  # ISO 8601, as the aggregator states it


@dataclass(frozen=True, slots=True)
class ExchangedItem:
    provider_item_id: str
    access_token: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class ProviderAccount:
    account_id: str
    name: str
    mask: str | None
    type: str
    subtype: str | None
    current_balance: Decimal | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class AccountsPage:
    institution_id: str | None
    accounts: list[ProviderAccount]


@dataclass(frozen=True, slots=True)
class ProviderHolding:
    account_id: str  # the provider's
    security_id: str
    symbol: str | None
    name: str | None
    security_type: str | None
    quantity: Decimal
    cost_basis: Decimal | None
    institution_price: Decimal
    institution_value: Decimal
    currency: str | None


@dataclass(frozen=True, slots=True)
class ProviderTransaction:
    transaction_id: str
    account_id: str  # the provider's
    day: date
    name: str
    amount: Decimal
    currency: str | None
    pending: bool


@dataclass(frozen=True, slots=True)
class SyncPage:
    """One page of /transactions/sync: apply it, then ask again from `next_cursor` while
    `has_more`."""

    added: list[ProviderTransaction]
    modified: list[ProviderTransaction]
    removed: list[str]
    next_cursor: str
    has_more: bool


class AggregatorPort(Protocol):
    async def create_link_token(self, client_user_id: str) -> LinkToken: ...

    async def exchange_public_token(self, public_token: str) -> ExchangedItem: ...

    async def accounts(self, access_token: str) -> AccountsPage: ...

    async def holdings(self, access_token: str) -> list[ProviderHolding]: ...

    async def sync_transactions(self, access_token: str, cursor: str | None) -> SyncPage: ...

    async def remove_item(self, access_token: str) -> None: ...


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    webhook_type: str  # HOLDINGS, TRANSACTIONS, ITEM, ...
    webhook_code: str  # DEFAULT_UPDATE, SYNC_UPDATES_AVAILABLE, ERROR, ...
    provider_item_id: str
    error_code: str | None
    body_sha256: str  # the verified body's hash: the key that makes delivery idempotent


class WebhookVerifier(Protocol):
    async def verify(self, body: bytes, signature: str | None) -> WebhookEvent:
        """The event of a body whose signature checks out; InvalidWebhook otherwise."""
        ...


class AggregationStore(Protocol):
    async def add_item(self, item: LinkedItem) -> None:
        """Conflict when the provider item is already linked (by anyone)."""
        ...

    async def get_item(self, item_id: str, owner_id: str) -> LinkedItem | None: ...

    async def item_by_provider_id(self, provider_item_id: str) -> LinkedItem | None:
        """Not owner-scoped: only for a verified webhook."""
        ...

    async def items_of(self, owner_id: str) -> list[LinkedItem]:
        """Oldest first."""
        ...

    async def items_of_portfolio(self, owner_id: str, portfolio_id: str) -> list[LinkedItem]: ...

    async def save_item(self, item: LinkedItem) -> None: ...

    async def remove_item(self, item_id: str, owner_id: str) -> bool:
        """Removes the item with its accounts, holdings and transactions."""
        ...

    async def replace_accounts(self, item_id: str, accounts: list[AggregatedAccount]) -> None: ...

    async def accounts_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedAccount]:
        """By id; of one item when `item_id` is given."""
        ...

    async def replace_holdings(self, item_id: str, holdings: list[AggregatedHolding]) -> None:
        """The item's holdings snapshot, replacing the previous one."""
        ...

    async def holdings_of(
        self, owner_id: str, item_id: str | None = None
    ) -> list[AggregatedHolding]:
        """By (account id, security id)."""
        ...

    async def apply_transactions(
        self,
        item_id: str,
        upserts: list[AggregatedTransaction],
        removed: list[str],
        cursor: str,
    ) -> None:
        """One sync page, with the cursor that follows it, in one write."""
        ...

    async def transactions_of(
        self, owner_id: str, item_id: str, *, limit: int = 500
    ) -> list[AggregatedTransaction]:
        """Newest day first, then by id."""
        ...

    async def claim_webhook(self, body_sha256: str) -> bool:
        """True the first time a verified webhook body is seen, False on a redelivery."""
        ...


class OutsideHoldings(Protocol):
    """What the rebalance's household reads of a portfolio's aggregated accounts."""

    async def household_accounts(self, owner_id: str, portfolio_id: str) -> list[AccountHoldings]:
        """Non-tradable accounts (domain/aggregation/household.py), by account id."""
        ...
