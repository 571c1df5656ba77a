"""The login anomaly score: rules until there is history, then the installation's own model."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from adapters.memory.devices import InMemoryLoginHistory
from adapters.ml.isolation_forest import IsolationForestScorer, IsolationForestTrainer
from application.devices.anomaly import LoginAnomaly
from application.devices.config import DeviceConfig
from domain.identity.login_anomaly import (
    FAILURES_BEFORE,
    NEW_DEVICE,
    NEW_NETWORK,
    UNUSUAL_HOUR,
    LoginContext,
    features,
    hour_gap,
)
from ports.devices.devices import LoginRecord
from tests.unit.identity.devices.conftest import KEY

T0 = datetime(2026, 6, 1, tzinfo=UTC)
CONFIG = DeviceConfig(KEY, min_history=200, retrain_every=100)


async def office_history(history: InMemoryLoginHistory, n: int, seed: int = 1) -> None:
    """`n` ordinary logins: office hours, known devices and networks, rare failures."""
    rng = random.Random(seed)
    for i in range(n):
        at = T0 + timedelta(days=i // 10, hours=9 + rng.randrange(9), minutes=rng.randrange(60))
        await history.append(
            LoginRecord(
                f"dlg-{i:05d}", f"usr-{i % 10}", f"dev-{i % 10}", at, "203.0.113.0/24",
                new_device=i < 10, new_network=i < 10, failures_before=rng.choice([0] * 30 + [1]),
                hour_gap=rng.choice([0, 0, 0, 1]), score=0.0,
            )
        )  # fmt: skip


def context(
    hour: int,
    *,
    new_device: bool = False,
    new_network: bool = False,
    failures: int = 0,
    gap: int = 0,
) -> LoginContext:
    at = T0.replace(hour=hour) + timedelta(days=60)
    return LoginContext("usr-1", "dev-1", at, "198.51.100.0/24", new_device, new_network,
                        failures, gap, 40)  # fmt: skip


async def test_without_enough_history_the_rules_judge_and_explain() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 50)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(), CONFIG)

    trained = await anomaly.retrain(T0)
    odd = anomaly.assess(context(3, new_device=True, new_network=True, gap=6))
    usual = anomaly.assess(context(10))

    assert not trained and not anomaly.trained
    assert odd.method == "rules" and odd.anomalous
    assert odd.unusual == (NEW_DEVICE, NEW_NETWORK, UNUSUAL_HOUR)
    assert not usual.anomalous and usual.unusual == ()


async def test_failures_before_are_enough_for_the_rules() -> None:
    anomaly = LoginAnomaly(InMemoryLoginHistory(), None, CONFIG)

    verdict = anomaly.assess(context(10, failures=5))

    assert verdict.anomalous and verdict.unusual == (FAILURES_BEFORE,)


async def test_the_model_trained_on_history_flags_a_strange_login_and_says_why() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 400)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(random_state=7), CONFIG)

    assert await anomaly.retrain(T0)
    odd = anomaly.assess(context(3, new_device=True, new_network=True, failures=6, gap=6))
    usual = anomaly.assess(context(11))

    assert odd.method == usual.method == "model"
    assert odd.anomalous and not usual.anomalous
    assert odd.score > usual.score
    assert set(odd.unusual) == {NEW_DEVICE, NEW_NETWORK, UNUSUAL_HOUR, FAILURES_BEFORE}
    assert usual.unusual == ()


async def test_a_fixed_random_state_gives_the_same_scores() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 300)
    first = LoginAnomaly(history, IsolationForestTrainer(random_state=3), CONFIG)
    second = LoginAnomaly(history, IsolationForestTrainer(random_state=3), CONFIG)
    await first.retrain(T0)
    await second.retrain(T0)
    probe = context(22, new_network=True, gap=4)

    assert first.assess(probe) == second.assess(probe)


async def test_training_starts_at_the_minimum_history_and_repeats_after_n_logins() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 199)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(), CONFIG)

    first = await anomaly.note_login(T0)  # 199 logins kept: not yet
    await office_history(history, 1, seed=2)
    second = await anomaly.note_login(T0)  # the 200th
    assert first is None and second is not None and await second
    fitted = anomaly.fitted_at
    started = [await anomaly.note_login(T0 + timedelta(minutes=i)) for i in range(100)]

    assert fitted == T0 and anomaly.trained
    assert [i for i, task in enumerate(started) if task is not None] == [99]


async def test_a_stale_model_is_refitted_on_schedule() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 250)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(), CONFIG)
    await anomaly.retrain(T0)

    soon = await anomaly.note_login(T0 + timedelta(hours=1))
    later = await anomaly.note_login(T0 + CONFIG.retrain_interval)

    assert soon is None and later is not None and await later
    assert anomaly.fitted_at == T0 + CONFIG.retrain_interval


def test_hour_gap_goes_round_the_clock() -> None:
    assert hour_gap(23, [1]) == 2
    assert hour_gap(12, []) == 0
    assert hour_gap(5, [9, 17]) == 4


async def test_the_fast_scorer_gives_sklearns_number() -> None:
    history = InMemoryLoginHistory()
    await office_history(history, 300)
    anomaly = LoginAnomaly(history, IsolationForestTrainer(random_state=11), CONFIG)
    await anomaly.retrain(T0)
    scorer = anomaly.scorer
    probes = [context(h, new_device=h % 2 == 0, new_network=h % 3 == 0, failures=h % 4, gap=h % 7)
              for h in range(24)]  # fmt: skip

    assert isinstance(scorer, IsolationForestScorer)
    for probe in probes:
        row = features(probe)
        assert abs(scorer.score(row) - scorer.sklearn_score(row)) < 1e-9
