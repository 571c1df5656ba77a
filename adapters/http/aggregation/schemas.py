"""Aggregation DTOs: link tokens, linked items (never their access token), accounts,
holdings, transactions, sync results and webhook acknowledgements."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut
from application.aggregation.service import SyncResult
from application.aggregation.webhooks import WebhookResult
from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    LinkedItem,
)
from ports.aggregation.aggregation import LinkToken

_ID = msgspec.Meta(pattern=r"^[A-Za-z0-9_-]{1,64}$")


class AggregationLinkTokenOut(Output):
    link_token: str
    expiration: str

    @classmethod
    def from_domain(cls, token: LinkToken) -> AggregationLinkTokenOut:
        return cls(link_token=token.link_token, expiration=token.expiration)


class AggregationExchangeIn(Input):
    """The public token Link handed the browser, and the portfolio (the caller's) whose
    household the item's investment accounts count in (none: in no household)."""

    public_token: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    portfolio_id: Annotated[str, _ID] | None = None


class AggregationAttachIn(Input):
    portfolio_id: Annotated[str, _ID] | None


class AggregationItemOut(Mirror[LinkedItem]):
    id: str
    institution_id: str | None
    portfolio_id: str | None
    status: str
    error_code: str | None
    created_at: datetime
    last_synced_at: datetime | None

    enum_values = ("status",)


class AggregationItemListOut(ItemsOut):
    items: list[AggregationItemOut]


class AggregationAccountOut(Output):
    id: str
    item_id: str
    name: str
    mask: str | None
    type: str
    subtype: str | None
    current_balance: MoneyOut | None
    currency: str | None
    read_only: bool = True

    @classmethod
    def from_domain(cls, a: AggregatedAccount) -> AggregationAccountOut:
        return cls(
            id=a.id, item_id=a.item_id, name=a.name, mask=a.mask, type=a.type,
            subtype=a.subtype, current_balance=a.current_balance, currency=a.currency,
        )  # fmt: skip


class AggregationAccountListOut(ItemsOut):
    items: list[AggregationAccountOut]


class AggregationHoldingOut(Mirror[AggregatedHolding]):
    account_id: str
    security_id: str
    symbol: str | None
    name: str | None
    security_type: str | None
    quantity: QuantityOut
    cost_basis: MoneyOut | None
    institution_price: PriceOut
    institution_value: MoneyOut
    currency: str | None
    as_of: date


class AggregationHoldingListOut(ItemsOut):
    items: list[AggregationHoldingOut]


class AggregationTransactionOut(Output):
    id: str
    account_id: str
    date: date
    name: str
    amount: MoneyOut
    currency: str | None
    pending: bool

    @classmethod
    def from_domain(cls, t: AggregatedTransaction) -> AggregationTransactionOut:
        return cls.from_attributes(t, date=t.day)


class AggregationTransactionListOut(ItemsOut):
    items: list[AggregationTransactionOut]


class AggregationSyncOut(Output):
    item: AggregationItemOut
    accounts: int
    holdings: int
    added: int
    modified: int
    removed: int
    has_more: bool

    @classmethod
    def from_domain(cls, r: SyncResult) -> AggregationSyncOut:
        return cls.from_attributes(r, item=AggregationItemOut.from_domain(r.item))


class AggregationWebhookAckOut(Output):
    outcome: str

    @classmethod
    def from_domain(cls, r: WebhookResult) -> AggregationWebhookAckOut:
        return cls(outcome=r.outcome.value)
