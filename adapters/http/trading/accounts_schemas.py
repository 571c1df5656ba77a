"""Account and position DTOs: figures at current marks, None where a mark is missing."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import ItemsOut, Mirror, Output
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut, RateOut
from application.trading.accounts import AccountView, PositionView
from domain.trading.account_profile import AccountStatus, AccountType, TradingType


class AccountOut(Output):
    """An account's cash and, when every held symbol has a mark, equity, buying power, day P&L."""

    id: str
    owner_id: str
    broker: str
    currency: str
    cash: MoneyOut
    equity: MoneyOut | None
    buying_power: MoneyOut | None
    day_pnl: MoneyOut | None
    start_of_day_equity: MoneyOut
    peak_equity: MoneyOut
    open_orders: int
    positions: int
    name: str
    account_type: AccountType
    trading_type: TradingType
    status: AccountStatus
    target_allocation: dict[str, RateOut]
    created_at: datetime | None

    @classmethod
    def from_domain(cls, view: AccountView) -> AccountOut:
        return cls.from_attributes(view, target_allocation=dict(view.target_allocation))


class AccountListOut(ItemsOut):
    items: list[AccountOut]


class PositionOut(Mirror[PositionView]):
    """One open position; signed quantity (negative = short)."""

    symbol: str
    quantity: QuantityOut
    average_price: PriceOut
    realized_pnl: MoneyOut
    mark: PriceOut | None
    market_value: MoneyOut | None
    unrealized_pnl: MoneyOut | None


class PositionListOut(ItemsOut):
    account_id: str
    items: list[PositionOut]
