"""Helpers of the account, risk and margin HTTP tests: holdings booked straight into the store,
daily bars stored with chosen returns."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from domain.market_data.bars import BarSeries, Timeframe
from domain.trading.instruments import Instrument
from domain.trading.positions import Position
from tests.http.harness import Harness, User

D = Decimal


async def hold(harness: Harness, account_id: str, symbol: str, quantity: str, price: str) -> None:
    """Book a position bought (or sold short) at `price`: cash pays for it, equity is unchanged."""
    async with harness.container.core.uow_factory()() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        account.positions[symbol] = Position(symbol, D(quantity), D(price))
        account.touch(symbol)  # changed by hand, not through apply_fill: tell the risk book
        account.cash -= D(quantity) * D(price)
        await uow.accounts.add(account)
        await uow.commit()


async def store_closes(harness: Harness, returns: dict[str, np.ndarray]) -> list[date]:
    """Daily closes from 100 with these log returns, the last one yesterday; their days."""
    count = len(next(iter(returns.values()))) + 1
    today = harness.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    stamps = [today - timedelta(days=count - k) for k in range(count)]
    starts = np.array([s.timestamp() for s in stamps])
    store = harness.container.market_data.bar_store()
    for symbol, r in returns.items():
        close = 100 * np.exp(np.concatenate([[0.0], np.cumsum(r)]))
        series = BarSeries(starts, close, close, close, close, np.full(count, 1000.0))
        await store.write_series(symbol, Timeframe.D1, series)
    return [s.date() for s in stamps]


async def fat_tailed_account(
    harness: Harness, owner: User, account_id: str
) -> tuple[str, dict[str, np.ndarray], list[date]]:
    """An account of the owner's holding 100 FITA (190) and 50 FITB (410), with 120 days of
    fat-tailed stored returns of each (Student t with 3 degrees of freedom): the account's id
    (as `harness.account` made it), the returns and their days."""
    await harness.instrument("FITA", "190")
    await harness.instrument("FITB", "410")
    account = await harness.account(owner, account_id)
    await hold(harness, account, "FITA", "100", "190")
    await hold(harness, account, "FITB", "50", "410")
    rng = np.random.default_rng(21)
    returns = {"FITA": 0.01 * rng.standard_t(3, 120), "FITB": 0.012 * rng.standard_t(3, 120)}
    return account, returns, await store_closes(harness, returns)


async def unpriced_instrument(harness: Harness, symbol: str) -> None:
    """An instrument the market has no price for."""
    async with harness.container.core.uow_factory()() as uow:
        await uow.instruments.add(Instrument(symbol, sector="Tech"))
        await uow.commit()


def api_key(key: str) -> dict[str, str]:
    return {"X-API-Key": key}
