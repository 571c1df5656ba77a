"""Account and position DTOs: figures at current marks, None where a mark is missing."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Output
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
        return cls(
            id=view.id,
            owner_id=view.owner_id,
            broker=view.broker,
            currency=view.currency,
            cash=view.cash,
            equity=view.equity,
            buying_power=view.buying_power,
            day_pnl=view.day_pnl,
            start_of_day_equity=view.start_of_day_equity,
            peak_equity=view.peak_equity,
            open_orders=view.open_orders,
            positions=view.positions,
            name=view.name,
            account_type=view.account_type,
            trading_type=view.trading_type,
            status=view.status,
            target_allocation=dict(view.target_allocation),
            created_at=view.created_at,
        )


class AccountListOut(Output):
    items: list[AccountOut]


class PositionOut(Output):
    """One open position; signed quantity (negative = short)."""

    symbol: str
    quantity: QuantityOut
    average_price: PriceOut
    realized_pnl: MoneyOut
    mark: PriceOut | None
    market_value: MoneyOut | None
    unrealized_pnl: MoneyOut | None

    @classmethod
    def from_domain(cls, view: PositionView) -> PositionOut:
        return cls(
            symbol=view.symbol,
            quantity=view.quantity,
            average_price=view.average_price,
            realized_pnl=view.realized_pnl,
            mark=view.mark,
            market_value=view.market_value,
            unrealized_pnl=view.unrealized_pnl,
        )


class PositionListOut(Output):
    account_id: str
    items: list[PositionOut]
