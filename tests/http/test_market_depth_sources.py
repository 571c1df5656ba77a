"""GET /market/{symbol}/depth over sourced books: a ten-level equity book from the depth
source (its levels, gaps and whale), and a one-level book stated as not meaningful."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from application.market_data.book_sources import BookSources
from application.market_data.market import MarketService
from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, serving_market_data
from tests.unit.market_data.test_book_sources import ONE_LEVEL, TEN_LEVELS, BookProvider

pytestmark = [pytest.mark.serves("market_data"), pytest.mark.shares_app()]

MARKET = "/api/v1/market"


@pytest.fixture
async def feeds(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """NVDA from the depth source (ten levels); MSFT only from the feed (Alpaca: one level)."""
    feed = BookProvider("alpaca", {"MSFT": ONE_LEVEL})
    databento = BookProvider("databento", {"NVDA": TEN_LEVELS})
    books = BookSources(feed, equities=databento)
    async with serving_market_data(
        harness, market=MarketService(feed, harness.clock, ttl_s=2.0, books=books)
    ) as client:
        monkeypatch.setattr(harness, "client", client)
        yield


async def test_a_ten_level_book_states_its_source_levels_gaps_and_whale(
    harness: Harness, feeds: None
) -> None:
    # Arrange
    user = await harness.user(Role.TRADER)

    # Act
    response = await harness.client.get(f"{MARKET}/NVDA/depth?levels=10", headers=user.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["book"] == {
        "source": "databento", "kind": "depth", "levels": 10, "bid_levels": 10,
        "ask_levels": 10, "depth_meaningful": True, "note": None,
    }  # fmt: skip
    [whale] = body["whales"]
    assert (whale["side"], whale["price"]) == ("bid", "131.78000000")
    assert whale["size"] == "9000.00000000"
    first = body["level_gaps"][0]
    assert (first["side"], first["level"], first["near"], first["far"], first["gap"]) == (
        "bid", 1, "131.87000000", "131.83000000", "0.04000000",
    )  # fmt: skip
    assert body["widest_gap"] == first and len(body["level_gaps"]) == 18
    assert body["spread"]["absolute"] == "0.02000000"


async def test_a_one_level_book_says_the_screens_are_not_meaningful(
    harness: Harness, feeds: None
) -> None:
    # Arrange
    user = await harness.user(Role.TRADER)

    # Act
    response = await harness.client.get(
        f"{MARKET}/MSFT/depth", params={"whale_size": "1000"}, headers=user.headers
    )

    # Assert: the 9,000 ask is not called a whale; the top of book keeps its spread
    assert response.status_code == 200, response.text
    body = response.json()
    book = body["book"]
    assert (book["source"], book["kind"], book["levels"]) == ("alpaca", "top_of_book", 1)
    assert book["depth_meaningful"] is False and "one level a side" in book["note"]
    assert (body["whales"], body["level_gaps"], body["widest_gap"]) == ([], [], None)
    assert body["spread"]["absolute"] == "0.02000000"


async def test_the_screen_still_needs_credentials(harness: Harness, feeds: None) -> None:
    # Act
    response = await harness.client.get(f"{MARKET}/NVDA/depth")

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")
