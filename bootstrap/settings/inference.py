"""Inference: the ONNX models' service and the news behind per-symbol sentiment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Section, SettingsError


class InferenceSettings(Section, frozen=True, kw_only=True):
    """The ONNX models' service: encoder, provider, batching, reloads; the risk rater."""

    env_prefix: ClassVar[str] = "inference_"
    env_names: ClassVar[Mapping[str, str]] = {
        "models_dir": "models_dir",
        "risk_rater": "risk_rater",
    }

    # models_dir: what `bulwark models build` writes and the service loads (make run builds it
    # when missing); encoder: the encoder texts are embedded with (and the sentiment head is
    # trained on); provider: auto (TensorRT -> CUDA -> CPU as onnxruntime offers them), cpu,
    # cuda, tensorrt, or tensorrt-engine (TensorRT engines, the gpu extra); threads:
    # onnxruntime's intra-op threads (0: its default, one per core).
    enabled: bool = True
    models_dir: str = "var/models"
    encoder: Literal["minilm-l6-fp32", "minilm-l6-int8"] = "minilm-l6-fp32"
    provider: Literal["auto", "cpu", "cuda", "tensorrt", "tensorrt-engine"] = "auto"
    threads: Annotated[int, msgspec.Meta(ge=0, le=256)] = 0
    # Dynamic batching: rows per model call, how long the oldest waits for company, and the
    # queue's bound in rows (a caller past it gets 503 INFERENCE_BUSY + Retry-After).
    batch_size: Annotated[int, msgspec.Meta(ge=1, le=1024)] = 32
    wait_ms: Annotated[float, msgspec.Meta(ge=0, le=1000)] = 5.0
    queue_bound: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 1024
    # How often the models directory is checked for a new build (0: loaded once at start).
    reload_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 5.0
    # Load every model on a background thread at start-up, where a served context runs them
    # (else each model loads with its first use, and only the models used are held).
    warmup: bool = False
    # Pre-trade analysis' rater: rules (HeadroomRater) or model (the risk-rater model, the
    # rules as its fallback, reported in the analysis).
    risk_rater: Literal["rules", "model"] = "rules"

    def check(self) -> None:
        """The batching queue holds at least one batch."""
        if self.queue_bound < self.batch_size:
            raise SettingsError(
                f"{self.var('queue_bound')} must be at least "
                f"{self.var('batch_size')} ({self.batch_size})"
            )


class NewsSettings(Section, frozen=True, kw_only=True):
    """News for per-symbol sentiment: the file and how sources weigh and age."""

    env_prefix: ClassVar[str] = "sentiment_"
    env_names: ClassVar[Mapping[str, str]] = {
        "file": "news_file",
    }

    # News for per-symbol sentiment: a JSON-lines file replayed against the clock (none: no
    # news); source weights as source=weight pairs (others weigh default_weight).
    file: str | None = None
    source_weights: tuple[str, ...] = ()
    default_weight: Annotated[float, msgspec.Meta(ge=0, le=100)] = 0.5
    half_life_hours: Annotated[float, msgspec.Meta(gt=0, le=8760)] = 24.0
    max_age_hours: Annotated[float, msgspec.Meta(gt=0, le=8760)] = 168.0

    def source_weight_pairs(self) -> dict[str, float]:
        """BULWARK_SENTIMENT_SOURCE_WEIGHTS as {source: weight}; SettingsError naming a bad pair."""
        weights: dict[str, float] = {}
        for pair in self.source_weights:
            source, _, weight = pair.partition("=")
            try:
                value = float(weight)
            except ValueError:
                value = -1.0
            if not source.strip() or not 0 <= value <= 100:
                raise SettingsError(
                    f"{self.var('source_weights')}: expected source=weight pairs with "
                    f"weights within [0, 100], e.g. newswire=1.0,blog=0.3 (got {pair!r})"
                )
            weights[source.strip()] = value
        return weights

    def check(self) -> None:
        self.source_weight_pairs()
