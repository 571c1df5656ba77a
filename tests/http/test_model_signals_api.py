"""/api/v1/models/signals: the trained signal models and their cards over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.signal_models.file_registry import FolderSignalModelRegistry
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, open_harness
from tests.http.harness import test_settings as settings_with
from tests.unit.model_signals.kit import card

pytestmark = pytest.mark.serves("model_signals")


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Harness]:
    registry = FolderSignalModelRegistry(tmp_path / "signals")
    registry.save(card("beta"), b"b")
    registry.save(card("alpha", scale=0.02), b"a")
    async with harness_with(model_signals_dir=str(tmp_path / "signals")) as h:
        yield h


async def test_models_are_listed_with_their_cards(served: Harness) -> None:
    # Arrange
    user = await served.user()

    # Act
    response = await served.client.get("/api/v1/models/signals", headers=user.headers)

    # Assert
    assert response.status_code == 200, response.text
    models = response.json()["models"]
    assert [m["name"] for m in models] == ["alpha", "beta"]
    alpha = models[0]
    assert alpha["kind"] == "linear" and alpha["horizon_bars"] == 5
    assert alpha["features"][0] == "ret_1" and alpha["data_hash"] == "ab" * 32
    assert [f["fold"] for f in alpha["folds"]] == [0, 1]
    assert alpha["folds"][0]["hit_rate"] == 0.52 and alpha["mean_ic"] == pytest.approx(0.01)


async def test_one_card_by_name_and_an_unknown_name_is_a_404(served: Harness) -> None:
    # Arrange
    user = await served.user()

    # Act
    found = await served.client.get("/api/v1/models/signals/alpha", headers=user.headers)
    missing = await served.client.get("/api/v1/models/signals/gamma", headers=user.headers)
    odd = await served.client.get("/api/v1/models/signals/..%2Falpha", headers=user.headers)

    # Assert
    assert found.status_code == 200 and found.json()["name"] == "alpha"
    assert_problem(missing, 404, "UNKNOWN_SIGNAL_MODEL")
    assert odd.status_code == 404


async def test_the_catalogue_needs_a_caller(served: Harness) -> None:
    # Act
    response = await served.client.get("/api/v1/models/signals")

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_the_live_feed_runs_only_when_asked_for(tmp_path: Path) -> None:
    # Arrange
    from application.model_signals.live import ModelSignalRunner

    off, off_client = await open_harness(settings_with(model_signals_dir=str(tmp_path)))
    on, on_client = await open_harness(
        settings_with(model_signals_dir=str(tmp_path), model_signals_live_seconds="60")
    )

    # Act
    async with off_client, on_client:
        idle = await off.container.model_signals.live()
        running = await on.container.model_signals.live()

    # Assert
    assert idle is None
    assert isinstance(running, ModelSignalRunner)
