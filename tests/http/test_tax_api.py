"""The tax API over the real container: lots, realized, wash sales, Form 8949, harvesting.

The harness clock reads 2026-01-05 (UTC): tax year 2025 is closed, harvesting runs in 2026.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from domain.portfolio.transactions import Transaction, TransactionKind
from domain.tax.methods import AccountTaxType, LotMethod
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User
from tests.tax_engines import tax_engine

__all__ = ["tax_engine"]
pytestmark = pytest.mark.usefixtures("tax_engine")  # every test on both engine paths

D = Decimal
LOTS = "/api/v1/tax/lots"
REALIZED = "/api/v1/tax/realized"
WASH = "/api/v1/tax/wash-sales"
FORM = "/api/v1/tax/form-8949.csv"
HARVEST = "/api/v1/tax/harvesting"


def _tx(tx_id: str, account: str, kind: TransactionKind, day: date, symbol: str, qty: str,
        price: str, portfolio: str = "pf-1", **extra: Any) -> Transaction:  # fmt: skip
    return Transaction(
        id=tx_id,
        portfolio_id=portfolio,
        account_id=account,
        kind=kind,
        trade_date=day,
        symbol=symbol,
        quantity=D(qty),
        price=D(price),
        **extra,
    )


BUY, SELL = TransactionKind.BUY, TransactionKind.SELL


async def _ledger(harness: Harness, owner: User, pf: str = "pf-1", prefix: str = "") -> None:
    """A taxable FIFO account and an IRA: a 2025 gain, a 2025 washed loss, open losers."""
    store = harness.container.portfolio.portfolio_store()
    await store.add_portfolio(
        Portfolio(
            id=pf,
            owner_id=owner.id,
            name="Main",
            base_currency="USD",
            created_at=datetime(2025, 1, 1, tzinfo=UTC),
            accounts=(
                PortfolioAccount(f"{prefix}brk", "Brokerage", lot_method=LotMethod.FIFO),
                PortfolioAccount(f"{prefix}ira", "IRA", tax_type=AccountTaxType.IRA),
            ),
        )
    )
    brk, ira = f"{prefix}brk", f"{prefix}ira"
    await store.add_transactions(
        pf,
        [
            _tx(f"{prefix}t01", brk, BUY, date(2024, 1, 10), "AAA", "10", "100", pf),
            _tx(f"{prefix}t02", brk, SELL, date(2025, 3, 1), "AAA", "10", "150", pf),
            # a loss on BBB washed by a buy 10 days later
            _tx(f"{prefix}t03", brk, BUY, date(2025, 5, 1), "BBB", "10", "50", pf),
            _tx(f"{prefix}t04", brk, SELL, date(2025, 6, 1), "BBB", "10", "40", pf),
            _tx(f"{prefix}t05", brk, BUY, date(2025, 6, 11), "BBB", "10", "42", pf),
            # open losers: XYZ (harvestable), ABC (an IRA bought ABC 10 days ago)
            _tx(f"{prefix}t06", brk, BUY, date(2025, 2, 3), "XYZ", "100", "50", pf),
            _tx(f"{prefix}t07", brk, BUY, date(2025, 4, 1), "ABC", "10", "100", pf),
            _tx(f"{prefix}t08", ira, BUY, date(2025, 12, 26), "ABC", "1", "80", pf),
        ],
    )


@pytest.fixture
async def booked(harness: Harness, owner: User) -> User:
    await harness.instrument("XYZ", "40")
    await harness.instrument("ABC", "80")
    await harness.instrument("BBB", "30")
    await _ledger(harness, owner)
    return owner


async def test_open_lots_page_with_their_conventions(harness: Harness, booked: User) -> None:
    # Act
    first = await harness.client.get(LOTS, params={"limit": 2}, headers=booked.headers)
    rest = await harness.client.get(
        LOTS, params={"cursor": first.json()["next_cursor"]}, headers=booked.headers
    )

    # Assert
    assert first.status_code == 200, first.text
    body = first.json()
    items = body["items"] + rest.json()["items"]
    assert [(i["account_id"], i["symbol"]) for i in items] == [
        ("brk", "ABC"), ("brk", "BBB"), ("brk", "XYZ"), ("ira", "ABC"),
    ]  # fmt: skip
    assert rest.json()["next_cursor"] is None
    xyz = items[2]
    assert D(xyz["cost_basis"]) == D(5000)
    assert D(xyz["unrealized_gain"]) == D(-1000)
    assert xyz["lot_method"] == "fifo" and xyz["term_today"] == "short"
    bbb = items[1]
    assert D(bbb["wash_adjustment"]) == D(100)  # the washed loss moved into the basis
    assert body["conventions"]["term_rule"] == "held more than one year (IRS)"
    assert body["conventions"]["lot_methods"] == {"brk": "fifo"}


async def test_realized_rows_totals_and_the_form(harness: Harness, booked: User) -> None:
    # Act
    realized = await harness.client.get(REALIZED, params={"year": 2025}, headers=booked.headers)
    form = await harness.client.get(FORM, params={"year": 2025}, headers=booked.headers)

    # Assert
    assert realized.status_code == 200, realized.text
    body = realized.json()
    assert [(r["symbol"], r["term"]) for r in body["items"]] == [
        ("AAA", "long"), ("BBB", "short"),
    ]  # fmt: skip
    (usd,) = body["totals"]
    assert D(usd["long_term"]["gain"]) == D(500)
    assert D(usd["short_term"]["gain"]) == D(0)  # -100 loss + 100 disallowed (code W)
    assert body["conventions"]["tax_year"] == 2025
    assert body["conventions"]["lot_methods"] == {"brk": "fifo"}
    assert form.status_code == 200, form.text
    assert form.headers["content-type"].startswith("text/csv")
    assert 'filename="form-8949-2025.csv"' in form.headers["content-disposition"]
    assert "AAA" in form.text and "BBB" in form.text


async def test_wash_sales_of_the_year(harness: Harness, booked: User) -> None:
    # Act
    response = await harness.client.get(WASH, params={"year": 2025}, headers=booked.headers)
    other_year = await harness.client.get(WASH, params={"year": 2024}, headers=booked.headers)

    # Assert
    assert response.status_code == 200, response.text
    (wash,) = response.json()["items"]
    assert (wash["sale_id"], wash["replacement_lot_id"]) == ("t04", "t05")
    assert D(wash["disallowed_loss"]) == D(100)
    assert wash["sale_date"] == "2025-06-01" and wash["permanent"] is False
    assert other_year.json()["items"] == []


async def test_harvesting_finds_the_loser_and_blocks_the_washed_one(
    harness: Harness, booked: User
) -> None:
    # Act
    response = await harness.client.post(
        HARVEST,
        json={"min_loss": "100", "ordinary_income": "100000", "short_term_rate": "0.24",
              "long_term_rate": "0.15"},
        headers=booked.headers,
    )  # fmt: skip

    # Assert: XYZ lost 1,000 (candidate); ABC lost 200 but the IRA bought ABC on 2025-12-26;
    # BBB's lot (basis 520 incl. the wash addition, worth 300) bought 2025-06-11: a candidate
    assert response.status_code == 200, response.text
    body = response.json()
    assert [c["symbol"] for c in body["candidates"]] == ["XYZ", "BBB"]
    xyz = body["candidates"][0]
    assert D(xyz["loss"]) == D(1000) and xyz["term"] == "short"
    # no 2026 gains: each loss offsets ordinary income at the flat 24%
    assert D(xyz["tax_savings"]) == D("240.00")
    assert D(body["total_savings"]) == D("292.80")  # (1,000 + 220) x 24%
    assert xyz["sell_with"] == [{"lot_id": "t06", "quantity": "100.00000000"}]
    assert xyz["rebuy_after"] == "2026-02-05"
    ((blocked),) = body["blocked"]
    assert blocked["symbol"] == "ABC"
    assert [(b["kind"], b["ref"], b["account_id"]) for b in blocked["blocks"]] == [
        ("recent_buy", "t08", "ira")
    ]
    assert body["conventions"]["currency"] == "USD" and body["tax_year"] == 2026
    assert len(body["projection"]["scenarios"]) == 5
    assert D(body["projection"]["after_harvest"]["ordinary_offset"]) == D(1220)


async def test_another_users_data_never_shows(harness: Harness, booked: User) -> None:
    # Arrange
    stranger = await harness.user()

    # Act
    lots = await harness.client.get(LOTS, headers=stranger.headers)
    theirs = await harness.client.get(
        LOTS, params={"portfolio_id": "pf-1"}, headers=stranger.headers
    )
    realized = await harness.client.get(REALIZED, params={"year": 2025}, headers=stranger.headers)
    wash = await harness.client.get(WASH, params={"year": 2025}, headers=stranger.headers)
    harvest = await harness.client.post(
        HARVEST, json={"portfolio_id": "pf-1"}, headers=stranger.headers
    )
    own_harvest = await harness.client.post(HARVEST, json={}, headers=stranger.headers)

    # Assert
    assert lots.status_code == 200 and lots.json()["items"] == []
    assert_problem(theirs, 404, "NOT_FOUND")
    assert realized.json()["items"] == [] and realized.json()["totals"] == []
    assert wash.json()["items"] == []
    assert_problem(harvest, 404, "NOT_FOUND")
    assert own_harvest.json()["candidates"] == [] and own_harvest.json()["blocked"] == []


@pytest.mark.parametrize("year", ["1800", "2400"])
async def test_a_year_out_of_range_is_422_naming_the_field(
    harness: Harness, owner: User, year: str
) -> None:
    # Act
    response = await harness.client.get(REALIZED, params={"year": year}, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_TAX_INPUT")
    assert "year" in field_names(problem) or problem.get("field") == "year", problem


async def test_a_stale_cursor_and_bad_harvest_fields_name_the_field(
    harness: Harness, owner: User
) -> None:
    # Act
    cursor = await harness.client.get(LOTS, params={"cursor": "nope"}, headers=owner.headers)
    income = await harness.client.post(
        HARVEST, json={"ordinary_income": "-5"}, headers=owner.headers
    )
    half_flat = await harness.client.post(
        HARVEST, json={"short_term_rate": "0.3"}, headers=owner.headers
    )
    brackets = await harness.client.post(
        HARVEST,
        json={"brackets": {"ordinary": [{"lower": "10", "rate": "0.1"}],
                           "long_term": [{"lower": "0", "rate": "0.15"}]}},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    for response, field in (
        (cursor, "cursor"),
        (income, "ordinary_income"),
        (half_flat, "long_term_rate"),
        (brackets, "brackets.ordinary"),
    ):
        problem = assert_problem(response, 422, "INVALID_TAX_INPUT")
        assert field in field_names(problem) or problem.get("field") == field, problem
