"""DTOs of opening, changing and syncing accounts: strict inputs, the sync report out."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut
from adapters.wire.numbers import Money, UnitInterval
from application.trading.account_admin import OpenAccount, UpdateAccount
from application.trading.account_sync import PositionChange, SyncReport
from domain.principals import Principal
from domain.trading.account_profile import (
    MAX_ALLOCATION_SYMBOLS,
    MAX_NAME_LENGTH,
    AccountType,
    InvalidAccount,
    TradingType,
)

_NAME = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_LENGTH)]
_SYMBOL = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._/-]+$")]
_ALLOCATION = Annotated[
    dict[_SYMBOL, UnitInterval], msgspec.Meta(max_length=MAX_ALLOCATION_SYMBOLS)
]


class AccountIn(Input):
    """A new account of the caller, on a broker of the settings (`broker`) or on one of the
    caller's venue connections (`connection_id`): one of the two. `initial_cash` for paper
    accounts only (others: sync)."""

    name: _NAME
    base_currency: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")]
    account_type: AccountType
    trading_type: TradingType
    broker: Literal["paper", "alpaca", "ccxt", "tradier", "ibkr"] | None = None
    connection_id: Annotated[str, msgspec.Meta(pattern=r"^vc-[A-Za-z0-9_-]{1,64}$")] | None = None
    initial_cash: Money | None = None

    def to_command(self, principal: Principal) -> OpenAccount:
        if (self.broker is None) == (self.connection_id is None):
            raise InvalidAccount(
                "give one of `broker` (a broker of this instance's settings) and "
                "`connection_id` (one of your venue connections)",
                field="connection_id" if self.broker is not None else "broker",
            )
        route = self.connection_id or self.broker
        assert route is not None
        return OpenAccount(
            principal,
            self.name,
            route,
            self.base_currency,
            self.account_type,
            self.trading_type,
            self.initial_cash,
        )


class AccountPatchIn(Input):
    """Fields to change; a field left out stays. Fractions in [0, 1] summing to at most 1."""

    name: _NAME | None = None
    target_allocation: _ALLOCATION | None = None

    def to_command(self, principal: Principal, account_id: str) -> UpdateAccount:
        allocation = None
        if self.target_allocation is not None:
            allocation = {s: Decimal(f) for s, f in self.target_allocation.items()}
        return UpdateAccount(principal, account_id, self.name, allocation)


class PositionChangeOut(Output):
    symbol: str
    quantity_before: QuantityOut
    quantity_after: QuantityOut
    average_price: PriceOut


class AdoptedOrderOut(Output):
    order_id: str
    broker_order_id: str
    client_order_id: str
    symbol: str
    side: str
    quantity: QuantityOut


class SkippedOut(Output):
    kind: str
    symbol: str
    reason: str
    detail: str


class SyncReportOut(Output):
    """What a sync imported: cash before/after, positions, adopted open orders, what was skipped."""

    account_id: str
    broker: str
    synced_at: datetime
    cash_before: MoneyOut
    cash_after: MoneyOut
    broker_equity: MoneyOut
    positions_added: list[PositionChangeOut]
    positions_changed: list[PositionChangeOut]
    positions_removed: list[PositionChangeOut]
    positions_unchanged: int
    orders_adopted: list[AdoptedOrderOut]
    orders_known: int
    skipped: list[SkippedOut]

    @classmethod
    def from_domain(cls, report: SyncReport) -> SyncReportOut:
        def changes(items: list[PositionChange]) -> list[PositionChangeOut]:
            return [PositionChangeOut.from_attributes(c) for c in items]

        return cls.from_attributes(
            report,
            positions_added=changes(report.positions_added),
            positions_changed=changes(report.positions_changed),
            positions_removed=changes(report.positions_removed),
            orders_adopted=[AdoptedOrderOut.from_attributes(o) for o in report.orders_adopted],
            skipped=[SkippedOut.from_attributes(s) for s in report.skipped],
        )
