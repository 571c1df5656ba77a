"""The trading-hours control honours the venue's calendar: holidays, early closes, sessions.

An in-memory calendar (tests/kit/calendars.py): Thanksgiving week 2026 in New York.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from domain.calendars.venues import VenueMap
from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.trading.instruments import AssetClass, Instrument
from tests.kit.calendars import CountingCalendars, new_york
from tests.kit.gate import (
    ACCOUNT_ID,
    BUY,
    OWNER_ID,
    account,
    instruments,
    marks,
    order,
    rule,
    verdict,
    view,
)

HOURS = RuleType.TRADING_HOURS
UNIVERSE = instruments(
    Instrument("BTCUSD", asset_class=AssetClass.CRYPTO),
    Instrument("EURUSD", asset_class=AssetClass.FX),
)
PRICES = marks(BTCUSD=90_000, EURUSD="1.05")


def gate(
    params: dict[str, Any] | None = None,
    calendars: CountingCalendars | None = None,
    action: Action = Action.BLOCK,
) -> Policy:
    calendars = calendars or CountingCalendars()
    rules = [rule(HOURS, params or {}, action=action)]
    return compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=False, calendar=calendars)


def buy(symbol: str, at: datetime, policy: Policy, *, exact: bool = False) -> Any:
    risk_view = view(account(), PRICES, universe=UNIVERSE, now=at)
    return policy.evaluate(order(symbol, BUY, 1), risk_view, exact=exact)


@pytest.mark.parametrize(
    ("at", "reasons"),
    [
        pytest.param(new_york(25, 11), (), id="wednesday-open"),
        pytest.param(new_york(26, 11), (ReasonCode.MARKET_HOLIDAY,), id="thanksgiving"),
        pytest.param(new_york(27, 12), (), id="friday-before-the-early-close"),
        pytest.param(
            new_york(27, 13, 30), (ReasonCode.MARKET_EARLY_CLOSE,), id="after-early-close"
        ),
        pytest.param(new_york(25, 20), (ReasonCode.MARKET_CLOSED,), id="wednesday-evening"),
        pytest.param(new_york(28, 11), (ReasonCode.MARKET_CLOSED,), id="saturday"),
    ],
)
def test_an_equity_order_is_decided_by_its_venue_calendar(
    at: datetime, reasons: tuple[ReasonCode, ...]
) -> None:
    # Act
    decision = buy("AAPL", at, gate())

    # Assert
    assert decision.reasons == reasons
    assert decision.approved is (reasons == ())


def test_the_denial_names_the_venue_and_the_local_time() -> None:
    # Act
    decision = buy("AAPL", new_york(26, 11), gate())

    # Assert
    message = verdict(decision, "TradingHours").message
    assert message == "XNYS is closed for a holiday: AAPL at Thu 2026-11-26 11:00 America/New_York"


def test_crypto_trades_on_the_holiday() -> None:
    # Act
    decision = buy("BTCUSD", new_york(26, 11), gate())

    # Assert
    assert decision.approved is True


def test_a_window_in_the_rule_narrows_the_session() -> None:
    # Arrange: 10:00-15:00 New York on top of the venue's session.
    policy = gate({"start": "10:00", "end": "15:00"})

    # Act
    early_morning = buy("AAPL", new_york(25, 9, 45), policy)
    midday = buy("AAPL", new_york(25, 12), policy)
    holiday = buy("AAPL", new_york(26, 12), policy)

    # Assert
    assert early_morning.reasons == (ReasonCode.OUTSIDE_TRADING_HOURS,)
    assert midday.approved is True
    assert holiday.reasons == (ReasonCode.MARKET_HOLIDAY,)


def test_a_window_in_the_rule_still_applies_to_crypto() -> None:
    # Arrange
    policy = gate({"start": "09:30", "end": "16:00"})

    # Act
    night = buy("BTCUSD", new_york(25, 22), policy)

    # Assert
    assert night.reasons == (ReasonCode.OUTSIDE_TRADING_HOURS,)


def test_calendar_false_keeps_the_weekday_window_alone() -> None:
    # Arrange
    policy = gate({"calendar": False})

    # Act
    holiday = buy("AAPL", new_york(26, 11), policy)
    evening = buy("AAPL", new_york(25, 20), policy)

    # Assert: the old behaviour, the holiday unknown; the evening outside 09:30-16:00.
    assert holiday.approved is True
    assert evening.reasons == (ReasonCode.OUTSIDE_TRADING_HOURS,)


def test_without_a_calendar_the_rule_keeps_its_weekday_window() -> None:
    # Arrange
    policy = compile_policy(ACCOUNT_ID, OWNER_ID, [rule(HOURS, {})], with_defaults=False)

    # Act
    holiday = buy("AAPL", new_york(26, 11), policy)
    saturday = buy("AAPL", new_york(28, 11), policy)

    # Assert
    assert holiday.approved is True
    assert saturday.reasons == (ReasonCode.OUTSIDE_TRADING_HOURS,)


def test_an_instrument_without_a_venue_is_decided_by_the_window() -> None:
    # Arrange: FX left out of the venue map.
    calendars = CountingCalendars(venue_map=VenueMap(by_class={AssetClass.EQUITY: "XNYS"}))

    # Act
    unbounded = buy("EURUSD", new_york(26, 3), gate(calendars=calendars))
    windowed = buy("EURUSD", new_york(26, 3), gate({"days": [3]}, calendars=calendars))

    # Assert
    assert unbounded.approved is True
    assert windowed.reasons == (ReasonCode.OUTSIDE_TRADING_HOURS,)


def test_an_instant_the_calendar_does_not_cover_denies_fail_closed() -> None:
    # Act
    decision = buy("AAPL", new_york(2, 11, month=12), gate())

    # Assert
    assert decision.reasons == (ReasonCode.RISK_CHECK_ERROR,)
    assert "outside the XNYS calendar" in verdict(decision, "TradingHours").message


def test_warn_approves_with_the_calendar_reason() -> None:
    # Act
    decision = buy("AAPL", new_york(27, 14), gate(action=Action.WARN))

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.MARKET_EARLY_CLOSE,)
    assert verdict(decision, "TradingHours").outcome is Outcome.WARN


def test_one_policy_across_the_week_agrees_with_the_exact_path() -> None:
    # Arrange: the screen reads each symbol's cached span; the exact path refreshes it.
    screened, exact = gate(), gate()
    times = [new_york(day, hour, minute) for day in (25, 26, 27, 28, 30) for hour, minute in
             ((9, 0), (9, 30), (12, 59), (13, 0), (15, 59), (16, 0), (23, 0))]  # fmt: skip

    # Act
    pairs = [
        (buy(symbol, at, screened), buy(symbol, at, exact, exact=True))
        for at in times
        for symbol in ("AAPL", "BTCUSD", "AAPL")
    ]

    # Assert
    assert all(fast == reference for fast, reference in pairs)
    assert any(fast.approved for fast, _ in pairs) and not all(fast.approved for fast, _ in pairs)


def test_the_screen_passes_once_the_span_is_cached() -> None:
    # Arrange
    policy = gate()

    # Act: the first order takes the exact path and caches the session's span.
    cold = buy("AAPL", new_york(25, 10), policy)
    first, second = buy("AAPL", new_york(25, 11), policy), buy("AAPL", new_york(25, 12), policy)

    # Assert: the screened ones reuse the policy's pass tuple.
    assert ".get(symbol)" in policy.screen_source(order("AAPL", BUY, 1).origin)
    assert cold.approved and first.approved
    assert cold.verdicts is not first.verdicts
    assert first.verdicts is second.verdicts
