"""The Fear & Greed use cases over in-memory sources: the live composite, missing and stale
inputs, history from stored days, the recorder, posted inputs and the input series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.fear_greed import InMemoryFearGreedHistory
from adapters.memory.iv_history import InMemoryIVHistoryStore
from application.market_data.options_chain import OptionsChainService
from application.markets.fear_greed import FearGreedService, PostedInputs
from application.markets.fear_greed_chain import ChainSeries
from application.markets.fear_greed_inputs import FearGreedConfig, FearGreedInputs
from application.markets.fear_greed_recorder import FearGreedRecorder
from domain.analytics.sentiment.errors import (
    InsufficientInputs,
    InvalidSentimentInput,
    InvalidWeights,
    UnknownSeries,
    UnknownSeriesPath,
)
from domain.inference.errors import ModelUnavailable
from ports.market_data.iv_history import DailyIV
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.fear_greed import ComponentRecord, FearGreedRecord, SeriesPoint
from tests.unit.analytics.options.fakes import ChainProvider
from tests.unit.analytics.sentiment.fakes import ClosesMarket, Sentiment, Series

TODAY = date(2026, 1, 5)  # FakeClock's Monday


class World:
    def __init__(self, **config: object) -> None:
        self.clock = FakeClock()
        self.store = InMemoryFearGreedHistory()
        self.series = Series(
            {"vix": [SeriesPoint(TODAY, 26.0)], "put_call": [SeriesPoint(TODAY, 0.64)]}
        )
        rising, falling = [float(50 + i) for i in range(50)], [float(100 - i) for i in range(50)]
        self.market = ClosesMarket({"SPY": [100.0] * 125, "A": rising, "B": falling})
        self.sentiment = Sentiment({"SPY": (0.2, 1.0), "A": (-0.1, 3.0)})
        self.inputs = FearGreedInputs(
            self.series, self.market, self.sentiment, self.store, lambda: ["a", "B", "A"],
            FearGreedConfig(**config),  # type: ignore[arg-type]
        )  # fmt: skip
        self.service = FearGreedService(self.inputs, self.store, self.clock)
        self.recorder = FearGreedRecorder(self.service, self.store, self.clock)

    async def store_days(self, days: int, **raw: float) -> None:
        for back in range(days, 0, -1):
            components = tuple(ComponentRecord(n, v, 50.0, "bounds", 0.2) for n, v in raw.items())
            at = datetime(2026, 1, 5, tzinfo=UTC) - timedelta(days=back)
            await self.store.record(
                FearGreedRecord(at.date(), 50.0, "neutral", 1.0, components, at)
            )


@pytest.fixture
def world() -> World:
    return World()


async def test_the_live_composite_by_hand(world: World) -> None:
    # Act
    view = await world.service.current()

    # Assert: vix 26 -> 50, put/call 0.64 -> 80, momentum 0 -> 50, breadth 1 of 2 -> 50,
    # social (0.2 * 1 - 0.1 * 3) / 4 = -0.025 -> 47.5; equal weights: 277.5 / 5
    by_name = {c.name: c for c in view.components}
    assert [by_name[n].score for n in ("vix", "put_call", "momentum", "breadth", "social")] == (
        pytest.approx([50.0, 80.0, 50.0, 50.0, 47.5])
    )
    assert by_name["social"].raw == pytest.approx(-0.025)
    assert by_name["breadth"].raw == pytest.approx(0.5)
    assert view.score == pytest.approx(55.5)
    assert (view.band.value, view.coverage, view.missing) == ("neutral", pytest.approx(1.0), ())
    assert {c.method for c in view.components} == {"bounds"}


async def test_a_complete_reading_is_reused_within_the_cache_time(world: World) -> None:
    # Act
    await world.service.current()
    await world.service.current("vix:1")
    world.clock.advance(61)
    again = await world.service.current("vix:1")

    # Assert: read twice (the second within 60 s reused); the weights re-weigh the same inputs
    assert world.series.calls == 4  # vix and put_call, twice
    assert again.score == pytest.approx(50.0)


async def test_a_missing_input_is_named_with_its_reason_and_not_cached(world: World) -> None:
    # Arrange: the models are not built; the breadth universe has no bars
    world.sentiment.failure = ModelUnavailable("the models are not built")
    world.market.closes = {"SPY": [100.0] * 125}

    # Act
    first = await world.service.current()
    await world.service.current()

    # Assert: (50 + 80 + 50) / 3 with 60% of the weight
    reasons = {c.name: c.reason for c in first.components}
    assert reasons == {"vix": None, "put_call": None, "momentum": None,
                       "breadth": "NO_BREADTH", "social": "MODEL_UNAVAILABLE"}  # fmt: skip
    assert first.score == pytest.approx(60.0) and first.coverage == pytest.approx(0.6)
    assert first.missing == ("breadth", "social")
    assert world.series.calls == 4  # asked again: an incomplete reading is not kept


async def test_below_the_minimum_coverage_the_live_index_is_unavailable(world: World) -> None:
    # Arrange: a VIX older than the 7 days allowed; no index bars; no put/call at all
    world.series.points = {"vix": [SeriesPoint(TODAY - timedelta(days=8), 20.0)]}
    world.market.closes = {}

    # Act / Assert
    with pytest.raises(DataSourceUnavailable) as raised:
        await world.service.current()
    assert "carry 20% of the weight, below the 50% needed" in raised.value.message
    for reason in ("vix: STALE", "put_call: NO_DATA", "momentum: QUOTE_UNAVAILABLE"):
        assert reason in raised.value.message


async def test_stored_days_are_the_history_and_rank_by_percentile_past_the_minimum(
    world: World,
) -> None:
    # Arrange: 25 stored days of momentum 0.01 .. 0.25 and of VIX 30; the port has today only
    for back in range(25, 0, -1):
        at = datetime(2026, 1, 5, tzinfo=UTC) - timedelta(days=back)
        rows = (ComponentRecord("momentum", (26 - back) / 100, 50.0, "bounds", 0.2),
                ComponentRecord("vix", 30.0, 50.0, "bounds", 0.2))  # fmt: skip
        await world.store.record(FearGreedRecord(at.date(), 50.0, "neutral", 1.0, rows, at))

    # Act
    view = await world.service.current()

    # Assert: momentum 0 is below all 25 earlier values (percentile 0); VIX 26 is below all
    # 25 earlier 30s: percentile 0, so 100 on the greed scale
    by_name = {c.name: c for c in view.components}
    assert (by_name["momentum"].method, by_name["momentum"].observations) == ("percentile", 25)
    assert by_name["momentum"].score == pytest.approx(0.0)
    assert (by_name["vix"].method, by_name["vix"].score) == ("percentile", pytest.approx(100.0))
    assert by_name["breadth"].method == "bounds"  # none stored


async def test_the_recorder_stores_a_weekday_once_and_skips_weekends(world: World) -> None:
    # Act
    first = await world.recorder.record()
    again = await world.recorder.record()
    replaced = await world.recorder.record(overwrite=True)
    world.clock.advance(timedelta(days=5))  # Saturday
    weekend = await world.recorder.record()

    # Assert
    assert first.recorded is not None and first.recorded.score == pytest.approx(55.5)
    assert first.recorded.label == "neutral"
    assert [c.name for c in first.recorded.components] == [
        "vix",
        "put_call",
        "momentum",
        "breadth",
        "social",
    ]
    assert again.skipped and again.recorded is None
    assert replaced.recorded is not None
    assert weekend.weekend
    stored = await world.store.last(TODAY + timedelta(days=10), 10)
    assert [r.day for r in stored] == [TODAY]
    assert stored[0].sources["vix"] == "given"


async def test_the_recorder_reports_a_day_it_could_not_compute(world: World) -> None:
    world.series.points = {}
    world.market.closes = {}

    report = await world.recorder.record()

    assert report.recorded is None and report.failed is not None
    assert "below the 50% needed" in report.failed
    assert await world.store.last(TODAY, 5) == []


async def test_posted_inputs_by_hand_and_their_refusals(world: World) -> None:
    # Act: breadth 0.9 ranked among 20 earlier values 0.0 .. 0.95: 19 below -> 95
    past = [i / 20 for i in range(20)]
    posted = await world.service.compute(
        PostedInputs({"vix": 12.0, "breadth": 0.9}, {"breadth": past}, {"vix": 0.5, "breadth": 0.5})
    )

    # Assert: VIX 12 is the calm bound (100); (100 + 92.5) / 2 with the tie at 0.9 halved
    scores = {c.name: c.score for c in posted.components}
    assert scores["breadth"] == pytest.approx(100 * 18.5 / 20)
    assert posted.score == pytest.approx((100 + 92.5) / 2)
    with pytest.raises(UnknownSeries, match="gold"):
        await world.service.compute(PostedInputs({"gold": 1.0}, {}))
    with pytest.raises(InvalidWeights, match="sum to 1"):
        await world.service.compute(PostedInputs({"vix": 12.0}, {}, {"vix": 0.5}))
    with pytest.raises(InsufficientInputs):
        await world.service.compute(PostedInputs({"vix": 12.0}, {}))
    with pytest.raises(InvalidSentimentInput, match="at most 2520"):
        await world.service.compute(PostedInputs({"vix": 12.0}, {"vix": [1.0] * 2521}))
    with pytest.raises(InvalidSentimentInput, match="finite"):
        await world.service.compute(PostedInputs({"vix": float("nan")}, {}, {"vix": 1.0}))


async def test_an_input_series_joins_the_source_and_the_stored_days(world: World) -> None:
    # Arrange
    await world.store_days(3, vix=31.0, momentum=0.02)

    # Act
    vix = await world.service.series("vix", None, None)
    momentum = await world.service.series("momentum", "2026-01-01", None)

    # Assert
    assert [p[1] for p in vix.points] == [31.0, 31.0, 31.0, 26.0]
    assert vix.source == "given"
    assert momentum.points == tuple((TODAY - timedelta(days=d), 0.02) for d in (3, 2, 1))
    assert momentum.source == "stored"
    with pytest.raises(UnknownSeriesPath):
        await world.service.series("gold", None, None)


async def test_history_windows_are_checked(world: World) -> None:
    await world.store_days(3, vix=31.0)

    view = await world.service.history("2026-01-03", "2026-01-04")

    assert [r.day for r in view.records] == [date(2026, 1, 3), date(2026, 1, 4)]
    with pytest.raises(InvalidSentimentInput, match="start is after end"):
        await world.service.history("2026-01-05", "2026-01-01")
    with pytest.raises(InvalidSentimentInput, match="5 years"):
        await world.service.history("2019-01-01", "2026-01-01")
    with pytest.raises(InvalidSentimentInput, match="YYYY-MM-DD"):
        await world.service.history("01/02/2026", None)


async def test_the_chain_series_is_the_index_iv_in_vol_points_with_the_recorded_days() -> None:
    # Arrange: AAPL's synthetic chain (ATM vol 30%) and two recorded IVs before today
    clock = FakeClock()
    ivs = InMemoryIVHistoryStore()
    for back, iv in ((2, 0.21), (1, 0.22)):
        day = TODAY - timedelta(days=back)
        await ivs.record(DailyIV("AAPL", day, iv, datetime(2026, 1, 1, tzinfo=UTC)))
    chains = OptionsChainService(ChainProvider(clock), ivs, clock)
    series = ChainSeries(chains, ivs, clock, "aapl")

    # Act
    vix = await series.series("vix", TODAY - timedelta(days=10), TODAY)
    put_call = await series.series("put_call", TODAY - timedelta(days=10), TODAY)

    # Assert
    assert [p.day for p in vix] == [TODAY - timedelta(days=2), TODAY - timedelta(days=1), TODAY]
    assert [p.value for p in vix[:2]] == pytest.approx([21.0, 22.0])
    assert vix[-1].value == pytest.approx(30.0, abs=1.5)
    assert [p.day for p in put_call] == [TODAY] and put_call[0].value > 0
    with pytest.raises(UnknownSeries):
        await series.series("momentum", TODAY, TODAY)
