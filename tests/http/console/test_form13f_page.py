"""`/console/form-13f`: the information table of one of the caller's portfolios as
POST /api/v1/planning/13f/information-table answers it (rows, left-out positions with the
reason, total against the $100M threshold, the list used), the XML as a download, and another
user's portfolio or a garbled quarter end shown beside its field. No Official List is imported
here: the shipped file master answers (AAPL listed, FLUX not, ZZZZ unknown)."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.sec13f.xsd import XsdInformationTableSchema
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "portfolio", "console"), pytest.mark.shares_app()]

PAGE = "/console/form-13f"
API = "/api/v1/planning/13f/information-table"


async def _portfolio(harness: Harness, owner: User) -> str:
    for symbol, price in (("AAPL", "190"), ("FLUX", "20"), ("ZZZZ", "5")):
        await harness.instrument(symbol, price)
    pid, account_id = await harness.manual_portfolio(owner)
    txs: list[dict[str, Any]] = [
        {"kind": "deposit", "trade_date": "2025-12-01", "amount": "100000"}
    ] + [
        {"kind": "buy", "trade_date": "2025-12-02", "symbol": s, "quantity": "10", "price": "1"}
        for s in ("AAPL", "FLUX", "ZZZZ")
    ]
    await harness.book(owner, pid, *({"account_id": account_id, **tx} for tx in txs))
    return pid


async def test_the_table_as_the_api_and_its_xml(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await _portfolio(harness, owner)
    api = await harness.client.post(API, json={"portfolio_id": pid}, headers=owner.headers)
    expected = api.json()

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE, params={"portfolio_id": pid})
        xml = await client.get(f"{PAGE}/information-table.xml", params={"portfolio_id": pid})

    # Assert
    assert response.status_code == 200, response.text
    text = response.text
    (entry,) = expected["entries"]
    row = text.split(f'data-cusip="{entry["cusip"]}"')[1].split("</tr>")[0]
    assert f'<th scope="row">{entry["name_of_issuer"]}</th>' in row
    assert f'<td class="num">{entry["value"]:,}</td>' in row
    for left in expected["excluded"]:
        assert f'data-symbol="{left["symbol"]}"' in text and left["reason"] in text
    assert f'id="f13-total">{expected["value_total"]:,}<' in text
    assert 'data-reached="no"' in text and 'id="f13-list-period">2024 Q4<' in text
    assert f'href="{PAGE}/information-table.xml?portfolio_id={pid}"' in text
    assert '<a href="/console/form-13f" data-key="Q"' in text
    assert xml.status_code == 200 and "attachment" in xml.headers["content-disposition"]
    assert xml.content == expected["document"].encode()
    assert XsdInformationTableSchema().violations(xml.content) == []


async def test_another_s_portfolio_or_a_bad_quarter_is_shown_beside_its_field(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await _portfolio(harness, owner)
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        theirs = await client.get(PAGE, params={"portfolio_id": pid})
        download = await client.get(f"{PAGE}/information-table.xml", params={"portfolio_id": pid})
    async with signed_in(harness, owner.username) as client:
        garbled = await client.get(PAGE, params={"portfolio_id": pid, "period_end": "31/12/2025"})
        not_quarter = await client.get(
            PAGE, params={"portfolio_id": pid, "period_end": "2025-11-30"}
        )

    # Assert
    assert theirs.status_code == 404 and 'data-field="portfolio_id">' in theirs.text
    assert 'id="f13-summary"' not in theirs.text
    assert download.status_code == 404
    assert garbled.status_code == 422 and 'data-field="period_end">period_end: ' in garbled.text
    assert not_quarter.status_code == 422 and 'data-field="period_end">' in not_quarter.text
