"""A bond ladder: bullet bonds held in face amounts, analysed together at one settlement date.

Units: face amounts, market values, DV01 and shock impacts in the ladder's currency (money,
not per 100); years to maturity and the weighted average life in years of ACT/365F from the
settlement date; durations in years, convexity in years^2 (market-value weighted).

- Weighted average life = sum(face_i x years_i) / sum(face_i): the principal of a bullet bond
  is all repaid at maturity, so each bond's principal is weighted by its time to maturity.
- Gaps: the calendar years from the first maturity's year to the last one's in which no bond
  of the ladder matures (a year the ladder returns no principal: a liquidity gap).
- Total DV01 = sum of the positions' DV01 (dirty x modified duration x face / 100 / 10,000):
  the ladder's gain for a parallel 1 bp fall of every bond's own yield.
- Shock table: for each parallel shift every bond is repriced at its yield + shift and the
  changes summed (`full_change`), beside the summed duration and duration + convexity
  estimates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.fixedincome.bonds import FACE, Bond, BondAnalytics, analyze_bond
from domain.fixedincome.errors import InvalidBondInput

MAX_POSITIONS = 1_000
MAX_FACE = 1e15
DAYS_PER_YEAR = 365.0  # ACT/365F for years to maturity and the WAL


@dataclass(frozen=True, slots=True)
class LadderPosition:
    """A bond held in `face` (money, > 0), priced from its yield or its clean price."""

    bond: Bond
    face: float
    yield_rate: float | None = None
    clean_price: float | None = None


@dataclass(frozen=True, slots=True)
class PositionResult:
    """One position: the bond's analytics (per 100) and its money figures (x face / 100)."""

    face: float
    analytics: BondAnalytics
    market_value: float  # dirty x face / 100
    accrued_amount: float  # accrued x face / 100
    dv01: float  # money per 1 bp
    years_to_maturity: float  # ACT/365F from settlement


@dataclass(frozen=True, slots=True)
class LadderShock:
    """A parallel shift's impact on the whole ladder, in money (sums over the positions)."""

    shift_bp: float
    full_change: float
    duration_estimate: float
    estimate: float
    error: float


@dataclass(frozen=True, slots=True)
class LadderAnalytics:
    """The ladder's totals, its maturity profile and its shock table (see the module doc)."""

    settlement: date
    positions: tuple[PositionResult, ...]
    total_face: float
    market_value: float
    accrued_amount: float
    dv01: float
    modified_duration: float
    convexity: float
    weighted_average_life: float
    first_maturity: date
    last_maturity: date
    maturity_years: tuple[int, ...]
    gaps: tuple[int, ...]
    shocks: tuple[LadderShock, ...]


def maturity_gaps(maturities: list[date]) -> tuple[int, ...]:
    """The calendar years between the first and the last maturity with no maturity."""
    years = {day.year for day in maturities}
    return tuple(year for year in range(min(years), max(years) + 1) if year not in years)


def weighted_average_life(settlement: date, faces: list[float], maturities: list[date]) -> float:
    """Principal-weighted years (ACT/365F) from settlement to each bullet's maturity."""
    total = sum(faces)
    weighted = sum(
        face * (maturity - settlement).days / DAYS_PER_YEAR
        for face, maturity in zip(faces, maturities, strict=True)
    )
    return weighted / total


def position_result(settlement: date, face: float, analytics: BondAnalytics) -> PositionResult:
    """A bond's analytics (per 100 face) scaled to the `face` held."""
    scale = face / FACE
    return PositionResult(
        face=face,
        analytics=analytics,
        market_value=analytics.dirty_price * scale,
        accrued_amount=analytics.accrued * scale,
        dv01=analytics.dv01 * scale,
        years_to_maturity=(analytics.bond.maturity - settlement).days / DAYS_PER_YEAR,
    )


def _position(
    settlement: date, index: int, position: LadderPosition, shifts: tuple[float, ...]
) -> PositionResult:
    face = position.face
    if not 0.0 < face <= MAX_FACE:  # NaN fails both comparisons
        raise InvalidBondInput(
            f"face must be a finite amount in (0, {MAX_FACE:g}], got {face!r}",
            field=f"bonds[{index}].face",
        )
    try:
        analytics = analyze_bond(
            position.bond,
            settlement,
            yield_rate=position.yield_rate,
            clean=position.clean_price,
            shifts_bp=shifts,
        )
    except InvalidBondInput as error:
        raise InvalidBondInput(error.message, field=f"bonds[{index}].{error.field}") from None
    return position_result(settlement, face, analytics)


def analyze_ladder(
    settlement: date, positions: list[LadderPosition], shifts_bp: tuple[float, ...] = ()
) -> LadderAnalytics:
    """Every position analysed, then the ladder's totals (InvalidBondInput naming
    `bonds[i].<field>` for a bad position, `bonds` for none or more than MAX_POSITIONS)."""
    if not 1 <= len(positions) <= MAX_POSITIONS:
        raise InvalidBondInput(
            f"a ladder holds 1 to {MAX_POSITIONS:,} bonds, got {len(positions):,}", field="bonds"
        )
    results = tuple(
        _position(settlement, index, position, shifts_bp)
        for index, position in enumerate(positions)
    )
    return ladder_of(settlement, results, shifts_bp)


def ladder_of(
    settlement: date, results: tuple[PositionResult, ...], shifts_bp: tuple[float, ...]
) -> LadderAnalytics:
    """The totals of positions already analysed at `settlement` with `shifts_bp` (at least
    one position; each analytics' shocks in the order of `shifts_bp`)."""
    market_value = sum(r.market_value for r in results)
    faces = [r.face for r in results]
    maturities = [r.analytics.bond.maturity for r in results]
    shocks = []
    for k, shift in enumerate(shifts_bp):
        impacts = [(r.analytics.shocks[k], r.face / FACE) for r in results]
        full = sum(i.full_change * s for i, s in impacts)
        linear = sum(i.duration_estimate * s for i, s in impacts)
        estimate = sum(i.estimate * s for i, s in impacts)
        shocks.append(LadderShock(shift, full, linear, estimate, estimate - full))
    return LadderAnalytics(
        settlement=settlement,
        positions=results,
        total_face=sum(faces),
        market_value=market_value,
        accrued_amount=sum(r.accrued_amount for r in results),
        dv01=sum(r.dv01 for r in results),
        modified_duration=sum(r.analytics.modified_duration * r.market_value for r in results)
        / market_value,
        convexity=sum(r.analytics.convexity * r.market_value for r in results) / market_value,
        weighted_average_life=weighted_average_life(settlement, faces, maturities),
        first_maturity=min(maturities),
        last_maturity=max(maturities),
        maturity_years=tuple(sorted({day.year for day in maturities})),
        gaps=maturity_gaps(maturities),
        shocks=tuple(shocks),
    )
