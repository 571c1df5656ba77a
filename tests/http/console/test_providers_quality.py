"""/console/providers: each source's quality grade (A-D, unrated until seen) with its gap rate,
disagreement and staleness, and the consensus quote for a symbol with an inline error."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from application.market_data.quote_quality import QuoteQuality
from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness
from tests.http.test_quote_quality_api import three_sources

pytestmark = pytest.mark.shares_app()

PAGE = "/console/providers"


@pytest.fixture
async def sources(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    """alpha and beta agree on AAPL near 190 (beta 30 s behind), gamma strays to 199."""
    async with three_sources(harness, monkeypatch) as served:
        yield served.quality


def _row(text: str, row_id: str) -> str:
    found = re.search(rf'<tr id="{row_id}"[^>]*>(.*?)</tr>', text, re.S)
    assert found, f"no row {row_id}"
    return found.group(0)


@pytest.mark.parametrize("role", [Role.VIEWER, Role.RISK_OFFICER])
async def test_the_consensus_and_the_grades_it_gives_show_on_the_page(
    harness: Harness, sources: QuoteQuality, role: Role
) -> None:
    # Arrange
    user = await harness.user(role)

    async with signed_in(harness, user.username) as client:
        before = await client.get(PAGE)
        # Act: two more consensus rounds from the page's form
        await client.get(PAGE, params={"symbol": "aapl"})
        page = await client.get(PAGE, params={"symbol": "AAPL"})

    # Assert: before any round every source is unrated
    assert before.status_code == 200, before.text
    assert 'id="quality-alpha" data-grade="unrated"' in before.text
    assert 'id="consensus-verdict"' not in before.text
    assert page.status_code == 200, page.text
    assert 'id="consensus-verdict" data-verdict="agreed"' in page.text
    assert 'id="consensus-mid">190.01000000<' in page.text
    assert 'id="consensus-gamma" data-outlier="true"' in page.text
    assert 'id="consensus-beta" data-outlier="false"' in page.text
    grades = {q.source: q for q in sources.grades()}
    assert grades["alpha"].grade.value == "A" and grades["beta"].grade.value == "C"
    assert 'id="quality-alpha" data-grade="A"' in page.text
    beta = _row(page.text, "quality-beta")
    assert 'data-grade="C"' in beta and "30.0 s" in beta  # staleness: 30 s behind
    gamma = _row(page.text, "quality-gamma")
    assert 'data-grade="D"' in gamma and "100.0 %" in gamma  # disagreed every round
    assert ">2<" in gamma  # rounds


@pytest.mark.parametrize(
    ("symbol", "code"), [("ZZZZ", "SYMBOL_NOT_FOUND"), ("A B", "INVALID_QUOTE_REQUEST")]
)
async def test_a_symbol_no_source_knows_is_said_beside_the_field(
    harness: Harness, sources: QuoteQuality, symbol: str, code: str
) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE, params={"symbol": symbol})

    assert page.status_code == 400
    assert 'id="consensus-error" role="alert"' in page.text and code in page.text
    assert 'aria-describedby="consensus-error"' in page.text
    assert 'id="consensus-verdict"' not in page.text
    assert 'id="providers-table"' in page.text  # the rest of the page still answers
