"""The vendors' HTTP client: the calls-per-minute budget refuses at once (never waits), the
cost per call, a key read from the vault, and failures that never show the key."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import finnhub_api
from adapters.vendor_http.client import CallBudget, VendorHttp
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from tests.alpaca_server import AlpacaServer, Reply
from tests.integration.market_data.vendors.simulated import NOW


def _quote_route(server: AlpacaServer) -> None:
    server.route("GET", "/quote", lambda r: Reply(200, {"c": 1, "t": 1}))


async def test_a_call_past_the_budget_is_refused_at_once_and_never_sent(
    server: AlpacaServer, clock: FakeClock
) -> None:
    _quote_route(server)
    http = VendorHttp(finnhub_api(server.url), "k", clock, calls_per_minute=2)
    await http.get_json("/quote")
    clock.advance(10)
    await http.get_json("/quote")

    began = time.perf_counter()
    with pytest.raises(ProviderRateLimited) as raised:
        await http.get_json("/quote")
    waited = time.perf_counter() - began

    assert raised.value.retry_after_s == 50.0  # the first call leaves the window then
    assert len(server.requests) == 2
    assert waited < 1.0  # refused, not slept on
    usage = http.rate_limit()
    assert (usage.limit, usage.remaining) == (2, 0)
    clock.advance(50)
    await http.get_json("/quote")
    assert len(server.requests) == 3
    await http.aclose()


async def test_the_cost_is_the_calls_made_at_the_price_per_call(
    server: AlpacaServer, clock: FakeClock
) -> None:
    _quote_route(server)
    http = VendorHttp(
        finnhub_api(server.url), "k", clock, calls_per_minute=10, cost_per_call=Decimal("0.004")
    )

    await asyncio.gather(*(http.get_json("/quote") for _ in range(3)))

    assert http.spent == Decimal("0.012")
    await http.aclose()


async def test_a_key_from_the_vault_is_read_once_then_again_after_its_ttl(
    server: AlpacaServer, clock: FakeClock
) -> None:
    _quote_route(server)
    reads: list[str] = []

    async def from_vault() -> str:
        reads.append("read")
        return f"vault-key-{len(reads)}"

    http = VendorHttp(finnhub_api(server.url), from_vault, clock, calls_per_minute=100)
    await http.get_json("/quote")
    await http.get_json("/quote")
    clock.advance(301)
    await http.get_json("/quote")

    assert [r.headers["x-finnhub-token"] for r in server.requests] == [
        "vault-key-1",
        "vault-key-1",
        "vault-key-2",
    ]
    await http.aclose()


async def test_a_vault_that_refuses_is_a_provider_error_not_worth_retrying(
    server: AlpacaServer, clock: FakeClock
) -> None:
    async def refused() -> str:
        raise LookupError("expired")

    http = VendorHttp(finnhub_api(server.url), refused, clock, calls_per_minute=100)

    with pytest.raises(ProviderError, match="its key cannot be read") as raised:
        await http.get_json("/quote")

    assert raised.value.retryable is False
    assert server.requests == []
    await http.aclose()


async def test_an_unreachable_vendor_is_retryable_and_the_message_has_no_key() -> None:
    clock = FakeClock(NOW)
    http = VendorHttp(finnhub_api("http://127.0.0.1:9"), "secret-key", clock, calls_per_minute=5)

    with pytest.raises(ProviderError) as raised:
        await http.get_json("/quote", {"symbol": "AAPL"})

    assert raised.value.retryable
    assert "secret-key" not in str(raised.value)
    await http.aclose()


async def test_an_answer_that_is_not_json_is_a_clear_error(
    server: AlpacaServer, clock: FakeClock
) -> None:
    server.route("GET", "/quote", lambda r: Reply(200, raw=b"<html>maintenance</html>"))
    http = VendorHttp(finnhub_api(server.url), "k", clock, calls_per_minute=5)

    with pytest.raises(ProviderError, match="not JSON"):
        await http.get_json("/quote")
    await http.aclose()


def test_a_refusal_a_fraction_of_a_millisecond_early_still_says_to_wait() -> None:
    # Arrange: the one call of the minute, and a clock 0.1 ms short of its minute
    clock = FakeClock(NOW)
    budget = CallBudget(1, clock)
    budget.take("v")
    clock.advance(59.9999)

    # Act
    with pytest.raises(ProviderRateLimited) as refused:
        budget.take("v")

    # Assert: rounded up to the millisecond, never "come back in 0 s"
    assert refused.value.retry_after_s == 0.001


@given(
    per_minute=st.integers(min_value=1, max_value=20),
    gaps=st.lists(st.floats(min_value=0, max_value=30), min_size=1, max_size=60),
)
@example(per_minute=1, gaps=[1.3018265389226844, 0.0])  # a minute plus a rounding error once
def test_no_sixty_seconds_ever_hold_more_calls_than_the_budget(
    per_minute: int, gaps: list[float]
) -> None:
    clock = FakeClock(NOW)
    budget = CallBudget(per_minute, clock)
    made: list[float] = []
    waits: list[float | None] = []

    for gap in gaps:
        clock.advance(gap)
        try:
            budget.take("v")
        except ProviderRateLimited as refused:
            waits.append(refused.retry_after_s)
            continue
        made.append(clock.monotonic())

    assert all(wait is not None and 0 < wait <= 60 for wait in waits)

    assert all(sum(1 for other in made if at - 60 < other <= at) <= per_minute for at in made)
