"""The news replay adapter, the trade context (volatility, sentiment) and the settings."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.gpu.onnx_runtime import available_providers
from adapters.memory.clock import FakeClock
from adapters.news.replay import JsonLinesNews
from application.inference.trade_context import MarketTradeContext, annualised_volatility
from bootstrap.inference import provider_choice
from bootstrap.settings import SettingsError, load_settings, source_weight_pairs
from domain.inference.sentiment import SymbolSentiment
from domain.market_data.bars import Bar, Timeframe

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def line(id_: str, symbols: list[str], at: datetime, **extra: Any) -> str:
    return json.dumps(
        {"id": id_, "symbols": symbols, "headline": f"story {id_}", "source": "wire",
         "published_at": at.isoformat(), **extra}
    )  # fmt: skip


async def test_replayed_news_appears_as_the_clock_reaches_it_and_bad_lines_are_skipped(
    tmp_path: Path,
) -> None:
    # Arrange
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(
            [
                line("a", ["acme"], T0 - timedelta(hours=2)),
                line("b", ["ACME", "BOLT"], T0 + timedelta(hours=1)),
                '{"id": "c", "symbols": []}',
                line("d", ["ACME"], T0.replace(tzinfo=None)),
            ]
        )
    )
    clock = FakeClock(T0)
    news = JsonLinesNews(path, clock, recheck_s=0)

    # Act
    now = await news.items_for("ACME", T0 - timedelta(days=1))
    clock.advance(timedelta(hours=2))
    later = await news.items_for("acme", T0 - timedelta(days=1))

    # Assert
    assert [i.id for i in now] == ["a"]
    assert [i.id for i in later] == ["b", "a"]  # newest first
    assert news.skipped == 2
    assert news.problems[0].startswith("line 3:") and "time zone" in news.problems[1]


async def test_a_missing_news_file_is_no_news(tmp_path: Path) -> None:
    # Act / Assert
    news = JsonLinesNews(tmp_path / "none.jsonl", FakeClock(T0))
    assert await news.items_for("ACME", T0 - timedelta(days=1)) == []


def test_volatility_is_the_annualised_sample_deviation_of_log_returns() -> None:
    # Arrange: returns +10%, -10% in log terms alternate
    closes = [100.0, 100 * math.exp(0.1), 100.0, 100 * math.exp(0.1)]

    # Act
    vol = annualised_volatility(closes)

    # Assert: sample sd of (0.1, -0.1, 0.1) is sqrt(0.04 / 2 * 3 / 3)...
    returns = [0.1, -0.1, 0.1]
    mean = sum(returns) / 3
    expected = math.sqrt(sum((r - mean) ** 2 for r in returns) / 2 * 252)
    assert vol == pytest.approx(expected)
    assert annualised_volatility([100.0, 101.0]) is None


async def test_context_answers_unknown_rather_than_failing() -> None:
    # Arrange: bars that fail, sentiment that answers
    async def bars(symbol: str, timeframe: Timeframe, **_: Any) -> list[Bar]:
        raise LookupError(symbol)

    class Sentiment:
        async def classify(self, texts: list[str]) -> list[Any]:
            return []

        async def symbol_sentiment(self, symbol: str) -> SymbolSentiment:
            return SymbolSentiment(symbol, T0, -0.4, "negative", 2, 1.0, 1.0, {}, ())

    # Act
    context = await MarketTradeContext(bars, Sentiment()).context("ACME")

    # Assert
    assert context.volatility is None
    assert context.sentiment == -0.4


def test_source_weights_parse_and_a_bad_pair_is_one_line() -> None:
    # Arrange
    good = load_settings({"BULWARK_SENTIMENT_SOURCE_WEIGHTS": "wire=1,blog=0.25"}, env_file=None)

    # Act / Assert
    assert source_weight_pairs(good) == {"wire": 1.0, "blog": 0.25}
    with pytest.raises(SettingsError, match="source=weight"):
        load_settings({"BULWARK_SENTIMENT_SOURCE_WEIGHTS": "wire=lots"}, env_file=None)
    with pytest.raises(SettingsError, match="QUEUE_BOUND"):
        load_settings(
            {"BULWARK_INFERENCE_BATCH_SIZE": "64", "BULWARK_INFERENCE_QUEUE_BOUND": "32"},
            env_file=None,
        )


def test_a_forced_gpu_provider_on_a_cpu_build_is_a_settings_error() -> None:
    # Arrange
    if "CUDAExecutionProvider" in available_providers():
        pytest.skip("onnxruntime-gpu is installed: cuda is offered here")
    settings = load_settings({"BULWARK_INFERENCE_PROVIDER": "cuda"}, env_file=None)

    # Act / Assert
    with pytest.raises(SettingsError, match="PROVIDER=cuda"):
        provider_choice(settings)
