"""The console's models page: every model's latest version with its hit rate, calibration
error and drift, and its daily hit rate for the chart; read-only for a viewer."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from adapters.memory.signal_models import InMemorySignalModelRegistry
from application.model_signals.catalogue import SignalModelCatalogue
from domain.model_signals.card import SignalModelCard
from domain.model_signals.features import FEATURE_NAMES
from domain.principals import Role
from ports.model_records.predictions import SCORE, Prediction, PredictionOutcome
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, swap_in_bundle


def stored_signal_model(harness: Harness, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A signal model `name` in the catalogue the console reads."""
    at = harness.clock.now()
    card = SignalModelCard(
        name, "v2", "linear", FEATURE_NAMES, 5, "1d", ("AAPL",), at - timedelta(days=400),
        at - timedelta(days=30), at, 1000, "0" * 64, "0" * 64, 0.01, (),
    )  # fmt: skip
    registry = InMemorySignalModelRegistry()
    registry.save(card, b"onnx")
    bundle = harness.bundle("model_signals")
    swap_in_bundle(monkeypatch, bundle, "catalogue", SignalModelCatalogue(registry))


def scored(n: int, model: str, version: str, score: float, at: datetime) -> Prediction:
    return Prediction(
        f"pred-{model}-{n}", model, version, SCORE, "AAPL", 0, repr(score), abs(score), "h" * 64,
        {"ret_1": float(n)}, at,
    )  # fmt: skip


async def judged(harness: Harness, p: Prediction, forward_return: float) -> None:
    store = harness.container.inference.prediction_store()
    await store.add(p)
    hit = (float(p.value) > 0) == (forward_return > 0)
    outcome = PredictionOutcome(86_400 * 5, forward_return, 0.0, hit, "up", harness.clock.now())
    await store.resolve(p.id, outcome)


async def test_a_viewer_sees_each_models_record_and_its_hit_rate_chart(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: alpha v2 right twice of three yesterday (0.8, 0.3, 0.6: ECE 0.3), v1 before it
    stored_signal_model(harness, monkeypatch, "alpha")
    now = harness.clock.now()
    yesterday = now - timedelta(days=1)
    await judged(harness, scored(0, "alpha", "v1", 0.5, now - timedelta(days=3)), 0.01)
    await judged(harness, scored(1, "alpha", "v2", 0.8, yesterday), 0.04)
    await judged(harness, scored(2, "alpha", "v2", 0.3, yesterday), -0.05)
    await judged(harness, scored(3, "alpha", "v2", -0.6, yesterday), -0.05)
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, viewer.username) as client:
        page = await client.get("/console/models")
        chart = await client.get("/console/models/alpha/hit-rate.json")

    # Assert
    assert page.status_code == 200, page.text
    row = page.text.split('id="model-alpha"', 1)[1].split("</tr>", 1)[0]
    assert "v2" in row and "(of 2)" in row and "66.7%" in row and "0.300" in row
    assert 'id="model-sentiment"' in page.text and "No prediction in the window." in page.text
    assert 'data-chart-src="/console/models/alpha/hit-rate.json"' in page.text
    assert "hx-post" not in page.text and 'href="/console/models"' in page.text
    body = chart.json()
    assert len(body["x"]) == 2 and body["x"] == sorted(body["x"])
    assert body["series"]["v1"] == [1.0, None]
    assert body["series"]["v2"][0] is None and abs(body["series"]["v2"][1] - 2 / 3) < 1e-9


async def test_an_owner_sees_only_their_own_predictions_in_the_records(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: the signal model's scores belong to no owner
    stored_signal_model(harness, monkeypatch, "alpha")
    await judged(harness, scored(0, "alpha", "v1", 0.5, harness.clock.now()), 0.01)
    owner = await harness.user(Role.OWNER)

    # Act
    async with signed_in(harness, owner.username) as client:
        page = await client.get("/console/models")

    # Assert
    assert page.status_code == 200
    row = page.text.split('id="model-alpha"', 1)[1].split("</tr>", 1)[0]
    assert "No prediction in the window." in row
