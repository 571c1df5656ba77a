"""ESG score with coverage and exclusion screens: hand-worked portfolios and invariants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.esg.model import EsgHolding, EsgRecord, ExclusionCategory, InvalidEsgInput
from domain.analytics.esg.portfolio import DEFAULT_THRESHOLDS, esg_score, screen

D = Decimal
C = ExclusionCategory
AS_OF = date(2025, 6, 30)


def record(symbol: str, score: str | None, **kw: object) -> EsgRecord:
    shares = {C(k): D(str(v)) for k, v in kw.pop("shares", {}).items()}  # type: ignore[attr-defined]
    return EsgRecord(
        symbol, symbol, "Sector", AS_OF, None if score is None else D(score),
        revenue_shares=shares, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


RECORDS = {
    "AAA": record("AAA", "80", environmental=D(90), social=D(70), governance=D(60)),
    "BBB": record("BBB", "50", environmental=D(40), social=None, governance=D(50)),
    "SMK": record("SMK", "30", shares={"tobacco": "0.9"}),
    "BAR": record("BAR", "55", shares={"alcohol": "0.05", "gambling": "0.049"}),
    "COL": record("COL", None, shares={"thermal_coal": "0.01"}),
}


def test_the_score_is_value_weighted_over_covered_holdings_with_coverage() -> None:
    # Arrange: 600 AAA (80), 300 BBB (50), 100 FUND (no data)
    holdings = [EsgHolding("AAA", D(600)), EsgHolding("BBB", D(300)), EsgHolding("FUND", D(100))]

    # Act
    result = esg_score(holdings, RECORDS)

    # Assert: (600 x 80 + 300 x 50) / 900 = 70; the uncovered 100 counts neither way
    assert result.score == D(70)
    assert result.coverage.by_value == D("0.9") and result.coverage.by_count == D(2) / D(3)
    assert result.uncovered == ("FUND",)
    # E over both: (600 x 90 + 300 x 40) / 900; S only AAA has; G (600 x 60 + 300 x 50) / 900
    assert result.environmental == D(66000) / D(900)
    assert result.social == D(70)
    assert result.governance == D(51000) / D(900)
    assert [h.weight for h in result.holdings] == [D("0.6"), D("0.3"), D("0.1")]


def test_holdings_of_one_symbol_are_summed() -> None:
    # Act
    result = esg_score([EsgHolding("AAA", D(1)), EsgHolding("AAA", D(2))], RECORDS)

    # Assert
    assert [(h.symbol, h.value) for h in result.holdings] == [("AAA", D(3))]


def test_a_portfolio_without_covered_holdings_has_no_score() -> None:
    result = esg_score([EsgHolding("FUND", D(5))], RECORDS)
    assert result.score is None and result.coverage.by_value == 0


@pytest.mark.parametrize(
    ("holdings", "field"),
    [
        ([], "holdings"),
        ([EsgHolding("AAA", D(0))], "holdings"),
        ([EsgHolding("AAA", D(1)), EsgHolding("BBB", D(-1))], "holdings[1].value"),
    ],
)
def test_empty_or_negative_holdings_are_refused(holdings: list[EsgHolding], field: str) -> None:
    with pytest.raises(InvalidEsgInput) as caught:
        esg_score(holdings, RECORDS)
    assert caught.value.field == field


def test_default_screens_worked_by_hand() -> None:
    # Arrange
    holdings = [
        EsgHolding("AAA", D(400)),
        EsgHolding("SMK", D(100)),  # tobacco 90%: any involvement excludes
        EsgHolding("BAR", D(200)),  # alcohol exactly 5%: >= 5% breaches; gambling 4.9% passes
        EsgHolding("COL", D(200)),  # thermal coal exactly 1%: breaches the 1% threshold
        EsgHolding("FUND", D(100)),  # no data: unscreened
    ]

    # Act
    report = screen(holdings, RECORDS)

    # Assert
    assert [h.symbol for h in report.excluded] == ["BAR", "COL", "SMK"]
    bar = report.excluded[0]
    assert [(b.category, b.revenue_share) for b in bar.breaches] == [(C.ALCOHOL, D("0.05"))]
    assert report.excluded_value == D(500) and report.excluded_weight == D("0.5")
    assert report.by_category[C.TOBACCO] == D("0.1")
    assert report.by_category[C.THERMAL_COAL] == D("0.2")
    assert report.by_category[C.GAMBLING] == 0
    assert report.passed_weight == D("0.4") and report.unscreened_weight == D("0.1")
    assert report.thresholds == DEFAULT_THRESHOLDS


def test_custom_thresholds_choose_the_categories() -> None:
    # Act: only gambling, at 4%
    report = screen(
        [EsgHolding("BAR", D(1)), EsgHolding("SMK", D(1))], RECORDS, {C.GAMBLING: D("0.04")}
    )

    # Assert: BAR's 4.9% gambling now breaches; SMK's tobacco is not screened
    assert [h.symbol for h in report.excluded] == ["BAR"]
    assert report.passed_weight == D("0.5") and set(report.by_category) == {C.GAMBLING}


def test_a_threshold_outside_0_1_is_refused() -> None:
    with pytest.raises(InvalidEsgInput) as caught:
        screen([EsgHolding("AAA", D(1))], RECORDS, {C.WEAPONS: D("1.5")})
    assert caught.value.field == "thresholds.weapons"


weights = st.lists(
    st.tuples(st.sampled_from([*RECORDS, "X1", "X2"]), st.integers(0, 10_000)),
    min_size=1,
    max_size=12,
).filter(lambda rows: sum(v for _, v in rows) > 0)


@settings(max_examples=100, deadline=None)
@given(rows=weights)
def test_weights_sum_to_one_and_the_score_stays_within_its_holdings(
    rows: list[tuple[str, int]],
) -> None:
    # Arrange
    holdings = [EsgHolding(s, D(v)) for s, v in rows]

    # Act
    result = esg_score(holdings, RECORDS)
    screened = screen(holdings, RECORDS)

    # Assert
    assert abs(sum(h.weight for h in result.holdings) - 1) < D("1e-20")
    assert 0 <= result.coverage.by_value <= 1 and 0 <= result.coverage.by_count <= 1
    covered = [h.score for h in result.holdings if h.score is not None and h.value > 0]
    if covered:
        assert result.score is not None and min(covered) <= result.score <= max(covered)
    total = screened.excluded_weight + screened.passed_weight + screened.unscreened_weight
    assert abs(total - 1) < D("1e-20")
