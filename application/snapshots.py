"""Loads what the gate reads: instruments, marks and trading state, into an account snapshot."""

from __future__ import annotations

from application.trading_state import effective_state
from domain.risk.flow import OrderFlow
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account, MissingMark
from domain.trading.instruments import Instrument
from domain.trading.orders import Origin
from ports.clock import Clock
from ports.marketdata import MarketDataPort
from ports.unit_of_work import UnitOfWork


async def instrument_map(uow: UnitOfWork) -> dict[str, Instrument]:
    """Every instrument by symbol."""
    return {i.symbol: i for i in await uow.instruments.list()}


async def load_risk_view(
    uow: UnitOfWork,
    market: MarketDataPort,
    clock: Clock,
    account: Account,
    origin: Origin,
    flow: OrderFlow,
    extra_symbol: str | None = None,
) -> AccountRiskView:
    """Snapshot `account` (plus `extra_symbol`'s mark) for the gate.

    Raises MissingMark naming the held symbols that have no price: the caller
    must fail closed rather than value a position at a guess.
    """
    instruments = await instrument_map(uow)
    symbols = {*account.positions, *(o.symbol for o in account.open_orders.values())}
    if extra_symbol:
        symbols.add(extra_symbol)
    marks = await market.reference_prices(sorted(symbols))
    state = await effective_state(uow, account.id, origin)
    missing = sorted(s for s in symbols if s not in marks and account.position_quantity(s))
    if missing:
        raise MissingMark(str(missing))
    return build_risk_view(
        account, instruments, marks, now=clock.now(), trading_state=state, flow=flow
    )
