"""Futures curves: term structure, contango / backwardation, roll yield, calendar spreads and
the refinery crack spread (3-2-1 and other ratios).

Conventions (docs/markets-macro.md):
- Prices are Decimal in the contract's quote unit (WTI crude: USD per barrel; RBOB gasoline
  and ULSD heating oil: USD per gallon). A price must be > 0: a log roll yield has no meaning
  at or below zero (WTI's May 2020 contract settled at -37.63; such a day is refused, not
  guessed at).
- Time is ACT/365F: years = calendar days / 365 from `as_of` to a contract's expiry.
- Roll yield between a nearer contract (price F1, expiry T1) and a farther one (F2, T2) is
  annualized and continuously compounded: ln(F1 / F2) / (T2 - T1). It is positive in
  backwardation (a long position rolls into a cheaper contract and gains as it converges)
  and negative in contango. With a spot price S, the spot roll yield is ln(S / F1) / T1.
- A calendar spread is near minus far (F1 - F2), in the quote unit, as exchanges quote it.
- Shape: CONTANGO when every later contract is dearer than the one before, BACKWARDATION
  when every later one is cheaper, FLAT when all are equal, MIXED otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from itertools import pairwise

from domain.errors import DomainError

GALLONS_PER_BARREL = Decimal(42)  # U.S. oil barrel, 42 U.S. gallons
MAX_CONTRACTS = 120  # ten years of monthly contracts
DAYS_PER_YEAR = 365  # ACT/365F
PER_BARREL_PLACES = Decimal("0.000001")  # a crack per barrel, to a millionth of a dollar


class InvalidMarketInput(DomainError):
    """A futures or macro input that cannot be used (422, naming the field)."""

    code = "INVALID_MARKET_INPUT"


class NegativePrice(InvalidMarketInput):
    """A price at or below zero where a positive one is needed (422, naming the field)."""

    code = "NEGATIVE_PRICE"


class CurveShape(StrEnum):
    CONTANGO = "contango"
    BACKWARDATION = "backwardation"
    FLAT = "flat"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class FuturesQuote:
    """One contract's settlement price: `contract` is its code (CLZ24), `expiry` its last
    trading day, `price` in the quote unit."""

    contract: str
    expiry: date
    price: Decimal


@dataclass(frozen=True, slots=True)
class CurvePoint:
    quote: FuturesQuote
    years: float  # ACT/365F from as_of to expiry


@dataclass(frozen=True, slots=True)
class CalendarSpread:
    """Near minus far, in the quote unit; `roll_yield` annualized, continuously compounded."""

    near: str
    far: str
    spread: Decimal
    days: int
    roll_yield: float
    state: CurveShape  # of this pair: CONTANGO (far dearer), BACKWARDATION or FLAT


@dataclass(frozen=True, slots=True)
class TermStructure:
    as_of: date
    points: tuple[CurvePoint, ...]
    spot: Decimal | None
    shape: CurveShape
    spreads: tuple[CalendarSpread, ...]
    front_to_back_roll_yield: float | None  # first to last contract, None with one contract
    spot_roll_yield: float | None  # ln(S / F1) / T1, None without a spot


def check_price(price: Decimal, field: str) -> Decimal:
    """`price` when it is finite and above zero; NEGATIVE_PRICE naming `field` otherwise."""
    if not price.is_finite():
        raise InvalidMarketInput(f"{field} must be a finite number", field=field)
    if price <= 0:
        raise NegativePrice(f"{field} must be above zero, got {price}", field=field)
    return price


def roll_yield(near: Decimal, far: Decimal, days_between: int) -> float:
    """ln(near / far) annualized over `days_between` calendar days (ACT/365F)."""
    if days_between <= 0:
        raise InvalidMarketInput("the far contract must expire after the near one")
    return math.log(float(near) / float(far)) * DAYS_PER_YEAR / days_between


def _state(near: Decimal, far: Decimal) -> CurveShape:
    if far > near:
        return CurveShape.CONTANGO
    if far < near:
        return CurveShape.BACKWARDATION
    return CurveShape.FLAT


def curve_shape(prices: Sequence[Decimal]) -> CurveShape:
    """The curve's shape from its prices in expiry order (module doc)."""
    states = {_state(a, b) for a, b in pairwise(prices)}
    if not states or states == {CurveShape.FLAT}:
        return CurveShape.FLAT
    if len(states) == 1:
        return states.pop()
    return CurveShape.MIXED


def term_structure(
    as_of: date, quotes: Sequence[FuturesQuote], spot: Decimal | None = None
) -> TermStructure:
    """The curve of `quotes` on `as_of` (any order): expiries after `as_of`, each once,
    prices above zero; 1 to MAX_CONTRACTS contracts. Fields named `contracts[i].<field>`."""
    if not 1 <= len(quotes) <= MAX_CONTRACTS:
        raise InvalidMarketInput(f"give 1 to {MAX_CONTRACTS} contracts", field="contracts")
    for index, quote in enumerate(quotes):
        check_price(quote.price, f"contracts[{index}].price")
        if quote.expiry <= as_of:
            raise InvalidMarketInput(
                f"contract {quote.contract} expires on or before {as_of.isoformat()}",
                field=f"contracts[{index}].expiry",
            )
    ordered = sorted(quotes, key=lambda q: q.expiry)
    for a, b in pairwise(ordered):
        if a.expiry == b.expiry:
            raise InvalidMarketInput(
                f"contracts {a.contract} and {b.contract} share the expiry {a.expiry}",
                field="contracts",
            )
    if spot is not None:
        check_price(spot, "spot")
    points = tuple(CurvePoint(q, (q.expiry - as_of).days / DAYS_PER_YEAR) for q in ordered)
    spreads = tuple(
        CalendarSpread(
            near=a.contract,
            far=b.contract,
            spread=a.price - b.price,
            days=(b.expiry - a.expiry).days,
            roll_yield=roll_yield(a.price, b.price, (b.expiry - a.expiry).days),
            state=_state(a.price, b.price),
        )
        for a, b in pairwise(ordered)
    )
    first, last = ordered[0], ordered[-1]
    front_to_back = (
        roll_yield(first.price, last.price, (last.expiry - first.expiry).days)
        if len(ordered) > 1
        else None
    )
    spot_yield = (
        None if spot is None else roll_yield(spot, first.price, (first.expiry - as_of).days)
    )
    return TermStructure(
        as_of=as_of,
        points=points,
        spot=spot,
        shape=curve_shape([q.price for q in ordered]),
        spreads=spreads,
        front_to_back_roll_yield=front_to_back,
        spot_roll_yield=spot_yield,
    )


@dataclass(frozen=True, slots=True)
class CrackSpread:
    """A refinery margin in USD per barrel of crude; `total` for the whole ratio's barrels."""

    ratio: tuple[int, int, int]  # crude, gasoline, distillate barrels
    crude_usd_per_bbl: Decimal
    gasoline_usd_per_bbl: Decimal
    distillate_usd_per_bbl: Decimal
    total: Decimal  # USD for `ratio[0]` barrels of crude
    per_barrel: Decimal  # total / crude barrels


def crack_spread(
    crude_usd_per_bbl: Decimal,
    gasoline_usd_per_gal: Decimal,
    distillate_usd_per_gal: Decimal,
    ratio: tuple[int, int, int] = (3, 2, 1),
) -> CrackSpread:
    """The crack spread of `ratio` (crude, gasoline, distillate barrels; the products add up
    to the crude): products at USD per gallon times 42 gallons a barrel, less the crude.
    3-2-1: (2 x gasoline x 42 + 1 x heating oil x 42 - 3 x crude) / 3 per barrel."""
    crude_bbl, gasoline_bbl, distillate_bbl = ratio
    if crude_bbl < 1 or gasoline_bbl < 0 or distillate_bbl < 0:
        raise InvalidMarketInput("ratio: whole barrels, crude at least 1", field="ratio")
    if gasoline_bbl + distillate_bbl != crude_bbl:
        raise InvalidMarketInput(
            "ratio: the product barrels must add up to the crude barrels (3-2-1, 5-3-2, 2-1-1)",
            field="ratio",
        )
    crude = check_price(crude_usd_per_bbl, "crude")
    gasoline = check_price(gasoline_usd_per_gal, "gasoline") * GALLONS_PER_BARREL
    distillate = check_price(distillate_usd_per_gal, "distillate") * GALLONS_PER_BARREL
    total = gasoline_bbl * gasoline + distillate_bbl * distillate - crude_bbl * crude
    return CrackSpread(
        ratio=ratio,
        crude_usd_per_bbl=crude,
        gasoline_usd_per_bbl=gasoline,
        distillate_usd_per_bbl=distillate,
        total=total,
        per_barrel=(total / crude_bbl).quantize(PER_BARREL_PLACES, rounding=ROUND_HALF_EVEN),
    )
