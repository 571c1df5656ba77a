"""/api/v1/ml/*, /api/v1/sentiment, the status line and the model rater over HTTP."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from dependency_injector import providers

from adapters.gpu.model_store import ModelStore
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, open_harness
from tests.http.harness import test_settings as settings_with
from tests.inference.conftest import cpu_store
from tests.inference.models_cache import built_models

pytestmark = pytest.mark.serves("inference", "trading")


@pytest.fixture(scope="module")
def models_dir() -> Path:
    return built_models()


@pytest.fixture(scope="module")
def store(models_dir: Path) -> ModelStore:
    """Loaded once for the module: each test's container then skips hashing and loading."""
    return cpu_store(models_dir)


@pytest.fixture
async def ml(models_dir: Path, store: ModelStore, tmp_path: Path) -> AsyncIterator[Harness]:
    settings = settings_with(
        models_dir=str(models_dir),
        news_file=str(tmp_path / "news.jsonl"),
        sentiment_source_weights="wire=1.0,forum=0.2",
        risk_rater="model",
    )
    h, client = await open_harness(settings)
    h.container.inference.model_store.override(providers.Object(store))
    async with client:
        yield h


async def test_models_are_listed_with_metrics_and_status_names_the_provider(ml: Harness) -> None:
    # Arrange: the status before any model ran, then the encoder loaded by its first use
    user = await ml.user()
    before = await ml.client.get("/api/status")
    await ml.client.post("/api/v1/sentiment", json={"texts": ["Profit."]}, headers=user.headers)

    # Act
    models = await ml.client.get("/api/v1/ml/models", headers=user.headers)
    status = await ml.client.get("/api/status")

    # Assert
    assert models.status_code == 200, models.text
    by_name = {m["name"]: m for m in models.json()["models"]}
    assert set(by_name) == {"minilm-l6-fp32", "minilm-l6-int8", "sentiment", "risk-rater"}
    assert by_name["sentiment"]["metrics"]["macro_f1"] >= 0.80
    assert by_name["sentiment"]["labels"] == ["negative", "neutral", "positive"]
    assert by_name["sentiment"]["loaded"] is True
    assert by_name["risk-rater"]["inputs"] == [
        {"name": "features", "dtype": "float32", "shape": ["batch", 10]}
    ]
    assert before.json()["inference"]["provider"].endswith("(encoder not loaded)")
    inference = status.json()["inference"]
    assert inference["provider"] == "CPUExecutionProvider"
    assert inference["runtime"] == "onnxruntime"
    assert inference["batch_size"] == 32 and inference["wait_ms"] == 5.0
    assert inference["problems"] == []


async def test_texts_are_classified_with_probabilities(ml: Harness) -> None:
    # Arrange
    user = await ml.user()
    texts = ["Profit doubled and the dividend was raised.", "The bank failed its stress test."]

    # Act
    response = await ml.client.post(
        "/api/v1/sentiment", json={"texts": texts}, headers=user.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["label"] for r in results] == ["positive", "negative"]
    assert all(abs(sum(r["probabilities"].values()) - 1) < 1e-4 for r in results)


async def test_a_blank_text_is_refused_naming_it(ml: Harness) -> None:
    # Arrange
    user = await ml.user()

    # Act
    response = await ml.client.post(
        "/api/v1/sentiment", json={"texts": ["fine", "  "]}, headers=user.headers
    )

    # Assert
    assert_problem(response, 422, "INVALID_MODEL_INPUT")
    assert response.json()["errors"][0]["field"] == "texts[1]"


async def test_a_symbols_sentiment_weighs_its_news(ml: Harness, tmp_path: Path) -> None:
    # Arrange: two wire stories against ACME, one forum post for it, one old story
    user = await ml.user()
    now = ml.clock.now()

    def story(id_: str, headline: str, source: str, hours_ago: float) -> str:
        published = (now - timedelta(hours=hours_ago)).isoformat()
        return json.dumps(
            {"id": id_, "symbols": ["ACME"], "headline": headline, "source": source,
             "published_at": published}
        )  # fmt: skip

    (tmp_path / "news.jsonl").write_text(
        "\n".join(
            [
                story("n1", "Acme cuts its forecast as orders collapse", "wire", 1),
                story("n2", "Regulators fine Acme over accounting failures", "wire", 3),
                story("n3", "Acme is going to the moon!!! 100x", "forum", 0.5),
                story("n4", "Acme doubles profit", "wire", 24 * 30),
                "not json",
            ]
        )
        + "\n"
    )

    # Act
    response = await ml.client.get("/api/v1/sentiment/acme", headers=user.headers)
    unknown = await ml.client.get("/api/v1/sentiment/ZZZZ", headers=user.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["symbol"] == "ACME" and body["items"] == 3  # the month-old story is too old
    assert body["label"] == "negative" and body["score"] < -0.5
    assert [t["id"] for t in body["top"]][:2] == ["n1", "n2"]
    assert unknown.json()["score"] is None and unknown.json()["label"] == "neutral"


async def test_keywords_come_from_the_text(ml: Harness) -> None:
    # Arrange
    user = await ml.user()
    text = (
        "The central bank held interest rates steady on Wednesday and signalled that rate cuts "
        "could begin later this year as inflation cools."
    )

    # Act
    response = await ml.client.post(
        "/api/v1/ml/keywords", json={"text": text, "top_n": 3}, headers=user.headers
    )
    bad = await ml.client.post(
        "/api/v1/ml/keywords", json={"text": text, "top_n": 50}, headers=user.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    phrases = [k["phrase"] for k in response.json()["keywords"]]
    assert len(phrases) == 3 and all(p in text for p in phrases)
    assert any("rate" in p for p in phrases)
    assert_problem(bad, 422, "INVALID_MODEL_INPUT")


async def test_predict_runs_a_model_on_arrays_and_names_a_bad_input(ml: Harness) -> None:
    # Arrange
    user = await ml.user()
    row = [0.1, 0.05, 0, 0, 0.2, 0.3, 0.1, 0.2, 0.8, 0]

    # Act
    ok = await ml.client.post(
        "/api/v1/ml/predict/risk-rater", json={"inputs": {"features": [row, row]}},
        headers=user.headers,
    )  # fmt: skip
    short = await ml.client.post(
        "/api/v1/ml/predict/risk-rater", json={"inputs": {"features": [row[:9]]}},
        headers=user.headers,
    )  # fmt: skip
    ragged = await ml.client.post(
        "/api/v1/ml/predict/risk-rater", json={"inputs": {"features": [row, row[:3]]}},
        headers=user.headers,
    )  # fmt: skip
    unknown = await ml.client.post(
        "/api/v1/ml/predict/oracle", json={"inputs": {"x": [[1]]}}, headers=user.headers
    )

    # Assert
    assert ok.status_code == 200, ok.text
    probabilities = ok.json()["outputs"]["probabilities"]
    assert len(probabilities) == 2 and abs(sum(probabilities[0]) - 1) < 1e-4
    assert_problem(short, 422, "INVALID_MODEL_INPUT")
    assert short.json()["errors"][0]["field"] == "inputs.features"
    assert_problem(ragged, 422, "INVALID_MODEL_INPUT")
    assert_problem(unknown, 404, "UNKNOWN_MODEL")


async def test_the_model_rater_rates_a_trade_with_probabilities(ml: Harness) -> None:
    # Arrange
    user = await ml.user()
    await ml.instrument("AAPL", "190")
    await ml.account(user, "acc-1")
    trade = {"account_id": "acc-1", "symbol": "AAPL", "side": "buy", "quantity": "10"}

    # Act
    response = await ml.client.post("/api/v1/risk/analyze", json=trade, headers=user.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rater"] == "model:risk-rater" and body["fallback"] is None
    assert set(body["probabilities"]) == {"SAFE", "CAUTION", "DANGER"}
    assert body["rating"] == "SAFE"


async def test_without_models_the_rules_rate_and_the_fallback_is_reported(tmp_path: Path) -> None:
    # Arrange: the model rater on an empty models directory
    settings = settings_with(models_dir=str(tmp_path / "none"), risk_rater="model")
    h, client = await open_harness(settings)
    async with client:
        user = await h.user()
        await h.instrument("AAPL", "190")
        await h.account(user, "acc-1")
        trade = {"account_id": "acc-1", "symbol": "AAPL", "side": "buy", "quantity": "10"}

        # Act
        analysis = await client.post("/api/v1/risk/analyze", json=trade, headers=user.headers)
        classify = await client.post(
            "/api/v1/sentiment", json={"texts": ["x"]}, headers=user.headers
        )

    # Assert
    assert analysis.status_code == 200, analysis.text
    assert analysis.json()["rater"] == "rules"
    assert "risk-rater unavailable" in analysis.json()["fallback"]
    assert_problem(classify, 503, "MODEL_UNAVAILABLE")
    assert "bulwark models build" in classify.json()["detail"]


async def test_inference_turned_off_answers_that_it_is_not_configured() -> None:
    # Arrange
    h, client = await open_harness(settings_with(inference_enabled="false"))
    async with client:
        user = await h.user()

        # Act
        models = await client.get("/api/v1/ml/models", headers=user.headers)
        status = await client.get("/api/status")

    # Assert
    problem = assert_problem(models, 409, "CAPABILITY_NOT_CONFIGURED")
    assert problem["settings"] == ["BULWARK_INFERENCE_ENABLED"]
    assert "BULWARK_INFERENCE_ENABLED=true" in problem["detail"]
    assert status.json()["inference"] is None
