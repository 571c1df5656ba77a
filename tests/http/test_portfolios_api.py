"""The portfolio API over the real container: owner scoping (404 on every route),
pagination, 422 problems naming the field or the CSV row, all-or-nothing imports, holdings
and performance with their conventions. The harness clock's today is 2026-01-05."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio"), pytest.mark.shares_app()]

ROOT = "/api/v1/portfolios"
HEADER = (
    "date,account,type,symbol,quantity,price,amount,fees,currency,reference,split_ratio,"
    "acquired,note"
)
CSV = {"content-type": "text/csv"}


async def portfolio(harness: Harness, owner: User, name: str = "Family") -> dict[str, Any]:
    made = await harness.client.post(ROOT, json={"name": name}, headers=owner.headers)
    assert made.status_code == 201, made.text
    account = await harness.client.post(
        f"{ROOT}/{made.json()['id']}/accounts",
        json={"kind": "manual", "name": "Brokerage"},
        headers=owner.headers,
    )
    assert account.status_code == 201, account.text
    body: dict[str, Any] = account.json()
    return body


def tx(account_id: str, kind: str, day: str, **fields: Any) -> dict[str, Any]:
    return {"account_id": account_id, "kind": kind, "trade_date": day, **fields}


async def test_a_portfolio_is_created_read_and_listed_a_page_at_a_time(
    harness: Harness, owner: User
) -> None:
    # Arrange
    ids = []
    for name in ("a", "b", "c"):
        made = await harness.client.post(
            ROOT, json={"name": name, "base_currency": "EUR"}, headers=owner.headers
        )
        assert made.status_code == 201, made.text
        assert made.headers["location"] == f"{ROOT}/{made.json()['id']}"
        ids.append(made.json()["id"])

    # Act
    first = await harness.client.get(ROOT, params={"limit": 2}, headers=owner.headers)
    cursor = first.json()["next_cursor"]
    second = await harness.client.get(
        ROOT, params={"limit": 2, "cursor": cursor}, headers=owner.headers
    )
    one = await harness.client.get(f"{ROOT}/{ids[0]}", headers=owner.headers)

    # Assert
    listed = [p["id"] for p in first.json()["items"] + second.json()["items"]]
    assert listed == sorted(ids) and second.json()["next_cursor"] is None
    assert one.json()["base_currency"] == "EUR" and one.json()["accounts"] == []
    bad = await harness.client.get(ROOT, params={"cursor": "nope"}, headers=owner.headers)
    assert assert_problem(bad, 422, "INVALID_CURSOR")["errors"][0]["field"] == "cursor"


async def test_another_users_portfolio_is_404_on_every_route(harness: Harness, owner: User) -> None:
    # Arrange
    mine = await portfolio(harness, owner)
    stranger = await harness.user()
    base = f"{ROOT}/{mine['id']}"
    account = mine["accounts"][0]["id"]
    client, headers = harness.client, stranger.headers

    # Act
    answers = [
        await client.get(base, headers=headers),
        await client.post(
            f"{base}/accounts", json={"kind": "manual", "name": "x"}, headers=headers
        ),
        await client.post(
            f"{base}/transactions",
            json=tx(account, "deposit", "2025-12-01", amount="10"),
            headers=headers,
        ),
        await client.get(f"{base}/transactions", headers=headers),
        await client.post(
            f"{base}/transactions/import",
            content=f"{HEADER}\n2025-12-01,{account},deposit,,,,10,,,,,,\n",
            headers={**headers, **CSV},
        ),
        await client.get(f"{base}/holdings", headers=headers),
        await client.get(f"{base}/performance", headers=headers),
        await client.get(f"{base}/risk", headers=headers),
    ]

    # Assert
    for answer in answers:
        assert_problem(answer, 404, "PORTFOLIO_NOT_FOUND")
    listing = await client.get(ROOT, headers=headers)
    assert listing.json() == {"items": [], "next_cursor": None}


async def test_a_trading_account_must_be_your_own(harness: Harness, owner: User) -> None:
    made = (await harness.client.post(ROOT, json={"name": "t"}, headers=owner.headers)).json()
    stranger = await harness.user()
    acc_mine = await harness.account(owner, "acc-mine")
    acc_theirs = await harness.account(stranger, "acc-theirs")
    path = f"{ROOT}/{made['id']}/accounts"

    ok = await harness.client.post(
        path,
        json={"kind": "trading", "account_id": acc_mine, "lot_method": "hifo"},
        headers=owner.headers,
    )
    theirs = await harness.client.post(
        path, json={"kind": "trading", "account_id": acc_theirs}, headers=owner.headers
    )

    assert ok.status_code == 201, ok.text
    assert ok.json()["accounts"][0] == {
        "id": acc_mine,
        "name": acc_mine,
        "kind": "trading",
        "tax_type": "taxable",
        "lot_method": "hifo",
    }
    assert_problem(theirs, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "sell", "symbol": "AAPL", "quantity": "11", "price": "100"}, "quantity"),
        ({"kind": "buy", "symbol": "AAPL", "quantity": "-1", "price": "100"}, "quantity"),
        (
            {"kind": "buy", "symbol": "AAPL", "quantity": "1", "price": "1", "currency": "ABC"},
            "currency",
        ),
        ({"kind": "deposit", "amount": "10", "trade_date": "2026-02-01"}, "trade_date"),
        (
            {
                "kind": "transfer_in",
                "symbol": "X",
                "quantity": "1",
                "price": "1",
                "acquired": "2025-12-31",
            },
            "acquired",
        ),
        (
            {
                "kind": "sell",
                "symbol": "AAPL",
                "quantity": "1",
                "price": "100",
                "lot_picks": [{"lot_id": "no-such-lot", "quantity": "1"}],
            },
            "lot_picks",
        ),
    ],
)
async def test_a_bad_transaction_is_422_naming_the_field_and_writes_nothing(
    harness: Harness, owner: User, fields: dict[str, Any], field: str
) -> None:
    # Arrange: 10 AAPL held
    made = await portfolio(harness, owner)
    account = made["accounts"][0]["id"]
    path = f"{ROOT}/{made['id']}/transactions"
    buy = tx(account, "buy", "2025-12-01", symbol="AAPL", quantity="10", price="90")
    assert (await harness.client.post(path, json=buy, headers=owner.headers)).status_code == 201
    body = {"account_id": account, "trade_date": "2025-12-20", **fields}

    # Act
    answer = await harness.client.post(path, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(answer, 422, "INVALID_TRANSACTION")
    assert problem["errors"][0]["field"] == field
    listed = await harness.client.get(path, headers=owner.headers)
    assert len(listed.json()["items"]) == 1


async def test_transactions_book_and_list_in_date_order_a_page_at_a_time(
    harness: Harness, owner: User
) -> None:
    made = await portfolio(harness, owner)
    account = made["accounts"][0]["id"]
    path = f"{ROOT}/{made['id']}/transactions"
    for day in ("2025-12-03", "2025-12-01", "2025-12-02"):
        booked = await harness.client.post(
            path, json=tx(account, "deposit", day, amount="100.50"), headers=owner.headers
        )
        assert booked.status_code == 201, booked.text
    assert booked.json()["currency"] == "USD" and booked.json()["cash_effect"] == "100.50"

    first = await harness.client.get(path, params={"limit": 2}, headers=owner.headers)
    second = await harness.client.get(
        path, params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=owner.headers
    )

    days = [t["trade_date"] for t in first.json()["items"] + second.json()["items"]]
    assert days == ["2025-12-01", "2025-12-02", "2025-12-03"]
    assert second.json()["next_cursor"] is None
    too_many = await harness.client.get(path, params={"limit": 501}, headers=owner.headers)
    assert too_many.status_code == 400


async def test_a_good_csv_books_every_row(harness: Harness, owner: User) -> None:
    made = await portfolio(harness, owner)
    base = f"{ROOT}/{made['id']}"
    text = (
        f"{HEADER}\n"
        "2025-12-01,Brokerage,deposit,,,,10000,,,s-1,,,\n"
        "2025-12-02,Brokerage,buy,AAPL,10,150,,1,,s-2,,,\n"
        "2025-12-15,Brokerage,sell,AAPL,4,160,,1,,s-3,,,\n"
    )

    answer = await harness.client.post(
        f"{base}/transactions/import", content=text, headers={**owner.headers, **CSV}
    )

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "imported": 3,
        "by_kind": {"buy": 1, "deposit": 1, "sell": 1},
        "by_account": {made["accounts"][0]["id"]: 3},
        "first_date": "2025-12-01",
        "last_date": "2025-12-15",
    }
    listed = await harness.client.get(f"{base}/transactions", headers=owner.headers)
    assert [t["source"] for t in listed.json()["items"]] == ["import"] * 3
    again = await harness.client.post(
        f"{base}/transactions/import", content=text, headers={**owner.headers, **CSV}
    )
    problem = assert_problem(again, 422, "CSV_INVALID")
    assert [(e["row"], e["field"]) for e in problem["errors"]] == [
        (2, "reference"),
        (3, "reference"),
        (4, "reference"),
    ]


async def test_a_csv_with_bad_rows_names_each_row_and_imports_nothing(
    harness: Harness, owner: User
) -> None:
    made = await portfolio(harness, owner)
    base = f"{ROOT}/{made['id']}"
    text = (
        f"{HEADER}\n"
        "2025-12-01,Brokerage,buy,AAPL,10,150,,,,,,,\n"
        "2025-12-02,Brokerage,buy,AAPL,ten,150,,,,,,,\n"
        "2025-12-03,Nowhere,deposit,,,,5,,,,,,\n"
        "2025-12-04,Brokerage,buy,AAPL,1,150,,,EURO,,,,\n"
    )

    answer = await harness.client.post(
        f"{base}/transactions/import", content=text, headers={**owner.headers, **CSV}
    )

    problem = assert_problem(answer, 422, "CSV_INVALID")
    assert problem["error_count"] == 3
    assert [(e["row"], e["field"]) for e in problem["errors"]] == [
        (3, "quantity"),
        (4, "account"),
        (5, "currency"),
    ]
    listed = await harness.client.get(f"{base}/transactions", headers=owner.headers)
    assert listed.json()["items"] == []


async def test_a_csv_sale_beyond_the_position_names_its_row(harness: Harness, owner: User) -> None:
    made = await portfolio(harness, owner)
    base = f"{ROOT}/{made['id']}"
    text = (
        f"{HEADER}\n"
        "2025-12-01,Brokerage,buy,AAPL,10,150,,,,,,,\n"
        "2025-12-02,Brokerage,sell,AAPL,4,150,,,,,,,\n"
        "2025-12-03,Brokerage,sell,AAPL,7,150,,,,,,,\n"
    )

    answer = await harness.client.post(
        f"{base}/transactions/import", content=text, headers={**owner.headers, **CSV}
    )

    problem = assert_problem(answer, 422, "CSV_INVALID")
    assert [(e["row"], e["field"]) for e in problem["errors"]] == [(4, "quantity")]
    listed = await harness.client.get(f"{base}/transactions", headers=owner.headers)
    assert listed.json()["items"] == []


async def test_an_import_must_be_text_csv(harness: Harness, owner: User) -> None:
    made = await portfolio(harness, owner)

    answer = await harness.client.post(
        f"{ROOT}/{made['id']}/transactions/import", json={"a": 1}, headers=owner.headers
    )

    assert_problem(answer, 415, "UNSUPPORTED_MEDIA_TYPE")


async def test_holdings_and_performance_name_their_conventions(
    harness: Harness, owner: User
) -> None:
    # Arrange: AAPL's reference price is 190
    await harness.instrument("AAPL", "190")
    made = await portfolio(harness, owner)
    account = made["accounts"][0]["id"]
    base = f"{ROOT}/{made['id']}"
    for body in (
        tx(account, "deposit", "2025-12-01", amount="2000"),
        tx(account, "buy", "2025-12-02", symbol="AAPL", quantity="10", price="150", fees="1"),
    ):
        booked = await harness.client.post(f"{base}/transactions", json=body, headers=owner.headers)
        assert booked.status_code == 201, booked.text

    # Act
    holdings = await harness.client.get(f"{base}/holdings", headers=owner.headers)
    performance = await harness.client.get(
        f"{base}/performance",
        params={"start": "2025-12-01", "end": "2026-01-05"},
        headers=owner.headers,
    )

    # Assert
    assert holdings.status_code == 200, holdings.text
    view = holdings.json()
    (held,) = view["accounts"]
    assert held["lot_method"] == "fifo" and held["cash"] == {"USD": "499.00"}
    (position,) = held["positions"]
    assert position["quantity"] == "10.00000000" and position["cost_basis"] == "1501.00"
    assert position["market_value"] == "1900.00" and position["unrealized_gain"] == "399.00"
    assert [lot["quantity"] for lot in position["lots"]] == ["10.00000000"]
    assert view["market_value"] == "2399.00" and "lot_method" in view["conventions"]
    assert performance.status_code == 200, performance.text
    perf = performance.json()
    assert perf["days"] == 36 and len(perf["points"]) == 36
    assert perf["points"][0]["cash_flow"] == "2000.00" and perf["opening_value"] == "0.00"
    assert perf["conventions"]["day_count"] == "ACT/365"
    bad = await harness.client.get(
        f"{base}/performance",
        params={"start": "2026-01-02", "end": "2026-01-01"},
        headers=owner.headers,
    )
    assert assert_problem(bad, 422, "INVALID_PERIOD")["errors"][0]["field"] == "start"
