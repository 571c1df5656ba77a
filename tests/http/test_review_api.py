"""Advisory reviews over HTTP against a local chat-completions server: on demand for a stored
or a proposed order, readable afterwards, scoped to the owner; the rules answer when the
endpoint hangs; and a model's record (docs/ai-review.md)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from application.trading.risk import RuleDraft
from domain.principals import Principal, Role
from domain.risk.rules import RuleType
from tests.chat_completions_server import (
    ChatCompletionsServer,
    first_figures,
)
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import Harness
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("review", "trading")


@pytest.fixture
def chat() -> Iterator[ChatCompletionsServer]:
    with threaded(ChatCompletionsServer()) as server:
        yield server


@pytest.fixture
async def reviewed(chat: ChatCompletionsServer) -> AsyncIterator[Harness]:
    async with harness_with(
        review_endpoint=chat.base_url,
        review_budget_seconds="2",
        review_api_key="sk-local-0123456789",
    ) as h:
        await h.instrument("AAPL", "190")
        yield h


async def placed(h: Harness) -> dict[str, Any]:
    owner, stranger = await h.user(Role.OWNER), await h.user(Role.TRADER)
    await h.account(owner, "acc-owner")
    answer = await submit(h, owner, order_body("acc-owner"))
    assert answer.status_code == 201, answer.text
    return {"owner": owner, "stranger": stranger, "order_id": answer.json()["order"]["id"]}


async def test_a_stored_order_is_reviewed_on_demand_and_read_back(
    reviewed: Harness, chat: ChatCompletionsServer
) -> None:
    # Arrange
    chat.answer_with(lambda request: first_figures(request, "CAUTION"))
    d = await placed(reviewed)
    url = f"/api/v1/orders/{d['order_id']}/review"

    # Act
    made = await reviewed.client.post(url, headers=d["owner"].headers)
    read = await reviewed.client.get(url, headers=d["owner"].headers)
    by_id = await reviewed.client.get(
        f"/api/v1/reviews/{made.json()['id']}", headers=d["owner"].headers
    )

    # Assert
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["rating"], body["source"], body["fallback"]) == ("CAUTION", "model", None)
    assert body["reasons"][0]["figure"] in body["figures"]
    assert body["figures"]["decision.approved"] == "true"
    assert body["figures"]["decision.quantity"] == "10"
    assert read.json() == body and by_id.json() == body
    assert "acc-owner" not in str(chat.requests)


async def test_another_owners_order_and_review_answer_404(reviewed: Harness) -> None:
    # Arrange
    d = await placed(reviewed)
    url = f"/api/v1/orders/{d['order_id']}/review"
    made = await reviewed.client.post(url, headers=d["owner"].headers)

    # Act
    post = await reviewed.client.post(url, headers=d["stranger"].headers)
    get = await reviewed.client.get(url, headers=d["stranger"].headers)
    by_id = await reviewed.client.get(
        f"/api/v1/reviews/{made.json()['id']}", headers=d["stranger"].headers
    )
    missing = await reviewed.client.get(
        "/api/v1/orders/ord-nope/review", headers=d["owner"].headers
    )

    # Assert
    assert_problem(post, 404, "NOT_FOUND")
    assert_problem(get, 404, "NOT_FOUND")
    assert_problem(by_id, 404, "REVIEW_NOT_FOUND")
    assert_problem(missing, 404, "NOT_FOUND")


async def test_a_hanging_endpoint_gets_the_rules_review_saying_timeout(
    reviewed: Harness, chat: ChatCompletionsServer
) -> None:
    # Arrange
    chat.script("hang")
    owner = await reviewed.user(Role.OWNER)
    await reviewed.account(owner, "acc-owner")

    # Act: a proposed order, not placed
    answer = await reviewed.client.post(
        "/api/v1/reviews", json=order_body("acc-owner", quantity="5"), headers=owner.headers
    )

    # Assert
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["source"], body["fallback"], body["order_id"]) == ("rules", "timeout", None)
    assert body["rating"] == "SAFE" and body["elapsed_ms"] >= 1900


async def test_a_proposed_order_with_bad_terms_is_a_422(reviewed: Harness) -> None:
    # Arrange
    owner = await reviewed.user(Role.OWNER)
    await reviewed.account(owner, "acc-owner")

    # Act
    answer = await reviewed.client.post(
        "/api/v1/reviews", json=order_body("acc-owner", symbol="NOPE"), headers=owner.headers
    )

    # Assert
    assert answer.status_code == 422


async def test_a_models_record_counts_its_predictions_per_version(
    reviewed: Harness, chat: ChatCompletionsServer
) -> None:
    # Arrange: one model review, one that falls back
    d = await placed(reviewed)
    url = f"/api/v1/orders/{d['order_id']}/review"
    await reviewed.client.post(url, headers=d["owner"].headers)
    chat.script("500")
    await reviewed.client.post(url, headers=d["owner"].headers)

    # Act
    record = await reviewed.client.get(
        "/api/v1/models/ai-reviewer/record", headers=d["owner"].headers
    )
    strangers = await reviewed.client.get(
        "/api/v1/models/ai-reviewer/record", headers=d["stranger"].headers
    )
    bad = await reviewed.client.get(
        "/api/v1/models/ai-reviewer/record",
        params={"start": "2026-01-02T00:00:00Z", "end": "2026-01-01T00:00:00Z"},
        headers=d["owner"].headers,
    )

    # Assert
    assert record.status_code == 200, record.text
    rows = {row["version"]: row for row in record.json()["rows"]}
    assert set(rows) == {"local-model", "rules-fallback"}
    assert rows["local-model"]["predictions"] == 1 and rows["local-model"]["resolved"] == 0
    assert len(rows["local-model"]["bins"]) == 10
    assert strangers.json()["rows"] == []  # only their own predictions
    assert_problem(bad, 422, "INVALID_RECORD_QUERY")


async def test_every_pre_trade_analysis_records_the_risk_raters_rating(
    reviewed: Harness,
) -> None:
    # Arrange
    owner = await reviewed.user(Role.OWNER)
    await reviewed.account(owner, "acc-owner")

    # Act
    analysed = await reviewed.client.post(
        "/api/v1/risk/analyze", json=order_body("acc-owner"), headers=owner.headers
    )
    record = await reviewed.client.get("/api/v1/models/risk-rater/record", headers=owner.headers)

    # Assert
    assert analysed.status_code == 200, analysed.text
    (row,) = record.json()["rows"]
    assert (row["version"], row["predictions"], row["resolved"]) == ("rules", 1, 0)


async def test_the_served_app_reviews_denied_orders_by_itself_when_configured() -> None:
    # Arrange
    async with harness_with(review_after_decision="denied") as h:
        await h.instrument("AAPL", "190")
        owner = await h.user(Role.OWNER)
        await h.account(owner, "acc-owner")
        principal = Principal(owner.id, owner.role)
        rule = RuleDraft(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5}, account_id=None)
        await h.container.trading.risk().create(principal, rule)

        # Act
        denied = await submit(h, owner, order_body("acc-owner", quantity="10"))
        order_id = denied.json()["order"]["id"]
        review = None
        for _ in range(100):
            await asyncio.sleep(0.02)
            review = await h.client.get(f"/api/v1/orders/{order_id}/review", headers=owner.headers)
            if review.status_code == 200:
                break

    # Assert
    assert denied.status_code == 422 and denied.json()["order"]["status"] == "denied"
    assert review is not None and review.status_code == 200, review.text if review else None
    body = review.json()
    assert (body["rating"], body["source"], body["fallback"]) == (
        "DANGER",
        "rules",
        "not configured",
    )


async def test_a_signal_models_and_the_sentiments_records_are_served(reviewed: Harness) -> None:
    # Arrange: one signal and one sentiment score recorded through the serving queue
    viewer, trader = await reviewed.user(Role.VIEWER), await reviewed.user(Role.TRADER)
    recorder = reviewed.container.inference.score_recorder()
    now = reviewed.container.core.clock().now()
    recorder.offer_score("alpha", "v7", "AAPL", 0.4, {"ret_1": 0.01}, now)
    recorder.offer_score("sentiment", "minilm-2", "AAPL", -0.2, {"items": 3.0}, now)
    await recorder.flush()

    # Act
    alpha = await reviewed.client.get("/api/v1/models/alpha/record", headers=viewer.headers)
    sentiment = await reviewed.client.get("/api/v1/models/sentiment/record", headers=viewer.headers)
    traders = await reviewed.client.get("/api/v1/models/alpha/record", headers=trader.headers)

    # Assert
    assert alpha.status_code == 200, alpha.text
    (row,) = alpha.json()["rows"]
    assert (row["version"], row["predictions"], row["resolved"]) == ("v7", 1, 0)
    (row,) = sentiment.json()["rows"]
    assert (row["version"], row["predictions"]) == ("minilm-2", 1)
    assert traders.json()["rows"] == []  # the models' own scores are the desk's and viewers'
