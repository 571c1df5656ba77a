"""Model signals at a bar close: the feature pipeline and the model for a 500-symbol universe.

Target: features + model scores + StrategySignals for 500 symbols at one bar close in at most
100 ms on 2 cores (p95). Measured end to end through ModelSignals.signals_at_close (the serving
path: the last WARMUP_BARS bars of each symbol stacked, features in one vectorised call, one
ONNX Runtime call through the dynamic batcher), with a LightGBM model (200 trees) trained on
the same synthetic universe; the feature step and the model step are also timed alone. The
machine may be shared: the load average is printed beside the figures.
Run: `.venv/bin/python -m benchmarks.bench_model_signal [symbols] [rounds]`.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.signal_models.onnx_scorer import OnnxSignalScorer
from adapters.signal_models.trainers import SignalModelFitter
from application.model_signals.serving import ModelSignals
from domain.market_data.bars import BarSeries, Timeframe
from domain.model_signals.card import SignalModelCard
from domain.model_signals.features import (
    FEATURE_NAMES,
    WARMUP_BARS,
    feature_tensor,
    latest_features,
)
from domain.model_signals.walk_forward import forward_returns
from tools.backtest_data import generate

TARGET_MS = 100.0
FIRST = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Result:
    symbols: int
    rounds: int
    signals: int
    p50_ms: float
    p95_ms: float
    features_p50_ms: float
    model_p50_ms: float


def universe(symbols: int, bars: int = 260) -> dict[str, BarSeries]:
    specs = tuple((f"U{i:03d}", 1.0, 0.05, 0.25) for i in range(symbols))
    return {
        c.symbol: BarSeries(c.start, c.open, c.high, c.low, c.close, c.volume)
        for c in generate(specs, bars=bars, seed=17, first=FIRST)
    }


async def measure(symbols: int = 500, rounds: int = 50, trees: int = 200) -> Result:
    series = universe(symbols)
    names = sorted(series)[: min(50, symbols)]  # the model is trained on a slice of the universe
    close = np.stack([series[n].close for n in names])
    volume = np.stack([series[n].volume for n in names])
    tensor = feature_tensor(close, volume).reshape(-1, len(FEATURE_NAMES))
    label = forward_returns(close, 5).reshape(-1)
    keep = ~np.isnan(tensor).any(axis=1) & ~np.isnan(label)
    fitted = SignalModelFitter(trees=trees).fit("lightgbm", tensor[keep], label[keep])
    model = fitted.to_onnx(len(FEATURE_NAMES))
    registry = InMemorySignalModelRegistry()
    scale = float(np.std(fitted.predict(tensor[keep])))
    registry.save(_card(model, scale, tuple(names), int(keep.sum())), model)
    scorer = OnnxSignalScorer(registry)
    signals = ModelSignals(registry, scorer)
    closed_at = datetime.fromtimestamp(float(next(iter(series.values())).start[-1]) + 86_400, UTC)
    await signals.signals_at_close("bench", Timeframe.D1, closed_at, series)  # warm-up
    total, features_ms, model_ms = [], [], []
    found = 0
    for _ in range(rounds):
        began = time.perf_counter()
        out = await signals.signals_at_close("bench", Timeframe.D1, closed_at, series)
        total.append((time.perf_counter() - began) * 1000)
        found = len(out)
        began = time.perf_counter()
        c = np.stack([s.close[-WARMUP_BARS:] for s in series.values()])
        v = np.stack([s.volume[-WARMUP_BARS:] for s in series.values()])
        rows, _ = latest_features(c, v)
        features_ms.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        scorer.predict("bench", rows)
        model_ms.append((time.perf_counter() - began) * 1000)
    scorer.close()
    return Result(
        symbols, rounds, found, statistics.median(total),
        float(np.percentile(total, 95)), statistics.median(features_ms),
        statistics.median(model_ms),
    )  # fmt: skip


def _card(model: bytes, scale: float, symbols: tuple[str, ...], rows: int) -> SignalModelCard:
    return SignalModelCard(
        name="bench", version="bench", kind="lightgbm", features=FEATURE_NAMES, horizon=5,
        timeframe="1d", symbols=symbols, train_from=FIRST, train_to=FIRST, trained_at=FIRST,
        rows=rows, data_hash="", onnx_sha256=hashlib.sha256(model).hexdigest(),
        score_scale=scale, folds=(),
    )  # fmt: skip


def report(result: Result) -> str:
    load = os.getloadavg()
    verdict = "meets" if result.p95_ms <= TARGET_MS else "MISSES"
    return "\n".join(
        [
            f"model signals at a bar close: {result.symbols} symbols, {result.rounds} rounds, "
            f"{result.signals} signals a round",
            f"  end to end  p50 {result.p50_ms:7.2f} ms  p95 {result.p95_ms:7.2f} ms  "
            f"(target <= {TARGET_MS:.0f} ms on 2 cores: {verdict})",
            f"  features    p50 {result.features_p50_ms:7.2f} ms",
            f"  model       p50 {result.model_p50_ms:7.2f} ms (ONNX Runtime, 1 thread)",
            f"  host: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (shared machine)",
        ]
    )


def main(argv: list[str]) -> None:
    symbols = int(argv[0]) if argv else 500
    rounds = int(argv[1]) if len(argv) > 1 else 50
    print(report(asyncio.run(measure(symbols, rounds))))


if __name__ == "__main__":
    main(sys.argv[1:])
