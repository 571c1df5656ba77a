"""The consensus quote, the cheapest fresh quote, and the sources' grades over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import pytest

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from application.market_data.providers import ProviderService
from application.market_data.quote_quality import QuoteQuality
from tests.http.harness import Harness, User, serving_market_data
from tests.unit.market_data.test_failover import DOWN, FakeProvider
from tests.unit.market_data.test_quote_quality import Lagging

pytestmark = pytest.mark.serves("market_data")

QUOTES = "/api/v1/market/quotes"
COSTS = {"alpha": Decimal("0.004"), "beta": Decimal("0.001"), "gamma": Decimal("0.002")}


class Sources(NamedTuple):
    alpha: FakeProvider
    beta: Lagging
    gamma: FakeProvider
    quality: QuoteQuality


@asynccontextmanager
async def three_sources(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Sources]:
    """The harness served (its API and console client) over three sources of AAPL at COSTS:
    alpha and beta agree near 190, gamma strays to 199; beta is 30 s behind."""
    alpha = FakeProvider("alpha", harness.clock, {"AAPL": "190.00"})
    beta = Lagging("beta", harness.clock, "190.02", age_s=30)
    gamma = FakeProvider("gamma", harness.clock, {"AAPL": "199.00"})
    config = FailoverConfig(costs=tuple(COSTS.items()))
    feed = FailoverMarketData([[alpha], [beta], [gamma]], harness.clock, config)
    quality = QuoteQuality(feed, harness.clock, costs=COSTS)
    providers = ProviderService(feed, harness.clock, harness.container.core.audit())
    async with serving_market_data(harness, quote_quality=quality, providers=providers) as client:
        monkeypatch.setattr(harness, "client", client)
        monkeypatch.setattr(harness, "app", client.app)  # the console's client
        yield Sources(alpha, beta, gamma, quality)


@pytest.fixture
async def sources(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    """alpha, beta and gamma (three_sources), served."""
    async with three_sources(harness, monkeypatch) as served:
        yield served.alpha, served.beta, served.gamma


async def test_the_consensus_is_the_median_of_the_agreeing_sources_with_the_outlier_flagged(
    harness: Harness, owner: User, sources: Any
) -> None:
    # Act
    response = await harness.client.get(f"{QUOTES}/aapl/consensus", headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["symbol"] == "AAPL"
    assert body["verdict"] == "agreed"
    assert body["mid"] == "190.01000000"
    assert body["contributors"] == ["alpha", "beta"]
    assert body["outliers"] == ["gamma"]
    by_source = {s["source"]: s for s in body["sources"]}
    assert by_source["gamma"]["outlier"] is True
    assert by_source["beta"]["age_seconds"] == 30
    assert by_source["alpha"]["mid"] == "190.00000000"


async def test_the_grades_show_on_the_providers_report_and_the_status(
    harness: Harness, owner: User, sources: Any
) -> None:
    # Arrange: a few consensus reads with gamma down once
    _alpha, _beta, gamma = sources
    for _ in range(3):
        await harness.client.get(f"{QUOTES}/AAPL/consensus", headers=owner.headers)
    gamma.mode = DOWN
    await harness.client.get(f"{QUOTES}/AAPL/consensus", headers=owner.headers)

    # Act
    report = await harness.client.get("/api/v1/providers", headers=owner.headers)
    status = await harness.client.get("/api/status")

    # Assert
    assert report.status_code == 200, report.text
    grades = {q["source"]: q for q in report.json()["quality"]}
    assert grades["alpha"]["grade"] == "A"
    assert grades["beta"]["grade"] == "C"  # 30 s behind
    assert grades["gamma"]["grade"] == "D"  # an outlier, then a gap
    assert grades["gamma"]["gap_rate"] == 0.25 and grades["gamma"]["rounds"] == 4
    assert status.status_code == 200
    assert {q["source"]: q["grade"] for q in status.json()["data_quality"]} == {
        "alpha": "A",
        "beta": "C",
        "gamma": "D",
    }


async def test_the_cheapest_source_fresh_enough_answers_a_quote(
    harness: Harness, owner: User, sources: Any
) -> None:
    alpha, _beta, _gamma = sources

    fresh = await harness.client.get(f"{QUOTES}/AAPL?max_age_s=5", headers=owner.headers)
    lax = await harness.client.get(f"{QUOTES}/AAPL?max_age_s=60", headers=owner.headers)

    assert fresh.status_code == 200, fresh.text
    # beta (0.001) is 30 s behind: gamma (0.002) is the cheapest within 5 s; alpha is dearest
    assert (fresh.json()["source"], fresh.json()["cost_per_call"]) == ("gamma", "0.00200000")
    assert lax.json()["source"] == "beta"
    assert fresh.json()["last"] == "199.00000000"
    assert alpha.calls == []


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/NOPE/consensus", 404, "SYMBOL_NOT_FOUND"),
        ("/NOPE", 404, "SYMBOL_NOT_FOUND"),
        ("/AAPL?max_age_s=0", 400, "VALIDATION_ERROR"),
        ("/AAPL?max_age_s=abc", 400, "VALIDATION_ERROR"),
    ],
)
async def test_a_bad_request_is_a_problem_not_a_500(
    harness: Harness, owner: User, sources: Any, path: str, status: int, code: str
) -> None:
    response = await harness.client.get(f"{QUOTES}{path}", headers=owner.headers)

    assert response.status_code == status, response.text
    assert response.json()["code"] == code


async def test_the_quotes_need_credentials(harness: Harness, sources: Any) -> None:
    response = await harness.client.get(f"{QUOTES}/AAPL/consensus")

    assert response.status_code == 401


async def test_without_sources_the_consensus_is_unavailable(harness: Harness, owner: User) -> None:
    async with serving_market_data(harness, quote_quality=None) as client:
        response = await client.get(f"{QUOTES}/AAPL/consensus", headers=owner.headers)

    assert response.status_code == 503
    assert response.json()["code"] == "MARKET_DATA_UNAVAILABLE"


async def test_the_wired_feed_answers_the_consensus_of_its_sources(
    harness: Harness, owner: User
) -> None:
    await harness.instrument("AAPL", "190")

    response = await harness.client.get(f"{QUOTES}/AAPL/consensus", headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.json()["contributors"] == ["synthetic"]
    assert response.json()["verdict"] == "too_few"  # one source cannot agree with another


async def test_the_demos_prices_stay_quotable_as_long_as_the_gate_trades_at_them(
    harness: Harness, owner: User
) -> None:
    # Arrange: the synthetic primary (`make run`'s feed), AAPL set a minute ago and not moved
    await harness.instrument("AAPL", "190")
    harness.clock.advance(timedelta(minutes=1))

    # Act
    response = await harness.client.get(
        f"{QUOTES}/AAPL", params={"max_age_s": 5}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["source"], body["bid"], body["age_seconds"]) == ("synthetic", "190.00000000", 0.0)
