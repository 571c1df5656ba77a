"""Advisory reviews of the gate's decisions (docs/ai-review.md).

The gate has decided before a review is asked for: a review never sits on the order path. It
is asked for on demand, of a stored order (its figures recomputed at review time) or of a
proposed one. The language model gets `budget_s` seconds; when it hangs, fails or answers
off the schema, the rules rater answers in its place and the review says why. Every review
is stored with its redacted transcript, and its rating recorded as a prediction to be judged
by its outcome (the analysis records the risk rater's beside it).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from application.core.access import account_seen, may_see
from application.model_records.recorder import PredictionRecorder
from application.review.redaction import redact
from application.trading.risk import RiskService
from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.risk.analysis import TradeAnalysis
from domain.risk.review import (
    Review,
    ReviewFallback,
    ReviewSource,
    gate_figures,
    rules_review,
)
from domain.trading.orders import Order
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.review.reviewer import (
    ModelAnswer,
    ReviewerPort,
    ReviewFailed,
    ReviewPrompt,
    ReviewStore,
    StoredReview,
    Transcript,
)

DEFAULT_BUDGET_S = 2.0
DEFAULT_RESERVE_S = 0.025
RULES = "rules"


class ReviewNotFound(NotFound):
    code = "REVIEW_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """`budget_s` runs from the request's start (the figures' recomputation included); the
    model gets what is left of it less `reserve_s`, kept for the fallback to be stored."""

    budget_s: float = DEFAULT_BUDGET_S
    secrets: tuple[str, ...] = ()  # redacted from every transcript (the API key)
    reserve_s: float = DEFAULT_RESERVE_S


def order_terms(order: Order) -> dict[str, str]:
    """The order as the model sees it: its terms, no account or person identifier."""
    terms = {
        "symbol": order.symbol,
        "side": order.side.value,
        "quantity": format(order.quantity, "f"),
        "order_type": order.order_type.value,
        "time_in_force": order.time_in_force.value,
        "origin": order.origin.kind.value,
        "status": order.status.value,
    }
    if order.limit_price is not None:
        terms["limit_price"] = format(order.limit_price, "f")
    if order.stop_price is not None:
        terms["stop_price"] = format(order.stop_price, "f")
    return terms


@dataclass(eq=False)
class ReviewService:
    uow_factory: UnitOfWorkFactory
    risk: RiskService
    reviewer: ReviewerPort | None
    store: ReviewStore
    recorder: PredictionRecorder
    clock: Clock
    ids: IdGenerator
    config: ReviewConfig = field(default_factory=ReviewConfig)

    @property
    def model(self) -> str:
        return self.reviewer.model if self.reviewer is not None else RULES

    async def review_order(self, principal: Principal, order_id: str) -> StoredReview:
        """Review a stored order the principal may see (another's: 404 NOT_FOUND)."""
        started = time.perf_counter()
        order = await self._visible_order(principal, order_id)
        analysis = await self.risk.analyze_trade(principal, order.account_id, order)
        return await self._review(principal, order, analysis, order.id, started)

    async def review_proposed(
        self, principal: Principal, account_id: str, order: Order
    ) -> StoredReview:
        """Review an order not placed: nothing is stored of the order, only the review."""
        started = time.perf_counter()
        analysis = await self.risk.analyze_trade(principal, account_id, order)
        return await self._review(principal, order, analysis, None, started)

    async def order_review(self, principal: Principal, order_id: str) -> StoredReview:
        """The newest review of an order the principal may see."""
        await self._visible_order(principal, order_id)
        stored = await self.store.latest_for_order(order_id)
        if stored is None:
            raise ReviewNotFound(f"order {order_id} has no review")
        return stored

    async def get(self, principal: Principal, review_id: str) -> StoredReview:
        stored = await self.store.get(review_id)
        if stored is None:
            raise ReviewNotFound(f"review {review_id} not found")
        try:
            async with self.uow_factory() as uow:
                await account_seen(uow, principal, stored.account_id)
        except NotFound:
            raise ReviewNotFound(f"review {review_id} not found") from None
        return stored

    async def _visible_order(self, principal: Principal, order_id: str) -> Order:
        async with self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            account = await uow.accounts.get(order.account_id) if order else None
            if order is None or account is None or not await may_see(uow, principal, account):
                raise NotFound(f"order {order_id} not found")
            return order

    async def _review(
        self,
        principal: Principal,
        order: Order,
        analysis: TradeAnalysis,
        order_id: str | None,
        started: float,
    ) -> StoredReview:
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, order.account_id)
        figures = gate_figures(analysis.facts)
        prompt = ReviewPrompt(figures, order_terms(order))
        review, transcript, detail = await self.ask(prompt, analysis, started)
        caller = () if principal.role is Role.SYSTEM else (principal.id,)
        secrets = (*self.config.secrets, account.id, account.owner_id, *caller)
        stored = StoredReview(
            id=self.ids.new("rev-"),
            owner_id=account.owner_id,
            account_id=account.id,
            order_id=order_id,
            symbol=order.symbol,
            review=review,
            figures=figures,
            transcript=Transcript(
                redact(transcript.prompt, secrets),
                None if transcript.answer is None else redact(transcript.answer, secrets),
            ),
            created_at=self.clock.now(),
            detail=redact(detail, secrets),
        )
        await self.store.add(stored)
        await self.recorder.record_review(stored, order)
        return stored

    async def ask(
        self, prompt: ReviewPrompt, analysis: TradeAnalysis, started: float | None = None
    ) -> tuple[Review, Transcript, str]:
        """The model's review within the budget (counted from `started`, a perf_counter
        reading; now when None), else the rules rater's saying why."""
        started = time.perf_counter() if started is None else started
        config = self.config
        left = config.budget_s - config.reserve_s - (time.perf_counter() - started)
        sent = Transcript(
            json.dumps({"figures": dict(prompt.figures), "order": dict(prompt.order)})
        )

        def fallback(reason: ReviewFallback) -> Review:
            elapsed = (time.perf_counter() - started) * 1000
            return rules_review(analysis.assessment, analysis.facts, self.model, reason, elapsed)

        if self.reviewer is None:
            return fallback(ReviewFallback.NOT_CONFIGURED), sent, ""
        try:
            answer = await _within(self.reviewer.review(prompt), left)
        except TimeoutError:
            return fallback(ReviewFallback.TIMEOUT), sent, f"no answer within {config.budget_s}s"
        except ReviewFailed as exc:
            return fallback(exc.reason), exc.transcript, exc.detail
        except Exception as exc:  # a reviewer that breaks its contract: still advisory only
            return fallback(ReviewFallback.ERROR), sent, type(exc).__name__
        elapsed = (time.perf_counter() - started) * 1000
        review = Review(
            answer.rating, answer.reasons, answer.confidence, ReviewSource.MODEL,
            self.model, None, elapsed,
        )  # fmt: skip
        return review, answer.transcript, ""


async def _within(call: Coroutine[Any, Any, ModelAnswer], seconds: float) -> ModelAnswer:
    """The call's answer if it comes within `seconds`, else TimeoutError at once: the call is
    cancelled without waiting for it to wind down (a hung connection's close is its own)."""
    task = asyncio.ensure_future(call)
    if seconds > 0:
        await asyncio.wait({task}, timeout=seconds)
    if task.done():
        return task.result()
    task.cancel()
    task.add_done_callback(_retrieved)
    raise TimeoutError


def _retrieved(task: asyncio.Future[ModelAnswer]) -> None:
    """Reads a cancelled call's outcome so that nothing is logged as never retrieved."""
    if not task.cancelled():
        task.exception()
