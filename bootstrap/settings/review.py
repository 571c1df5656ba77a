"""The AI risk reviewer and the models' outcome records (docs/ai-review.md)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Secret, Section, SettingsError


class ReviewSettings(Section, frozen=True, kw_only=True):
    """The language-model reviewer's endpoint and budget; outcome joining and drift alerts."""

    env_prefix: ClassVar[str] = "review_"

    # An OpenAI-compatible chat-completions endpoint's base URL (a local llama.cpp server or
    # vLLM: http://127.0.0.1:8080/v1; a hosted provider's). Unset: the rules rater reviews.
    endpoint: str | None = None
    model: Annotated[str, msgspec.Meta(min_length=1, max_length=128)] = "local-model"
    # The endpoint's API key: here, or a key of the API-key vault by id (read when first
    # needed, audited as component "review.chat"); neither: none is sent (local servers).
    api_key: Secret | None = None
    vault_key_id: str | None = None
    # How long the model may take before the rules answer in its place (the review says so).
    budget_seconds: Annotated[float, msgspec.Meta(gt=0, le=60)] = 2.0
    max_tokens: Annotated[int, msgspec.Meta(ge=64, le=8192)] = 512
    # Reviews asked for by themselves after the gate's decisions (off the order path, on a
    # task of their own, as the system): off, denied (the orders denied), all (denied or
    # accepted by the broker).
    after_decision: Literal["off", "denied", "all"] = "off"
    # Outcomes: the horizon over which a prediction is judged, the adverse excursions that
    # make a realised CAUTION and DANGER, how often the joiner and the drift watch run (0:
    # never in the serving process).
    horizon_days: Annotated[float, msgspec.Meta(gt=0, le=365)] = 5.0
    caution_move: Annotated[float, msgspec.Meta(gt=0, lt=1)] = 0.02
    danger_move: Annotated[float, msgspec.Meta(gt=0, lt=1)] = 0.05
    outcome_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0
    # Input drift: the population stability index of the last window against the reference
    # days before it; above the threshold the risk desk is told (notification "model.drift").
    drift_threshold: Annotated[float, msgspec.Meta(gt=0, le=10)] = 0.25
    drift_window_hours: Annotated[float, msgspec.Meta(gt=0, le=24 * 31)] = 24.0
    reference_days: Annotated[int, msgspec.Meta(ge=1, le=365)] = 30
    # Scores of the sentiment engine and the signal models are recorded off the serving path:
    # a queue of at most `record_queue` (full: dropped and counted), written `record_batch`
    # at a time every `record_flush_seconds` (or as soon as a batch waits).
    record_queue: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 10_000
    record_batch: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 200
    record_flush_seconds: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 2.0

    def check(self) -> None:
        if self.endpoint is not None and not self.endpoint.startswith(("http://", "https://")):
            raise SettingsError(f"{self.var('endpoint')}: expected an http(s) URL")
        if self.api_key is not None and self.vault_key_id is not None:
            raise SettingsError(
                f"{self.var('api_key')} and {self.var('vault_key_id')}: set one, not both"
            )
        if self.caution_move >= self.danger_move:
            raise SettingsError(
                f"{self.var('caution_move')} must be below {self.var('danger_move')}"
            )
