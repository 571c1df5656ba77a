"""Models judged by outcomes: the joiner reads the stored bars, the record reports hit rate
and calibration per version and period, the drift watch tells the desk once per window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.bus import InMemoryNotifier
from adapters.memory.clock import FakeClock
from adapters.memory.reviews import InMemoryPredictionStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.model_records.outcomes import OutcomeConfig, OutcomeJoiner
from application.model_records.record import DRIFT_EVENT, DriftWatch, ModelRecords, Period
from domain.identity.users import User
from domain.market_data.bars import Bar, Timeframe
from domain.principals import Principal, Role
from ports.model_records.predictions import RATING, SCORE, Prediction

T0 = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # a Monday, after the day's bar started
DAY = timedelta(days=1)


def bar(day: int, close: str) -> Bar:
    start = datetime(2026, 3, 2, tzinfo=UTC) + day * DAY
    c = Decimal(close)
    return Bar("AAPL", Timeframe.D1, start, c, c, c, c, Decimal(1000))


def rating(n: int, value: str, confidence: float, *, at: datetime = T0, version: str = "v1",
           owner: str = "alice", inputs: dict[str, float] | None = None) -> Prediction:  # fmt: skip
    return Prediction(
        f"pred-{n}", "ai-reviewer", version, RATING, "AAPL", 1, value, confidence, "h" * 64,
        inputs or {"x": float(n)}, at, owner,
    )  # fmt: skip


async def joined(predictions: list[Prediction], closes: list[str]) -> InMemoryPredictionStore:
    store, bars, clock = InMemoryPredictionStore(), InMemoryBarStore(), FakeClock(T0 + 10 * DAY)
    await bars.write("AAPL", Timeframe.D1, [bar(d, c) for d, c in enumerate(closes)])
    for p in predictions:
        await store.add(p)
    joiner = OutcomeJoiner(store, bars, clock, OutcomeConfig(horizon=5 * DAY))
    await joiner.resolve_due()
    return store


async def test_a_rating_is_judged_against_the_adverse_excursion_over_the_horizon() -> None:
    # Arrange: entry 100 (the day's bar), then a 6% dip and a recovery
    closes = ["100", "98", "94", "99", "101", "103", "80"]

    # Act
    store = await joined([rating(0, "DANGER", 0.9), rating(1, "SAFE", 0.8)], closes)

    # Assert
    danger, safe = await store.between("ai-reviewer", T0, T0 + DAY)
    assert danger.outcome is not None and safe.outcome is not None
    assert danger.outcome.realised == "DANGER" and danger.outcome.hit is True
    assert safe.outcome.hit is False
    assert round(danger.outcome.drawdown, 9) == 0.06
    assert round(danger.outcome.forward_return, 9) == 0.03  # the 80 after the horizon is unread


async def test_without_bars_a_prediction_waits_then_is_unjudgeable() -> None:
    # Arrange
    store, bars = InMemoryPredictionStore(), InMemoryBarStore()
    clock = FakeClock(T0 + 10 * DAY)
    await store.add(rating(0, "SAFE", 0.5))
    joiner = OutcomeJoiner(store, bars, clock, OutcomeConfig(horizon=5 * DAY))

    # Act
    waiting = await joiner.resolve_due()
    clock.advance(40 * DAY)
    given_up = await joiner.resolve_due()

    # Assert
    assert (waiting, given_up) == (0, 1)
    (p,) = await store.between("ai-reviewer", T0, T0 + DAY)
    assert p.outcome is not None and p.outcome.hit is None


async def test_a_score_is_right_when_the_price_moves_its_way() -> None:
    # Arrange
    up = Prediction("s-1", "sentiment", "minilm", SCORE, "AAPL", 0, "0.6", 0.6, "h", {}, T0)

    # Act
    store = await joined([up], ["100", "101", "102", "103", "104", "105"])

    # Assert
    (p,) = await store.between("sentiment", T0, T0 + DAY)
    assert p.outcome is not None and (p.outcome.hit, p.outcome.realised) == (True, "up")


async def test_the_record_reports_hit_rate_and_calibration_per_version_and_day() -> None:
    # Arrange: v1 right twice of three, v2 once, on two days; bob's prediction apart
    closes = ["100", "100.5", "101", "100.8", "101", "102", "103", "103", "103"]
    store = await joined(
        [
            rating(0, "SAFE", 0.9), rating(1, "SAFE", 0.9), rating(2, "DANGER", 0.6),
            rating(3, "SAFE", 0.7, version="v2", at=T0 + DAY),
            rating(4, "DANGER", 0.99, owner="bob"),
        ],
        closes,
    )  # fmt: skip
    records = ModelRecords(store, FakeClock(T0 + 10 * DAY))

    # Act
    alice = await records.record(Principal("alice", Role.OWNER), "ai-reviewer", period=Period.DAY)
    desk = await records.record(Principal("rita", Role.RISK_OFFICER), "ai-reviewer")

    # Assert
    rows = {(r.version, r.period_start.day): r for r in alice.rows}
    assert set(rows) == {("v1", 2), ("v2", 3)}
    v1 = rows[("v1", 2)]
    assert (v1.predictions, v1.resolved, v1.judged) == (3, 3, 3)
    assert v1.hit_rate is not None and abs(v1.hit_rate - 2 / 3) < 1e-9
    assert v1.bins[9].count == 2 and v1.bins[9].hit_rate == 1.0
    assert v1.bins[6].count == 1 and v1.bins[6].hit_rate == 0.0
    assert rows[("v2", 3)].hit_rate == 1.0
    assert sum(r.predictions for r in desk.rows) == 5


async def desk_users() -> tuple[InMemoryStore, InMemoryNotifier]:
    state = InMemoryStore()
    async with unit_of_work_factory(state)() as uow:
        await uow.users.add(User("rita", "rita", "hash", Role.RISK_OFFICER, T0))
        await uow.users.add(User("tom", "tom", "hash", Role.TRADER, T0))
        await uow.commit()
    return state, InMemoryNotifier()


async def test_drifted_inputs_alert_the_desk_once_per_window() -> None:
    # Arrange: 30 days of x around 0, then a day of x around 50
    store = InMemoryPredictionStore()
    for n in range(300):
        await store.add(
            rating(n, "SAFE", 0.5, at=T0 + n * timedelta(hours=2), inputs={"x": n % 10})
        )
    now = T0 + 30 * DAY
    for n in range(300, 340):
        at = now - timedelta(hours=1) + (n - 300) * timedelta(seconds=30)
        await store.add(rating(n, "SAFE", 0.5, at=at, inputs={"x": 50.0 + n % 10}))
    state, notifier = await desk_users()
    clock = FakeClock(now + timedelta(minutes=30))
    watch = DriftWatch(store, unit_of_work_factory(state), notifier, clock, ["ai-reviewer"])

    # Act
    first = await watch.check()
    again = await watch.check()

    # Assert
    assert first["ai-reviewer"].psi is not None and first["ai-reviewer"].psi > 0.25
    assert first["ai-reviewer"].feature == "x"
    assert again["ai-reviewer"].psi == first["ai-reviewer"].psi
    assert [(n.recipient, n.event_type) for n in notifier.sent] == [("rita", DRIFT_EVENT)]


async def test_stable_inputs_alert_nobody() -> None:
    # Arrange
    store = InMemoryPredictionStore()
    for n in range(400):
        await store.add(
            rating(n, "SAFE", 0.5, at=T0 + n * timedelta(hours=2), inputs={"x": n % 10})
        )
    state, notifier = await desk_users()
    watch = DriftWatch(
        store, unit_of_work_factory(state), notifier, FakeClock(T0 + 400 * timedelta(hours=2)),
        ["ai-reviewer"],
    )  # fmt: skip

    # Act
    drift = await watch.check()

    # Assert
    assert drift["ai-reviewer"].psi is not None and drift["ai-reviewer"].psi < 0.1
    assert notifier.sent == []
