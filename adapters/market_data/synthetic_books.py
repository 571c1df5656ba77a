"""Seeded level-2 books and option chains for the synthetic provider, built around a quote."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import numpy as np

from domain.analytics.options.smile import smile_volatility
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.options import OptionChain, OptionQuote
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import Quote

CENT = Decimal("0.01")
ROUND_LOT = 100
WHALE_CHANCE = 0.06
RISK_FREE_RATE = 0.04
EXPIRIES = 3
STRIKES_EACH_SIDE = 6
_YEAR_SECONDS = 365.25 * 86_400
_EXPIRY_TIME = time(21, 0)  # 16:00 New York (EST), when US equity options stop trading
_BOOK_STREAM = 1
_CHAIN_STREAM = 2


def _rng(seed: int, key: int, moment: datetime, stream: int) -> np.random.Generator:
    return np.random.default_rng(
        np.random.SeedSequence([seed, key, int(moment.timestamp()), stream])
    )


def build_order_book(quote: Quote, depth: int, *, seed: int, key: int, at: datetime) -> OrderBook:
    """Up to `depth` levels a side, one to three cents apart, sizes growing away from the touch
    (with noise and the odd whale); the touch is the quote's bid/ask and, when it has sizes,
    their sizes. Equal inputs give an equal book."""
    rng = _rng(seed, key, at, _BOOK_STREAM)
    bid, ask = _touch(quote)
    bids = _side(rng, bid, -1, depth, quote.bid_size) if bid > 0 else ()
    asks = _side(rng, ask, 1, depth, quote.ask_size)
    return OrderBook(symbol=quote.symbol, bids=bids, asks=asks, at=at)


def _touch(quote: Quote) -> tuple[Decimal, Decimal]:
    if 0 < quote.bid < quote.ask:
        return quote.bid, quote.ask
    # A one-sided or locked quote gets a one-cent market around its reference price.
    price = quote.mid if quote.mid > 0 else quote.bid or quote.ask
    return price - CENT, price + CENT


def _side(
    rng: np.random.Generator, touch: Decimal, direction: int, depth: int, touch_size: Decimal
) -> tuple[BookLevel, ...]:
    levels: list[BookLevel] = []
    price = touch
    for index in range(max(depth, 0)):
        if price <= 0:
            break
        lots = max(1, round((1 + 0.6 * index) * 5 * rng.lognormal(0.0, 0.5)))
        if index > 0 and rng.random() < WHALE_CHANCE:
            lots *= int(rng.integers(10, 40))
        size = touch_size if index == 0 and touch_size > 0 else Decimal(lots * ROUND_LOT)
        levels.append(BookLevel(price=price, size=size, orders=int(rng.integers(1, 4 + 2 * index))))
        price += direction * CENT * int(rng.choice((1, 1, 1, 2, 3)))
    return tuple(levels)


def monthly_expiries(today: date, count: int = EXPIRIES) -> list[date]:
    """The next `count` third Fridays strictly after `today` (standard monthly expiries)."""
    found: list[date] = []
    year, month = today.year, today.month
    while len(found) < count:
        third_friday = _third_friday(year, month)
        if third_friday > today:
            found.append(third_friday)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _third_friday(year: int, month: int) -> date:
    first_weekday = calendar.weekday(year, month, 1)
    first_friday = 1 + (calendar.FRIDAY - first_weekday) % 7
    return date(year, month, first_friday + 14)


def strike_step(spot: float) -> Decimal:
    """Listed strike spacing by price band, as US equity options are listed."""
    if spot < 25:
        return Decimal("0.5")
    if spot < 100:
        return Decimal(1)
    if spot < 200:
        return Decimal("2.5")
    return Decimal(5)


def occ_symbol(underlying: str, expiry: date, right: OptionRight, strike: Decimal) -> str:
    """The OCC option symbol, e.g. AAPL250117C00190000 (strike in thousandths, 8 digits)."""
    flag = "C" if right is OptionRight.CALL else "P"
    return f"{underlying}{expiry:%y%m%d}{flag}{int(strike * 1000):08d}"


def build_option_chain(
    underlying: str,
    spot: Decimal,
    volatility: float,
    *,
    at: datetime,
    expiry: date | None,
    seed: int,
    key: int,
) -> OptionChain:
    """Monthly expiries, strikes around spot, Black-Scholes-Merton theos (`bsm_greeks`, one
    vectorised call over the chain) on a smile, a market around each theo; `expiry` keeps that
    expiry only (none when it is not listed)."""
    rng = _rng(seed, key, datetime.combine(at.date(), time(), UTC), _CHAIN_STREAM)
    spot_f = float(spot)
    step = strike_step(spot_f)
    centre = (spot / step).to_integral_value() * step
    strikes = [centre + i * step for i in range(-STRIKES_EACH_SIDE, STRIKES_EACH_SIDE + 1)]
    listed_contracts: list[_Listed] = []
    for listed in monthly_expiries(at.date()):
        closes_at = datetime.combine(listed, _EXPIRY_TIME, UTC)
        years = max((closes_at - at).total_seconds(), 3600.0) / _YEAR_SECONDS
        for strike in strikes:
            if strike <= 0:
                continue
            iv = smile_volatility(volatility, spot_f, float(strike))
            for right in (OptionRight.CALL, OptionRight.PUT):
                volume, interest = int(rng.poisson(400)), int(rng.poisson(4000))
                if expiry is not None and listed != expiry:
                    continue
                listed_contracts.append(_Listed(listed, strike, right, years, iv, volume, interest))
    return OptionChain(
        underlying=underlying,
        underlying_price=spot,
        at=at,
        contracts=_priced(underlying, spot_f, listed_contracts),
    )


@dataclass(frozen=True, slots=True)
class _Listed:
    expiry: date
    strike: Decimal
    right: OptionRight
    years: float
    iv: float
    volume: int
    interest: int


def _priced(underlying: str, spot: float, listed: list[_Listed]) -> tuple[OptionQuote, ...]:
    if not listed:
        return ()
    from domain.analytics.options.bsm import bsm_greeks  # numba: loaded when a chain is priced

    greeks = bsm_greeks(
        spot,
        [float(item.strike) for item in listed],
        [item.years for item in listed],
        [item.iv for item in listed],
        RISK_FREE_RATE,
        0.0,
        [item.right is OptionRight.CALL for item in listed],
    )
    prices = np.maximum(greeks.price, 0.0).tolist()
    deltas = greeks.delta.tolist()
    return tuple(
        _contract(underlying, item, price, delta)
        for item, price, delta in zip(listed, prices, deltas, strict=True)
    )


def _contract(underlying: str, item: _Listed, price: float, delta: float) -> OptionQuote:
    theo = Decimal(f"{price:.4f}")
    half = max(Decimal("0.005"), theo * Decimal("0.02"))
    bid = max(Decimal(0), ((theo - half) / CENT).to_integral_value(ROUND_FLOOR) * CENT)
    ask = max(bid + CENT, ((theo + half) / CENT).to_integral_value(ROUND_CEILING) * CENT)
    return OptionQuote(
        symbol=occ_symbol(underlying, item.expiry, item.right, item.strike),
        underlying=underlying,
        expiry=item.expiry,
        strike=item.strike,
        right=item.right,
        bid=bid,
        ask=ask,
        last=theo.quantize(CENT),
        volume=item.volume,
        open_interest=item.interest,
        implied_volatility=round(item.iv, 6),
        delta=round(delta, 6),
    )
