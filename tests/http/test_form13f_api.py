"""/api/v1/planning/13f and /planning/filing-calendar over the real app.
The harness clock's today is 2026-01-05."""

from __future__ import annotations

from typing import Any

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("markets", "portfolio"), pytest.mark.shares_app()]

ROOT = "/api/v1/planning"
NS = "http://www.sec.gov/edgar/document/thirteenf/informationtable"
APPLE = {"name_of_issuer": "APPLE INC", "title_of_class": "COM", "cusip": "037833100",
         "market_value_usd": "1250000.49", "amount": "5000"}  # fmt: skip


async def post(harness: Harness, user: User, path: str, **kwargs: Any) -> Any:
    headers = {**user.headers, **kwargs.pop("headers", {})}
    return await harness.client.post(f"{ROOT}{path}", headers=headers, **kwargs)


async def test_posted_holdings_make_a_valid_information_table(
    harness: Harness, owner: User
) -> None:
    # Arrange: two lots of Apple (combined) and a call option row
    holdings = [
        APPLE,
        {**APPLE, "market_value_usd": "750000.25", "amount": "3000"},
        {**APPLE, "market_value_usd": "25000", "amount": "100", "put_call": "call"},
    ]

    # Act
    table = await post(harness, owner, "/13f/information-table",
                       json={"period_end": "2025-12-31", "holdings": holdings})  # fmt: skip
    document = await post(harness, owner, "/13f/information-table.xml",
                          json={"period_end": "2025-12-31", "holdings": holdings})  # fmt: skip

    # Assert: 2,000,000.74 -> 2,000,001 dollars; due 2026-02-17 (Feb 14 a Saturday, Monday
    # the 16th Washington's Birthday)
    assert table.status_code == 200, table.text
    out = table.json()
    assert (out["entry_total"], out["value_total"], out["schema_valid"]) == (2, 2_025_001, True)
    assert out["entries"][0]["value"] == 2_000_001 and out["entries"][1]["put_call"] == "Call"
    assert out["deadline"]["due"] == "2026-02-17"
    assert out["deadline"]["rolled_over"] == [
        "2026-02-14 Saturday", "2026-02-15 Sunday", "2026-02-16 Washington's Birthday",
    ]  # fmt: skip
    assert out["threshold_reached"] is False
    assert document.status_code == 200, document.text
    assert document.headers["content-type"].startswith("application/xml")
    assert document.text == out["document"] and f'xmlns="{NS}"' in document.text
    assert "attachment" in document.headers["content-disposition"]


async def test_bad_holdings_are_refused_naming_the_row(harness: Harness, owner: User) -> None:
    # Act
    answers = {
        "cusip": await post(harness, owner, "/13f/information-table",
                            json={"holdings": [{**APPLE, "cusip": "037833101"}]}),
        "type": await post(harness, owner, "/13f/information-table",
                           json={"holdings": [{**APPLE, "amount_type": "SHARES"}]}),
        "negative": await post(harness, owner, "/13f/information-table",
                               json={"holdings": [APPLE, {**APPLE, "market_value_usd": "-5"}]}),
        "period": await post(harness, owner, "/13f/information-table",
                             json={"holdings": [APPLE], "period_end": "2025-11-30"}),
        "empty": await post(harness, owner, "/13f/information-table", json={"holdings": []}),
    }  # fmt: skip

    # Assert
    def field(name: str, code: str) -> str:
        return str(assert_problem(answers[name], 422, code)["errors"][0]["field"])

    assert field("cusip", "INVALID_CUSIP") == "holdings[0].cusip"
    assert field("type", "INVALID_FILING_INPUT") == "holdings[0].amount_type"
    assert field("negative", "INVALID_FILING_INPUT") == "holdings[1].market_value"
    assert field("period", "INVALID_FILING_INPUT") == "period_end"
    assert field("empty", "INVALID_FILING_INPUT") == "holdings"


async def test_a_document_is_validated_and_a_broken_one_refused(
    harness: Harness, owner: User
) -> None:
    # Arrange
    made = await post(harness, owner, "/13f/information-table", json={"holdings": [APPLE]})
    good = made.json()["document"]
    xml = {"content-type": "application/xml"}

    # Act
    valid = await post(harness, owner, "/13f/validate", content=good, headers=xml)
    broken = await post(
        harness, owner, "/13f/validate", content=good.replace(">SOLE<", ">ALONE<"), headers=xml
    )
    entity = await post(
        harness, owner, "/13f/validate", headers=xml,
        content=f'<!DOCTYPE x [<!ENTITY a "b">]><informationTable xmlns="{NS}"/>',
    )  # fmt: skip

    json_body = await post(harness, owner, "/13f/validate", json={"document": good})

    # Assert
    assert valid.status_code == 200 and valid.json()["valid"] is True, valid.text
    assert_problem(json_body, 415, "UNSUPPORTED_MEDIA_TYPE")
    out = broken.json()
    assert out["valid"] is False
    assert out["violations"][0]["path"] == "/informationTable/infoTable[1]/investmentDiscretion"
    assert assert_problem(entity, 422, "XML_MALFORMED")["errors"][0]["field"] == "document"


async def test_your_portfolio_s_table_excludes_what_13f_does_not_report(
    harness: Harness, owner: User
) -> None:
    # Arrange: AAPL (a 13(f) security), FLUX (in the master, not on the list), ZZZZ (unknown)
    for symbol, price in (("AAPL", "190"), ("FLUX", "20"), ("ZZZZ", "5")):
        await harness.instrument(symbol, price)
    pid, account_id = await harness.manual_portfolio(owner)
    txs = [{"kind": "deposit", "trade_date": "2025-12-01", "amount": "100000"}] + [
        {"kind": "buy", "trade_date": "2025-12-02", "symbol": s, "quantity": "10", "price": "1"}
        for s in ("AAPL", "FLUX", "ZZZZ")
    ]
    await harness.book(owner, pid, *({"account_id": account_id, **tx} for tx in txs))
    stranger = await harness.user()

    # Act: AAPL valued at the quarter end's close given in prices
    mine = await post(harness, owner, "/13f/information-table",
                      json={"portfolio_id": pid, "prices": {"AAPL": "250.10"}})  # fmt: skip
    theirs = await post(harness, stranger, "/13f/information-table", json={"portfolio_id": pid})

    # Assert: 10 x 250.10 = 2,501 dollars; period 2025 Q4 by default
    assert mine.status_code == 200, mine.text
    out = mine.json()
    assert out["period_end"] == "2025-12-31" and out["official_list_period"] == "2024 Q4"
    (entry,) = out["entries"]
    assert (entry["cusip"], entry["value"], entry["shares_or_principal"]) == ("037833100", 2501, 10)
    assert {e["symbol"]: e["reason"] for e in out["excluded"]} == {
        "FLUX": "not on the Official List of Section 13(f) Securities",
        "ZZZZ": "not in the security master (no CUSIP)",
    }
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_the_threshold_names_the_quarters_to_file(harness: Harness, owner: User) -> None:
    # Act
    met = await post(harness, owner, "/13f/threshold", json={"month_end_values": [
        {"date": "2024-05-31", "value_usd": "95000000"},
        {"date": "2024-06-28", "value_usd": "101000000"}]})  # fmt: skip
    mid_month = await post(
        harness,
        owner,
        "/13f/threshold",
        json={"month_end_values": [{"date": "2024-06-15", "value_usd": "1"}]},
    )

    # Assert
    assert met.status_code == 200, met.text
    out = met.json()
    assert out["met"] and out["first_month_end"] == "2024-06-28"
    assert [(f["period"], f["due"]) for f in out["required_filings"]] == [
        ("2024-Q4", "2025-02-14"), ("2025-Q1", "2025-05-15"), ("2025-Q2", "2025-08-14"),
        ("2025-Q3", "2025-11-14"),
    ]  # fmt: skip
    assert_problem(mid_month, 422, "INVALID_FILING_INPUT")


async def test_the_calendar_and_an_event_deadline(harness: Harness, owner: User) -> None:
    # Act
    calendar = await harness.client.get(
        f"{ROOT}/filing-calendar", params={"start": "2026-01-01", "end": "2026-04-30"},
        headers=owner.headers,
    )  # fmt: skip
    event = await post(
        harness,
        owner,
        "/filing-calendar/deadline",
        json={"filing": "SC 13D", "trigger": "crossed_5_percent", "event_date": "2025-12-22"},
    )
    wrong = await post(harness, owner, "/filing-calendar/deadline", json={
        "filing": "SC 13G", "trigger": "crossed_5_percent", "event_date": "2025-12-22",
        "filer_type": "bank"})  # fmt: skip
    bad = await harness.client.get(
        f"{ROOT}/filing-calendar", params={"filings": "10-K"}, headers=owner.headers
    )

    # Assert: Jan 15 2026 estimated tax; the 13F and the 13G/A of 2025 Q4 on Feb 17; Apr 15.
    # 13D: Dec 23, 24, 26 (Christmas skipped), 29, 30 -> Dec 30
    assert calendar.status_code == 200, calendar.text
    items = [(i["filing"], i["period"], i["due"]) for i in calendar.json()["items"]]
    assert items == [
        ("1040-ES", "2025 payment 4", "2026-01-15"),
        ("13F-HR", "2025-Q4", "2026-02-17"),
        ("SC 13G/A", "2025-Q4", "2026-02-17"),
        ("1040-ES", "2026 payment 1", "2026-04-15"),
    ]
    assert event.status_code == 200 and event.json()["due"] == "2025-12-30", event.text
    assert assert_problem(wrong, 422, "INVALID_FILING_INPUT")["errors"][0]["field"] == "filer_type"
    assert assert_problem(bad, 422, "INVALID_FILING_INPUT")["errors"][0]["field"] == "filings"


async def test_reminders_are_yours_and_a_viewer_cannot_set_them(
    harness: Harness, owner: User
) -> None:
    # Arrange
    from domain.principals import Role

    viewer = await harness.user(Role.VIEWER)
    path = f"{ROOT}/filing-calendar/reminders"

    # Act
    before = await harness.client.get(path, headers=owner.headers)
    chosen = await harness.client.put(
        path, json={"filings": ["13F-HR", "1040-ES"], "lead_days": [7, 1]}, headers=owner.headers
    )
    after = await harness.client.get(path, headers=owner.headers)
    bad = await harness.client.put(
        path, json={"filings": ["13F-HR"], "lead_days": [90]}, headers=owner.headers
    )
    refused = await harness.client.put(path, json={"filings": ["13F-HR"]}, headers=viewer.headers)

    # Assert
    assert before.json()["filings"] == [] and before.json()["lead_days"] == [14, 3, 1]
    assert chosen.status_code == 200, chosen.text
    assert after.json()["filings"] == ["13F-HR", "1040-ES"] and after.json()["lead_days"] == [7, 1]
    assert assert_problem(bad, 422, "INVALID_FILING_INPUT")["errors"][0]["field"] == "lead_days"
    assert_problem(refused, 403, "FORBIDDEN")
