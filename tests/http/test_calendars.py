"""GET /api/v1/calendars/{venue}: a venue's sessions, holidays and early closes over a range."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness

pytestmark = pytest.mark.serves("calendars")

CALENDARS = "/api/v1/calendars"


async def test_thanksgiving_week_in_new_york_with_its_holiday_and_early_close(
    harness: Harness,
) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    response = await harness.client.get(
        f"{CALENDARS}/xnys?start=2026-11-23&end=2026-11-29", headers=viewer.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["venue"], body["timezone"]) == ("XNYS", "America/New_York")
    assert (body["start"], body["end"]) == ("2026-11-23", "2026-11-29")
    sessions = body["sessions"]
    assert [s["date"] for s in sessions] == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27"]
    assert sessions[-1] == {
        "date": "2026-11-27",
        "open": "2026-11-27T14:30:00Z",
        "close": "2026-11-27T18:00:00Z",
        "open_local": "2026-11-27T09:30:00-05:00",
        "close_local": "2026-11-27T13:00:00-05:00",
        "early_close": True,
    }
    assert [s["early_close"] for s in sessions[:-1]] == [False, False, False]


async def test_crypto_and_cme_answer_their_own_sessions(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)
    christmas = "start=2026-12-24&end=2026-12-28"

    # Act
    crypto = await harness.client.get(f"{CALENDARS}/CRYPTO?{christmas}", headers=viewer.headers)
    cme = await harness.client.get(f"{CALENDARS}/CMES?{christmas}", headers=viewer.headers)

    # Assert
    assert [s["date"][-2:] for s in crypto.json()["sessions"]] == ["24", "25", "26", "27", "28"]
    cme_sessions = cme.json()["sessions"]
    assert [(s["date"], s["early_close"]) for s in cme_sessions] == [
        ("2026-12-24", True),
        ("2026-12-28", False),
    ]
    assert cme_sessions[1]["open_local"] == "2026-12-27T17:00:00-06:00"


async def test_an_unknown_venue_a_bad_range_and_no_login_are_refused(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)
    headers = viewer.headers

    # Act
    unknown = await harness.client.get(
        f"{CALENDARS}/XLON?start=2026-11-23&end=2026-11-27", headers=headers
    )
    backwards = await harness.client.get(
        f"{CALENDARS}/XNYS?start=2026-11-27&end=2026-11-23", headers=headers
    )
    too_long = await harness.client.get(
        f"{CALENDARS}/XNYS?start=2026-01-01&end=2027-01-02", headers=headers
    )
    beyond = await harness.client.get(
        f"{CALENDARS}/XNYS?start=2030-01-01&end=2030-01-31", headers=headers
    )
    not_a_date = await harness.client.get(
        f"{CALENDARS}/XNYS?start=2026-13-01&end=2026-12-31", headers=headers
    )
    missing = await harness.client.get(f"{CALENDARS}/XNYS?start=2026-11-23", headers=headers)
    anonymous = await harness.client.get(f"{CALENDARS}/XNYS?start=2026-11-23&end=2026-11-27")

    # Assert
    assert "XLON" in assert_problem(unknown, 404, "UNKNOWN_VENUE")["detail"]
    for refused, field in ((backwards, "end"), (too_long, "end"), (beyond, "end")):
        body = assert_problem(refused, 400, "INVALID_DATE_RANGE")
        assert [e["field"] for e in body["errors"]] == [field]
    assert "at most 366" in too_long.json()["detail"]
    assert_problem(not_a_date, 400, "VALIDATION_ERROR")
    assert_problem(missing, 400, "VALIDATION_ERROR")
    assert_problem(anonymous, 401, "UNAUTHENTICATED")


async def test_a_year_of_sessions_is_the_longest_range(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    year = await harness.client.get(
        f"{CALENDARS}/XNYS?start=2026-01-01&end=2027-01-01", headers=viewer.headers
    )

    # Assert: 366 days, every weekday but the exchange's holidays.
    assert year.status_code == 200, year.text
    sessions = year.json()["sessions"]
    assert len(sessions) == 251
    assert {"2026-11-26", "2026-12-25", "2027-01-01"}.isdisjoint(s["date"] for s in sessions)


@pytest.mark.serves("calendars", "trading")
async def test_an_order_on_thanksgiving_is_denied_for_the_holiday_and_passes_the_next_day(
    harness: Harness,
) -> None:
    # Arrange: 11:00 New York on Thanksgiving 2026, a trading-hours rule with no window.
    harness.clock.set(datetime(2026, 11, 26, 16, 0, tzinfo=UTC))
    owner = await harness.user()
    await harness.instrument("AAPL", "190")
    await harness.account(owner, "acc-1")
    rule = {"rule_type": "TRADING_HOURS", "params": {}}
    created = await harness.client.post("/api/v1/risk-rules", json=rule, headers=owner.headers)
    order = {"account_id": "acc-1", "symbol": "AAPL", "side": "buy", "quantity": "1"}

    # Act
    holiday = await harness.client.post("/api/v1/orders", json=order, headers=owner.headers)
    harness.clock.set(datetime(2026, 11, 27, 16, 0, tzinfo=UTC))  # Friday 11:00, open
    await harness.instrument("AAPL", "190")  # a fresh quote at the new time
    token = (await harness.login(owner.username))["access_token"]  # yesterday's has expired
    headers = {"Authorization": f"Bearer {token}"}
    friday = await harness.client.post("/api/v1/orders", json=order, headers=headers)

    # Assert
    assert created.status_code == 201, created.text
    assert holiday.status_code == 422, holiday.text
    assert holiday.json()["reasons"] == ["MARKET_HOLIDAY"]
    assert holiday.json()["order"]["deny_reasons"] == ["MARKET_HOLIDAY"]
    assert friday.status_code == 201, friday.text
