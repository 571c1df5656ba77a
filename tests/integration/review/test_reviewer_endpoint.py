"""The reviewer against a local chat-completions server: a good answer is used; an answer off
the schema, a 500 or a hang falls back to the rules within the budget, and says why."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from application.review.service import DEFAULT_RESERVE_S
from domain.errors import NotFound
from domain.risk.analysis import RiskRating
from domain.risk.review import ReviewFallback, ReviewSource
from tests.chat_completions_server import ChatCompletionsServer, first_figures
from tests.integration.review.kit import ALICE, API_KEY, BOB, desk, place


async def test_a_well_formed_answer_is_the_review_with_reasons_tied_to_figures() -> None:
    # Arrange
    async with ChatCompletionsServer() as server:
        server.answer_with(lambda request: first_figures(request, "DANGER"))
        d = await desk(server.base_url)
        order_id = await place(d.e, 10)

        # Act
        stored = await d.reviews.review_order(ALICE, order_id)

    # Assert
    review = stored.review
    assert (review.source, review.fallback, review.rating) == (
        ReviewSource.MODEL, None, RiskRating.DANGER
    )  # fmt: skip
    assert review.confidence == 0.7 and review.model == "local-model"
    assert all(reason.figure in stored.figures for reason in review.reasons)
    sent = server.requests[0]
    assert sent["model"] == "local-model"
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["strict"] is True
    figures_enum = sent["response_format"]["json_schema"]["schema"]["properties"]["reasons"]
    assert figures_enum["items"]["properties"]["figure"]["enum"] == sorted(stored.figures)
    assert "acc-a" not in json.dumps(sent) and "alice" not in json.dumps(sent)
    assert await d.reviews.order_review(ALICE, order_id) == stored


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        ("off_schema", ReviewFallback.INVALID_ANSWER),
        ("malformed", ReviewFallback.INVALID_ANSWER),
        ("500", ReviewFallback.ERROR),
    ],
)
async def test_a_bad_answer_falls_back_to_the_rules_and_says_why(
    behaviour: str, reason: ReviewFallback
) -> None:
    # Arrange
    async with ChatCompletionsServer() as server:
        server.script(behaviour)
        d = await desk(server.base_url)
        order_id = await place(d.e, 10)

        # Act
        stored = await d.reviews.review_order(ALICE, order_id)

    # Assert
    assert stored.review.source is ReviewSource.RULES
    assert stored.review.fallback is reason
    assert stored.review.rating is RiskRating.SAFE  # 10 shares: within every limit
    assert stored.review.reasons and all(r.figure in stored.figures for r in stored.review.reasons)
    assert stored.detail


async def test_an_answer_citing_a_figure_it_was_not_sent_is_invalid() -> None:
    # Arrange
    def made_up(request: dict[str, Any]) -> dict[str, Any]:
        answer = first_figures(request)
        answer["reasons"][0]["figure"] = "account.balance"
        return answer

    async with ChatCompletionsServer() as server:
        server.answer_with(made_up)
        d = await desk(server.base_url)
        order_id = await place(d.e, 10)

        # Act
        stored = await d.reviews.review_order(ALICE, order_id)

    # Assert
    assert stored.review.fallback is ReviewFallback.INVALID_ANSWER
    assert "account.balance" in stored.detail


async def test_a_hanging_endpoint_is_answered_by_the_rules_within_the_budget() -> None:
    # Arrange
    budget = 0.3
    async with ChatCompletionsServer() as server:
        server.script("hang")
        d = await desk(server.base_url, budget_s=budget)
        order_id = await place(d.e, 10)

        # Act
        started = time.perf_counter()
        stored = await d.reviews.review_order(ALICE, order_id)
        elapsed = time.perf_counter() - started

    # Assert
    assert stored.review.source is ReviewSource.RULES
    assert stored.review.fallback is ReviewFallback.TIMEOUT
    assert stored.review.elapsed_ms >= (budget - DEFAULT_RESERVE_S) * 1000  # the model waited
    assert elapsed < budget + 5  # generous: the point is that it does not wait for the hang


async def test_the_stored_transcript_has_no_secret_nor_account_identifier() -> None:
    # Arrange: a model that echoes what it must never keep
    def leaky(request: dict[str, Any]) -> dict[str, Any]:
        answer = first_figures(request)
        answer["reasons"][0]["text"] = f"acc-a of alice, key {API_KEY}, mail a@b.example"
        return answer

    async with ChatCompletionsServer() as server:
        server.answer_with(leaky)
        d = await desk(server.base_url)
        order_id = await place(d.e, 10)

        # Act
        stored = await d.reviews.review_order(ALICE, order_id)

    # Assert
    kept = stored.transcript.prompt + (stored.transcript.answer or "")
    for secret in (API_KEY, "acc-a", "alice", "a@b.example"):
        assert secret not in kept
    assert "[redacted]" in (stored.transcript.answer or "")


async def test_another_owners_order_answers_not_found() -> None:
    # Arrange
    d = await desk(None)
    order_id = await place(d.e, 10)

    # Act / Assert
    with pytest.raises(NotFound):
        await d.reviews.review_order(BOB, order_id)
    await d.reviews.review_order(ALICE, order_id)
    with pytest.raises(NotFound):
        await d.reviews.order_review(BOB, order_id)


async def test_without_an_endpoint_the_rules_answer_and_both_ratings_are_recorded() -> None:
    # Arrange
    d = await desk(None)
    order_id = await place(d.e, 10)

    # Act
    stored = await d.reviews.review_order(ALICE, order_id)

    # Assert
    assert stored.review.fallback is ReviewFallback.NOT_CONFIGURED
    start, end = stored.created_at.replace(year=2000), stored.created_at.replace(year=2100)
    reviewer = await d.predictions.between("ai-reviewer", start, end)
    rater = await d.predictions.between("risk-rater", start, end)
    assert [(p.version, p.value, p.owner_id) for p in reviewer] == [
        ("rules-fallback", "SAFE", "alice")
    ]
    assert [(p.version, p.value) for p in rater] == [("rules", "SAFE")]
    assert reviewer[0].inputs_hash == rater[0].inputs_hash
    assert reviewer[0].inputs["decision.approved"] == 1.0
