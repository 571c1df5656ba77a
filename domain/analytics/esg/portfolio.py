"""A portfolio's ESG score with its coverage, and its exclusion screens.

Score. Holdings are summed by symbol; a holding is covered when its issuer has an overall
score. The portfolio score is value-weighted over the covered holdings only:
sum(v_i s_i) / sum(v_i), i covered, so that a missing score neither counts as 0 nor inflates
the rest; each pillar (E, S, G) likewise over the holdings with that pillar. Coverage is
reported by value (covered value / total value) and by count (covered holdings / holdings):
a score over 40% of the portfolio says less than one over 95%.

Screens. An issuer breaches a category when its revenue share from it is >= the category's
threshold and above 0 (a threshold of 0 excludes any involvement). DEFAULT_THRESHOLDS and
their sources are in docs/esg.md. A holding without data is "unscreened", never passed.
Weights are fractions of the portfolio's total value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.esg.model import EsgHolding, EsgRecord, ExclusionCategory, InvalidEsgInput
from domain.numbers import ONE, ZERO

C = ExclusionCategory
# Revenue-share thresholds (fractions): docs/esg.md gives the reasoning and sources.
DEFAULT_THRESHOLDS: dict[ExclusionCategory, Decimal] = {
    C.TOBACCO: Decimal(0),  # any producer involvement (EU PAB, Reg. (EU) 2020/1818 art. 12(1)(b))
    C.THERMAL_COAL: Decimal("0.01"),  # 1% of revenue (EU PAB art. 12(1)(d))
    C.WEAPONS: Decimal("0.05"),
    C.ALCOHOL: Decimal("0.05"),
    C.GAMBLING: Decimal("0.05"),
    C.ADULT_ENTERTAINMENT: Decimal("0.05"),
}


@dataclass(frozen=True, slots=True)
class HoldingScore:
    symbol: str
    value: Decimal
    weight: Decimal  # of the whole portfolio
    score: Decimal | None
    environmental: Decimal | None
    social: Decimal | None
    governance: Decimal | None


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the portfolio a figure rests on: by value and by count (fractions)."""

    value: Decimal
    count: int
    total_count: int
    by_value: Decimal  # covered value / total value
    by_count: Decimal  # covered holdings / holdings


@dataclass(frozen=True, slots=True)
class EsgScore:
    total_value: Decimal
    score: Decimal | None  # None: no holding covered
    environmental: Decimal | None
    social: Decimal | None
    governance: Decimal | None
    coverage: Coverage
    holdings: tuple[HoldingScore, ...]  # by value, largest first
    uncovered: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Breach:
    category: ExclusionCategory
    revenue_share: Decimal
    threshold: Decimal


@dataclass(frozen=True, slots=True)
class ScreenedHolding:
    symbol: str
    value: Decimal
    weight: Decimal
    breaches: tuple[Breach, ...]


@dataclass(frozen=True, slots=True)
class ScreenReport:
    total_value: Decimal
    thresholds: dict[ExclusionCategory, Decimal]
    excluded: tuple[ScreenedHolding, ...]  # by value, largest first
    excluded_value: Decimal
    excluded_weight: Decimal
    by_category: dict[ExclusionCategory, Decimal]  # weight breaching each category
    passed_weight: Decimal  # screened and breaching nothing
    unscreened: tuple[ScreenedHolding, ...]  # holdings without data
    unscreened_weight: Decimal


def consolidate(holdings: Sequence[EsgHolding]) -> tuple[list[EsgHolding], Decimal]:
    """Holdings summed by symbol (largest value first, then symbol) and the total value;
    InvalidEsgInput naming `holdings` or `holdings[i].value`."""
    if not holdings:
        raise InvalidEsgInput("holdings needs at least one holding", field="holdings")
    summed: dict[str, Decimal] = {}
    for i, holding in enumerate(holdings):
        if not holding.value.is_finite() or holding.value < ZERO:
            raise InvalidEsgInput("value must be 0 or more", field=f"holdings[{i}].value")
        summed[holding.symbol] = summed.get(holding.symbol, ZERO) + holding.value
    total = sum(summed.values(), ZERO)
    if total <= ZERO:
        raise InvalidEsgInput(
            "the holdings are worth nothing: an empty portfolio", field="holdings"
        )
    ordered = sorted(summed.items(), key=lambda kv: (-kv[1], kv[0]))
    return [EsgHolding(s, v) for s, v in ordered], total


def esg_score(holdings: Sequence[EsgHolding], records: Mapping[str, EsgRecord]) -> EsgScore:
    """The value-weighted score over covered holdings, with its coverage (module doc)."""
    merged, total = consolidate(holdings)
    rows = []
    for h in merged:
        r = records.get(h.symbol)
        rows.append(
            HoldingScore(
                h.symbol, h.value, h.value / total,
                None if r is None else r.score,
                None if r is None else r.environmental,
                None if r is None else r.social,
                None if r is None else r.governance,
            )
        )  # fmt: skip
    covered = [r for r in rows if r.score is not None]
    coverage = coverage_of((r.value for r in covered), len(covered), total, len(rows))
    return EsgScore(
        total_value=total,
        score=_weighted((r.value, r.score) for r in rows),
        environmental=_weighted((r.value, r.environmental) for r in rows),
        social=_weighted((r.value, r.social) for r in rows),
        governance=_weighted((r.value, r.governance) for r in rows),
        coverage=coverage,
        holdings=tuple(rows),
        uncovered=tuple(r.symbol for r in rows if r.score is None),
    )


def screen(
    holdings: Sequence[EsgHolding],
    records: Mapping[str, EsgRecord],
    thresholds: Mapping[ExclusionCategory, Decimal] | None = None,
) -> ScreenReport:
    """The exclusion screens (module doc); `thresholds` replaces the defaults of the
    categories it names, and only the categories in it are applied when given."""
    applied = dict(DEFAULT_THRESHOLDS if thresholds is None else thresholds)
    for category, threshold in applied.items():
        if not threshold.is_finite() or not ZERO <= threshold <= ONE:
            raise InvalidEsgInput(
                "a threshold is a fraction in [0, 1]", field=f"thresholds.{category.value}"
            )
    merged, total = consolidate(holdings)
    excluded, unscreened = [], []
    by_category = dict.fromkeys(applied, ZERO)
    passed = ZERO
    for h in merged:
        weight = h.value / total
        record = records.get(h.symbol)
        if record is None:
            unscreened.append(ScreenedHolding(h.symbol, h.value, weight, ()))
            continue
        breaches = tuple(
            Breach(c, share, applied[c])
            for c in ExclusionCategory
            if c in applied
            for share in (record.revenue_shares.get(c, ZERO),)
            if share > ZERO and share >= applied[c]
        )
        if breaches:
            excluded.append(ScreenedHolding(h.symbol, h.value, weight, breaches))
            for b in breaches:
                by_category[b.category] += weight
        else:
            passed += weight
    excluded_value = sum((x.value for x in excluded), ZERO)
    return ScreenReport(
        total_value=total,
        thresholds=applied,
        excluded=tuple(excluded),
        excluded_value=excluded_value,
        excluded_weight=excluded_value / total,
        by_category=by_category,
        passed_weight=passed,
        unscreened=tuple(unscreened),
        unscreened_weight=sum((x.weight for x in unscreened), ZERO),
    )


def coverage_of(
    values: Iterable[Decimal], count: int, total: Decimal, total_count: int
) -> Coverage:
    covered = sum(values, ZERO)
    return Coverage(
        value=covered,
        count=count,
        total_count=total_count,
        by_value=covered / total,
        by_count=Decimal(count) / Decimal(total_count),
    )


def _weighted(pairs: Iterable[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    weights, products = ZERO, ZERO
    for value, score in pairs:
        if score is not None:
            weights += value
            products += value * score
    return None if weights == ZERO else products / weights
