"""Wiring the AI risk reviewer and the models' outcome records (docs/ai-review.md)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import structlog

from application.keys.vault import KeyVaultService
from application.model_records.outcomes import ModelHorizons, OutcomeConfig, OutcomeJoiner
from application.model_records.queued import QueuedRecorder
from application.model_records.record import DriftWatch
from application.model_records.recorder import (
    REVIEWER_MODEL,
    RISK_RATER_MODEL,
    SENTIMENT_MODEL,
)
from application.model_signals.horizons import signal_model_horizons
from application.review.after_decision import AfterDecision, ReviewAfterDecision
from application.review.service import ReviewConfig, ReviewService
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import serving_every
from bootstrap.settings import Settings
from domain.events import DomainEvent
from ports.core.clock import Clock, IdGenerator
from ports.core.events import Notifier
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.model_records.predictions import PredictionStore
from ports.review.reviewer import ReviewerPort

_log = structlog.get_logger("bulwark.review")
VAULT_COMPONENT = "review.chat"
KEY_CACHE_SECONDS = 300.0


class VaultedKey:
    """The endpoint's key read from the API-key vault, kept for five minutes (every read is
    an audited access)."""

    def __init__(self, vault: KeyVaultService, key_id: str) -> None:
        self._vault = vault
        self._key_id = key_id
        self._key: str | None = None
        self._read_at = 0.0

    async def __call__(self) -> str:
        now = time.monotonic()
        if self._key is None or now - self._read_at > KEY_CACHE_SECONDS:
            material = await self._vault.use(self._key_id, VAULT_COMPONENT)
            self._key = material.current.secret
            self._read_at = now
        return self._key


def reviewer(settings: Settings, vault: KeyVaultService) -> ReviewerPort | None:
    """The chat-completions reviewer when BULWARK_REVIEW_ENDPOINT is set, else None (rules)."""
    s = settings.review
    if s.endpoint is None:
        return None
    from adapters.reviewer.openai_chat import OpenAIChatReviewer

    key_source = VaultedKey(vault, s.vault_key_id) if s.vault_key_id else None
    return OpenAIChatReviewer(
        s.endpoint,
        s.model,
        s.api_key.reveal() if s.api_key is not None else None,
        # The request's own limit sits above the budget: the budget cancels it first.
        request_timeout_s=s.budget_seconds + 5.0,
        max_tokens=s.max_tokens,
        key_source=key_source,
    )


def review_config(settings: Settings) -> ReviewConfig:
    key = settings.review.api_key
    return ReviewConfig(
        budget_s=settings.review.budget_seconds,
        secrets=(key.reveal(),) if key is not None else (),
    )


def outcome_config(settings: Settings) -> OutcomeConfig:
    s = settings.review
    return OutcomeConfig(
        horizon=timedelta(days=s.horizon_days),
        caution_move=s.caution_move,
        danger_move=s.danger_move,
    )


def score_recorder(settings: Settings, store: PredictionStore, ids: IdGenerator) -> QueuedRecorder:
    s = settings.review
    return QueuedRecorder(store, ids, capacity=s.record_queue, batch=s.record_batch)


async def score_recorder_lifetime(
    settings: Settings, recorder: QueuedRecorder
) -> AsyncIterator[QueuedRecorder]:
    """Drains the queue of recorded scores for the app's lifetime, what is left at the end."""
    stop = asyncio.Event()
    task = asyncio.create_task(
        recorder.run(settings.review.record_flush_seconds, stop), name="score-recorder"
    )
    try:
        yield recorder
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=5.0)
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if recorder.dropped:
            _log.warning("model_scores_dropped", dropped=recorder.dropped)


def outcome_horizons(settings: Settings) -> ModelHorizons:
    """The signal models' label horizons, read from the models' folder."""
    from adapters.signal_models.file_registry import FolderSignalModelRegistry

    return signal_model_horizons(FolderSignalModelRegistry(settings.model_signals.dir))


def drift_watch(
    settings: Settings,
    store: PredictionStore,
    uow: UnitOfWorkFactory,
    notifier: Notifier,
    clock: Clock,
) -> DriftWatch:
    s = settings.review
    return DriftWatch(
        store, uow, notifier, clock,
        (REVIEWER_MODEL, RISK_RATER_MODEL, SENTIMENT_MODEL),
        threshold=s.drift_threshold,
        window=timedelta(hours=s.drift_window_hours),
        reference_days=s.reference_days,
    )  # fmt: skip


async def outcome_loop(
    settings: Settings,
    joiner: Callable[[], OutcomeJoiner],
    watch: Callable[[], DriftWatch],
    process: str,
    leases: JobLeases | None = None,
) -> AsyncIterator[None]:
    """Joins due outcomes and checks drift every BULWARK_REVIEW_OUTCOME_SECONDS (serve only)."""

    async def join() -> None:
        resolved = await joiner().resolve_due()
        if resolved:
            _log.info("model_outcomes_joined", resolved=resolved)

    async def drift() -> None:
        for model, found in (await watch().check()).items():
            if found.psi is not None and found.psi > settings.review.drift_threshold:
                _log.warning("model_drift", model=model, psi=round(found.psi, 4))

    checks = {"model_outcomes": join, "model_drift": drift}
    async with serving_every(checks, settings.review.outcome_seconds, process, leases):
        yield


async def after_decision_lifetime(
    settings: Settings, bus: Any, reviews: Callable[[], ReviewService]
) -> AsyncIterator[ReviewAfterDecision | None]:
    """With BULWARK_REVIEW_AFTER_DECISION: subscribed to the bus, reviewing on its own task."""
    which = AfterDecision(settings.review.after_decision)
    if which is AfterDecision.OFF:
        yield None
        return
    after = ReviewAfterDecision(reviews(), which)
    event_type: type[DomainEvent]
    for event_type in after.events:
        bus.subscribe(event_type, after.on_event)
    task = asyncio.create_task(after.run_forever(), name="review-after-decision")
    _log.info("review_after_decision", which=which.value)
    try:
        yield after
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


async def reviewer_lifetime(made: ReviewerPort | None) -> AsyncIterator[ReviewerPort | None]:
    """The reviewer's HTTP connections closed when the process stops."""
    try:
        yield made
    finally:
        close = getattr(made, "aclose", None)
        if close is not None:
            with contextlib.suppress(Exception):
                await close()
