"""`/api/v1/portfolios/{id}/transactions`: CUSIP, ISIN and the settlement date (given, or T+1
on the NYSE calendar), each checked (422 INVALID_TRANSACTION naming the field)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import ROOT, portfolio_with

pytestmark = pytest.mark.serves("portfolio")


async def _book(harness: Harness, owner: User, **fields: Any) -> Any:
    portfolio_id = await portfolio_with(harness, owner)
    account = await harness.client.get(f"{ROOT}/{portfolio_id}", headers=owner.headers)
    account_id = account.json()["accounts"][0]["id"]
    body = {"account_id": account_id, "kind": "buy", "symbol": "AAPL", "quantity": "10",
            "price": "190", **fields}  # fmt: skip
    return await harness.client.post(
        f"{ROOT}/{portfolio_id}/transactions", json=body, headers=owner.headers
    )


async def test_a_us_buy_settles_the_next_trading_day_and_keeps_its_identifiers(
    harness: Harness, owner: User
) -> None:
    # Act: Thursday 3 July 2025 (early close); 4 July and the weekend are not trading days
    booked = await _book(
        harness, owner, trade_date="2025-07-03", cusip="037833100", isin="us0378331005"
    )
    given = await _book(harness, owner, trade_date="2025-07-03", settle_date="2025-07-10")

    # Assert
    assert booked.status_code == 201, booked.text
    body = booked.json()
    assert (body["settle_date"], body["cusip"], body["isin"]) == (
        "2025-07-07",
        "037833100",
        "US0378331005",
    )
    assert given.json()["settle_date"] == "2025-07-10"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"settle_date": "2025-07-02"}, "settle_date"),
        ({"cusip": "037833101"}, "cusip"),
        ({"isin": "US0378331006"}, "isin"),
    ],
)
async def test_a_bad_settlement_or_identifier_is_422_naming_the_field(
    harness: Harness, owner: User, fields: dict[str, Any], field: str
) -> None:
    # Act
    answer = await _book(harness, owner, trade_date="2025-07-03", **fields)

    # Assert
    problem = assert_problem(answer, 422, "INVALID_TRANSACTION")
    assert problem["errors"][0]["field"] == field
