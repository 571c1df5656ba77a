"""An embedded Bulwark with a ReviewService over a local chat-completions server."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from adapters.memory.reviews import InMemoryPredictionStore, InMemoryReviewStore
from adapters.memory.store import unit_of_work_factory
from adapters.reviewer.openai_chat import OpenAIChatReviewer
from application.model_records.recorder import PredictionRecorder
from application.review.service import ReviewConfig, ReviewService
from application.trading.orders import SubmitOrder
from application.trading.risk import RiskService
from bootstrap.embedded import Embedded, build_embedded
from domain.principals import Principal, Role
from domain.risk.analysis import HeadroomRater
from domain.trading.instruments import Instrument
from domain.trading.orders import Origin, OriginKind, Side

D = Decimal
ALICE = Principal("alice", Role.OWNER)
BOB = Principal("bob", Role.OWNER)
API_KEY = "sk-test-0123456789abcdef"


@dataclass
class Desk:
    e: Embedded
    reviews: ReviewService
    store: InMemoryReviewStore
    predictions: InMemoryPredictionStore


async def desk(base_url: str | None, budget_s: float = 2.0) -> Desk:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL", sector="Tech"), D(100))
    await e.open_account("acc-a", "alice", D(1_000_000))
    await e.open_account("acc-b", "bob", D(1_000_000))
    reviewer = (
        OpenAIChatReviewer(base_url, "local-model", API_KEY, request_timeout_s=30)
        if base_url
        else None
    )
    store, predictions = InMemoryReviewStore(), InMemoryPredictionStore()
    recorder = PredictionRecorder(predictions, e.clock, e.ids)
    uow = unit_of_work_factory(e.store)
    # The analysis records the risk rater's rating, as the trading container wires it.
    risk = RiskService(
        uow, e.market, e.clock, e.ids, e.policies, e.audit, HeadroomRater(), e.orders,
        predictions=recorder,
    )  # fmt: skip
    service = ReviewService(
        uow, risk, reviewer, store, recorder, e.clock, e.ids,
        ReviewConfig(budget_s=budget_s, secrets=(API_KEY,)),
    )  # fmt: skip
    return Desk(e, service, store, predictions)


async def place(e: Embedded, qty: int, who: Principal = ALICE, account: str = "acc-a") -> str:
    result = await e.orders.submit(
        SubmitOrder(who, account, "AAPL", Side.BUY, D(qty), Origin(OriginKind.USER, who.id))
    )
    return result.order.id
