"""Stored bond holdings analysed together: each holding's figures, the book's totals, a shock
table side by side (full repricing, duration + convexity).

Units (domain/fixedincome/terms.py): a holding's quantity is in hundreds of face, so its face
= quantity x 100; its price is clean per 100 of face. Money (face, market value = dirty x face
/ 100, accrued, DV01, shock changes) is in the book's currency.

- Yield: solved from the stored clean price (`clean_price`, the mark) when there is one, else
  the bond's stated coupon rate is taken as its yield (`price_source` says which).
- Each holding: the bond's measures per 100 face (domain/fixedincome/bonds.py), its money
  figures, its weighted average life (a bullet bond repays all its principal at maturity:
  the years to maturity, ACT/365F) and, per parallel shift, its value change by full
  repricing beside the duration and the duration + convexity estimates.
- Totals: market-value (dirty) weighted yield, Macaulay and modified duration and convexity;
  principal-weighted average life; face, market value, accrued and DV01 summed; per shift the
  holdings' changes summed (domain/fixedincome/ladder.py).
- A holding that cannot be priced at settlement (matured, not yet issued, a price no yield
  reaches) is skipped with the reason, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.fixedincome.bonds import FACE, Bond, analyze_bond
from domain.fixedincome.errors import InvalidBondInput
from domain.fixedincome.ladder import LadderAnalytics, PositionResult, ladder_of, position_result
from domain.fixedincome.terms import UNITS_PER_FACE, BondTerms


class PriceSource(StrEnum):
    """Where a holding's yield comes from."""

    MARK = "mark"  # solved from the stored clean price
    STATED_COUPON = "stated_coupon"  # no stored price: the coupon rate taken as the yield


@dataclass(frozen=True, slots=True)
class BondHolding:
    """A bond held: `quantity` in hundreds of face (> 0), its stored clean price per 100."""

    symbol: str
    terms: BondTerms
    quantity: Decimal
    clean_price: Decimal | None = None


@dataclass(frozen=True, slots=True)
class HoldingShock:
    """A parallel shift's value change for one holding, in money."""

    shift_bp: float
    full_change: float
    duration_estimate: float
    estimate: float  # duration + convexity
    error: float  # estimate - full_change


@dataclass(frozen=True, slots=True)
class HoldingFigures:
    """One holding analysed: `position` holds the bond's figures and its money."""

    symbol: str
    quantity: Decimal
    price_source: PriceSource
    position: PositionResult
    shocks: tuple[HoldingShock, ...]

    @property
    def weighted_average_life(self) -> float:
        """A bullet bond's principal is all repaid at maturity: its years to maturity."""
        return self.position.years_to_maturity


@dataclass(frozen=True, slots=True)
class SkippedHolding:
    symbol: str
    reason: str


@dataclass(frozen=True, slots=True)
class BookFigures:
    """The holdings analysed at `settlement`, those skipped, and the totals (None when no
    holding could be analysed)."""

    settlement: date
    holdings: tuple[HoldingFigures, ...]
    skipped: tuple[SkippedHolding, ...]
    totals: LadderAnalytics | None
    yield_rate: float | None  # market-value weighted
    macaulay_duration: float | None  # market-value weighted, years


def bond_of(terms: BondTerms) -> Bond:
    """The pricing model's bond for stored terms."""
    return Bond(
        maturity=terms.maturity,
        coupon_rate=float(terms.coupon_rate),
        frequency=terms.frequency,
        day_count=terms.day_count,
        issue_date=terms.issue_date,
    )


def _not_priceable(holding: BondHolding, settlement: date) -> str | None:
    terms = holding.terms
    if holding.quantity <= 0:
        return f"quantity {holding.quantity} is not a holding"
    if terms.maturity <= settlement:
        return f"matured on {terms.maturity}"
    if terms.issue_date > settlement:
        return f"not issued until {terms.issue_date}"
    return None


def _analyse(
    holding: BondHolding, settlement: date, shifts_bp: tuple[float, ...]
) -> HoldingFigures:
    """InvalidBondInput when the bond cannot be priced (`shocks_bp` for a bad shift)."""
    bond = bond_of(holding.terms)
    if holding.clean_price is None:
        source = PriceSource.STATED_COUPON
        analytics = analyze_bond(bond, settlement, yield_rate=bond.coupon_rate, shifts_bp=shifts_bp)
    else:
        source = PriceSource.MARK
        analytics = analyze_bond(
            bond, settlement, clean=float(holding.clean_price), shifts_bp=shifts_bp
        )
    face = float(holding.quantity * UNITS_PER_FACE)
    scale = face / FACE
    shocks = tuple(
        HoldingShock(
            s.shift_bp,
            s.full_change * scale,
            s.duration_estimate * scale,
            s.estimate * scale,
            s.error * scale,
        )
        for s in analytics.shocks
    )
    position = position_result(settlement, face, analytics)
    return HoldingFigures(holding.symbol, holding.quantity, source, position, shocks)


def _by_symbol(skipped: list[SkippedHolding]) -> tuple[SkippedHolding, ...]:
    return tuple(sorted(skipped, key=lambda s: s.symbol))


def analyse_holdings(
    settlement: date,
    holdings: list[BondHolding],
    shifts_bp: tuple[float, ...],
    skipped: tuple[SkippedHolding, ...] = (),
) -> BookFigures:
    """Each holding analysed (or skipped with the reason), then the book's totals.

    A shift beyond the allowed range (domain/fixedincome/bonds.py `check_shifts`) is the
    caller's mistake: InvalidBondInput naming `shocks_bp`, not a skipped holding.
    """
    analysed: list[HoldingFigures] = []
    passed = list(skipped)
    for holding in holdings:
        reason = _not_priceable(holding, settlement)
        if reason is None:
            try:
                analysed.append(_analyse(holding, settlement, shifts_bp))
                continue
            except InvalidBondInput as error:
                if error.field == "shocks_bp":
                    raise
                reason = f"{error.field}: {error.message}"
        passed.append(SkippedHolding(holding.symbol, reason))
    if not analysed:
        return BookFigures(settlement, (), _by_symbol(passed), None, None, None)
    totals = ladder_of(settlement, tuple(h.position for h in analysed), shifts_bp)
    value = totals.market_value
    weighted_yield = sum(
        h.position.analytics.yield_rate * h.position.market_value for h in analysed
    )
    macaulay = sum(
        h.position.analytics.macaulay_duration * h.position.market_value for h in analysed
    )
    return BookFigures(
        settlement=settlement,
        holdings=tuple(analysed),
        skipped=_by_symbol(passed),
        totals=totals,
        yield_rate=weighted_yield / value,
        macaulay_duration=macaulay / value,
    )
