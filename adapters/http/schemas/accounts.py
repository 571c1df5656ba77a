"""Account and position DTOs: figures at current marks, None where a mark is missing."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from adapters.http.schemas.common import Output
from application.accounts import AccountView, PositionView
from domain.trading.account_profile import AccountStatus, AccountType, TradingType


class AccountOut(Output):
    """An account's cash and, when every held symbol has a mark, equity, buying power, day P&L."""

    id: str
    owner_id: str
    broker: str
    currency: str
    cash: Decimal
    equity: Decimal | None
    buying_power: Decimal | None
    day_pnl: Decimal | None
    start_of_day_equity: Decimal
    peak_equity: Decimal
    open_orders: int
    positions: int
    name: str
    account_type: AccountType
    trading_type: TradingType
    status: AccountStatus
    target_allocation: dict[str, Decimal]
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
    quantity: Decimal
    average_price: Decimal
    realized_pnl: Decimal
    mark: Decimal | None
    market_value: Decimal | None
    unrealized_pnl: Decimal | None

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
