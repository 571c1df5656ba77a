"""POST /api/v1/planning/13f/information-table on the stored instruments and the imported
Official List of Section 13(f) Securities (the harness clock's today is 2026-01-05): included,
excluded for no CUSIP or for being off the list, the list named in the answer, the XML valid
against the XSD, a posted master as an override, another user's portfolio 404."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from domain.principals import Principal, Role
from domain.trading.instruments import Instrument
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "portfolio")]

TABLE = "/api/v1/planning/13f/information-table"
LIST = """\
                     List of Section 13F Securities
                     Fourth Quarter 2025
Run Date: 12/12/2025
CUSIP NO     HAS LISTED OPTION   ISSUER NAME                    ISSUER DESCRIPTION   STATUS
037833100                        APPLE INC                      COM
037833902        *               APPLE INC                      CALL
990009102                        OLD CO                         COM                  DELETED
"""


async def _arranged(harness: Harness, owner: User) -> str:
    """The owner's portfolio holding 10 each of AAPL (listed), OLDC (deleted from the list),
    ACME (a CUSIP off the list) and NOID (no CUSIP), with the list imported; its id."""
    async with harness.container.core.uow_factory()() as uow:
        await uow.instruments.add(Instrument("AAPL", cusip="037833100"))
        await uow.instruments.add(Instrument("OLDC", cusip="990009102"))
        await uow.instruments.add(Instrument("ACME", cusip="990002107"))
        await uow.instruments.add(Instrument("NOID"))
        await uow.commit()
    for symbol in ("AAPL", "OLDC", "ACME", "NOID"):
        harness.container.core.market().set_price(symbol, Decimal("20"))
    service = harness.container.markets.official_13f_list_service()
    await service.import_text(Principal("admin", Role.ADMIN), LIST, "13flist2025q4.txt")
    pid, account_id = await harness.manual_portfolio(owner)
    txs: list[dict[str, Any]] = [
        {"kind": "deposit", "trade_date": "2025-12-01", "amount": "100000"}
    ] + [
        {"kind": "buy", "trade_date": "2025-12-02", "symbol": s, "quantity": "10", "price": "1"}
        for s in ("AAPL", "OLDC", "ACME", "NOID")
    ]
    await harness.book(owner, pid, *({"account_id": account_id, **tx} for tx in txs))
    return pid


async def test_the_table_comes_from_the_stored_instruments_and_list(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await _arranged(harness, owner)
    stranger = await harness.user()
    body = {"portfolio_id": pid, "prices": {"AAPL": "250.10"}}

    # Act
    mine = await harness.client.post(TABLE, json=body, headers=owner.headers)
    xml = await harness.client.post(f"{TABLE}.xml", json=body, headers=owner.headers)
    checked = await harness.client.post(
        "/api/v1/planning/13f/validate", content=xml.content,
        headers={**owner.headers, "Content-Type": "application/xml"},
    )  # fmt: skip
    theirs = await harness.client.post(TABLE, json=body, headers=stranger.headers)

    # Assert
    assert mine.status_code == 200, mine.text
    out = mine.json()
    (entry,) = out["entries"]
    assert (entry["cusip"], entry["name_of_issuer"], entry["title_of_class"]) == (
        "037833100", "APPLE INC", "COM",
    )  # fmt: skip
    assert (entry["value"], entry["shares_or_principal"]) == (2501, 10)
    assert {e["symbol"]: e["reason"] for e in out["excluded"]} == {
        "ACME": "CUSIP 990002107 is not on the Official List of Section 13(f) Securities (2025 Q4)",
        "OLDC": "CUSIP 990009102 was deleted from the Official List of Section 13(f) "
        "Securities (2025 Q4)",
        "NOID": "the instrument has no CUSIP",
    }
    assert (out["securities_source"], out["official_list_period"]) == ("instruments", "2025 Q4")
    assert out["official_list_date"] == "2025-12-12"
    assert xml.status_code == 200 and b"<cusip>037833100</cusip>" in xml.content
    assert checked.status_code == 200 and checked.json()["valid"] is True
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_a_posted_master_overrides_the_stored_one(harness: Harness, owner: User) -> None:
    # Arrange: the caller's own master lists ACME
    pid = await _arranged(harness, owner)
    acme = {"symbol": "ACME", "cusip": "990002107", "name_of_issuer": "ACME INDL HLDGS",
            "title_of_class": "COM"}  # fmt: skip

    # Act
    posted = await harness.client.post(
        TABLE, json={"portfolio_id": pid, "securities": [acme]}, headers=owner.headers
    )
    misplaced = await harness.client.post(
        TABLE, json={"holdings": [], "securities": [acme]}, headers=owner.headers
    )

    # Assert
    assert posted.status_code == 200, posted.text
    out = posted.json()
    assert [e["cusip"] for e in out["entries"]] == ["990002107"]
    assert out["securities_source"] == "posted" and out["official_list_period"] is None
    assert assert_problem(misplaced, 422, "INVALID_FILING_INPUT")["errors"][0]["field"] == (
        "securities"
    )
