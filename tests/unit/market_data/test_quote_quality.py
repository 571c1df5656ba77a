"""Provider choice by quality and cost: the consensus read, the sources' grades, and the
cheapest source that is fresh enough."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.memory.clock import FakeClock
from application.market_data.market import MarketDataUnavailable, SymbolNotFound
from application.market_data.quote_quality import InvalidQuoteRequest, QuoteQuality
from domain.market_data.source_quality import (
    Grade,
    Observation,
    QualityBands,
    cheapest_first,
    quality_of,
)
from ports.market_data.marketdata import Quote
from tests.unit.market_data.test_failover import DOWN, FakeProvider

D = Decimal


class Lagging(FakeProvider):
    """A provider whose quotes are `age_s` old when it answers."""

    def __init__(self, name: str, clock: FakeClock, price: str, age_s: float) -> None:
        super().__init__(name, clock, {"AAPL": price})
        self.age_s = age_s

    def make_quote(self, symbol: str) -> Quote:
        quote = super().make_quote(symbol)
        at = quote.at - timedelta(seconds=self.age_s)
        return Quote(quote.symbol, quote.bid, quote.ask, quote.last, at)


def feed_of(*providers: FakeProvider, costs: dict[str, str] | None = None) -> FailoverMarketData:
    config = FailoverConfig(costs=tuple((n, D(c)) for n, c in (costs or {}).items()))
    return FailoverMarketData([[p] for p in providers], providers[0].clock, config)


def quality_over(feed: FailoverMarketData, clock: FakeClock, **costs: str) -> QuoteQuality:
    return QuoteQuality(feed, clock, costs={n: D(c) for n, c in costs.items()})


# -- the consensus read -------------------------------------------------------------------


async def test_the_consensus_is_the_median_of_the_agreeing_sources_and_flags_the_outlier() -> None:
    # Arrange
    clock = FakeClock()
    a, b = (
        FakeProvider("a", clock, {"AAPL": "190.00"}),
        FakeProvider("b", clock, {"AAPL": "190.04"}),
    )
    c = FakeProvider("c", clock, {"AAPL": "199.00"})
    quality = quality_over(feed_of(a, b, c), clock)

    # Act
    view = await quality.consensus("aapl")

    # Assert
    assert view.consensus.contributors == ("a", "b")
    assert view.consensus.mid == D("190.02")
    flagged = {s.source: s.outlier for s in view.sources}
    assert flagged == {"a": False, "b": False, "c": True}
    stray = next(s for s in view.sources if s.source == "c").deviation_bps
    assert stray is not None and stray > 400


async def test_a_source_that_fails_is_a_gap_and_the_others_still_agree() -> None:
    clock = FakeClock()
    a, b, c = (FakeProvider(n, clock, {"AAPL": "190"}) for n in "abc")
    c.mode = DOWN
    quality = quality_over(feed_of(a, b, c), clock)

    view = await quality.consensus("AAPL")

    assert view.consensus.agreed
    assert next(s for s in view.sources if s.source == "c").error is not None
    grades = {q.source: q for q in quality.grades()}
    assert grades["c"].gap_rate == 1.0 and grades["c"].grade is Grade.D
    assert grades["a"].grade is Grade.A


async def test_an_unknown_symbol_is_not_found_and_an_outage_is_unavailable() -> None:
    clock = FakeClock()
    a, b = FakeProvider("a", clock), FakeProvider("b", clock)
    quality = quality_over(feed_of(a, b), clock)

    with pytest.raises(SymbolNotFound):
        await quality.consensus("NOPE")
    a.mode = b.mode = DOWN
    with pytest.raises(MarketDataUnavailable):
        await quality.consensus("AAPL")


async def test_a_source_that_keeps_disagreeing_grades_down_and_a_stale_one_too() -> None:
    # Arrange: c strays by 5%; d answers 30 s old quotes
    clock = FakeClock()
    a, b = FakeProvider("a", clock, {"AAPL": "190"}), FakeProvider("b", clock, {"AAPL": "190.01"})
    c = FakeProvider("c", clock, {"AAPL": "199.5"})
    d = Lagging("d", clock, "190.02", age_s=30)
    quality = quality_over(feed_of(a, b, c, d), clock)

    # Act
    for _ in range(10):
        await quality.consensus("AAPL")

    # Assert
    grades = {q.source: q for q in quality.grades()}
    assert grades["a"].grade is Grade.A
    assert grades["c"].disagreement_rate == 1.0 and grades["c"].grade is Grade.D
    assert grades["d"].staleness_s == 30 and grades["d"].grade is Grade.C
    assert grades["a"].rounds == 10


# -- grades ---------------------------------------------------------------------------------


def test_without_observations_a_source_is_unrated() -> None:
    assert quality_of("a", []).grade is Grade.UNRATED


@given(
    st.lists(st.builds(Observation, st.booleans(), st.floats(0, 120), st.booleans()), min_size=1)
)
def test_a_gap_never_improves_a_grade(seen: list[Observation]) -> None:
    # A gap added to the record can only keep or lower the grade (A < B < C < D in badness).
    order = [Grade.A, Grade.B, Grade.C, Grade.D]
    before = quality_of("s", seen, QualityBands()).grade
    after = quality_of("s", [*seen, Observation(answered=False)], QualityBands()).grade
    assert order.index(after) >= order.index(before)


# -- cost --------------------------------------------------------------------------------


def test_priced_sources_go_first_cheapest_first_and_the_rest_keep_their_order() -> None:
    names = ["alpaca", "polygon", "replay", "synthetic"]

    assert cheapest_first(names, {}) == names
    assert cheapest_first(names, {"polygon": D("0.001"), "alpaca": D("0.002")}) == [
        "polygon",
        "alpaca",
        "replay",
        "synthetic",
    ]
    assert cheapest_first(names, {"replay": D(0), "alpaca": D(0)}) == [
        "alpaca",
        "replay",
        "polygon",
        "synthetic",
    ]


@given(
    st.permutations(["a", "b", "c", "d"]),
    st.dictionaries(st.sampled_from("abcd"), st.integers(0, 5)),
)
def test_cost_order_is_a_permutation_with_costs_never_decreasing(
    names: list[str], raw: dict[str, int]
) -> None:
    costs = {n: D(c) for n, c in raw.items()}

    ranked = cheapest_first(names, costs)

    assert sorted(ranked) == sorted(names)
    priced = [costs[n] for n in ranked if n in costs]
    assert priced == sorted(priced)
    assert [n for n in ranked if n not in costs] == [n for n in names if n not in costs]


async def test_the_cheapest_source_fresh_enough_answers() -> None:
    # Arrange: the cheapest is 20 s behind, the next cheapest is fresh, the first in order dear
    clock = FakeClock()
    dear = FakeProvider("dear", clock, {"AAPL": "190"})
    cheap_stale = Lagging("cheap", clock, "189.9", age_s=20)
    middle = FakeProvider("middle", clock, {"AAPL": "190.1"})
    costs = {"dear": "0.01", "cheap": "0.001", "middle": "0.002"}
    feed = feed_of(dear, cheap_stale, middle, costs=costs)
    quality = quality_over(feed, clock, **costs)

    # Act
    within_5s = await quality.fresh_quote("AAPL", 5)
    within_60s = await quality.fresh_quote("AAPL", 60)

    # Assert
    assert (within_5s.source, within_5s.cost) == ("middle", D("0.002"))
    assert within_60s.source == "cheap"
    assert dear.calls == []


async def test_without_costs_the_configured_order_stands() -> None:
    clock = FakeClock()
    first, second = FakeProvider("first", clock), FakeProvider("second", clock)
    quality = quality_over(feed_of(first, second), clock)

    answer = await quality.fresh_quote("AAPL", 5)

    assert answer.source == "first" and answer.cost is None
    assert second.calls == []


async def test_when_no_source_is_fresh_enough_the_symbol_is_not_found() -> None:
    clock = FakeClock()
    quality = quality_over(feed_of(Lagging("old", clock, "190", age_s=100)), clock)

    with pytest.raises(SymbolNotFound, match="within 5s"):
        await quality.fresh_quote("AAPL", 5)
    with pytest.raises(InvalidQuoteRequest):
        await quality.fresh_quote("AAPL", 0)
