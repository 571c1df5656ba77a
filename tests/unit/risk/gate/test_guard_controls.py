"""Guard controls: restricted symbols, trading hours, self-match, maximum open orders."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    decide,
    order,
    policy,
    resting,
    rule,
    verdict,
    view,
)

RESTRICTED = RuleType.RESTRICTED_SYMBOLS
HOURS = RuleType.TRADING_HOURS
SELF_MATCH = RuleType.SELF_MATCH
OPEN_ORDERS = RuleType.MAX_OPEN_ORDERS


def utc(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, second, tzinfo=UTC)


# -- RestrictedSymbols --------------------------------------------------------------


def test_restricted_symbol_is_blocked_and_the_list_is_case_insensitive() -> None:
    # Arrange
    restricted = rule(RESTRICTED, {"symbols": ["gme", " XOM "]})

    # Act
    decision = decide(order("GME", BUY, 1), view(account()), restricted)

    # Assert
    assert decision.reasons == (ReasonCode.RESTRICTED_SYMBOL,)


def test_unrestricted_symbol_passes() -> None:
    # Arrange
    restricted = rule(RESTRICTED, {"symbols": ["GME"]})

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account()), restricted)

    # Assert
    assert decision.approved is True


@pytest.mark.parametrize(
    ("allow_reducing", "approved"),
    [pytest.param(True, True, id="allowed"), pytest.param(False, False, id="not-allowed")],
)
def test_restricted_symbol_reduction_follows_allow_reducing(
    allow_reducing: bool, approved: bool
) -> None:
    # Arrange: long 100 GME, sell 50.
    restricted = rule(RESTRICTED, {"symbols": ["GME"], "allow_reducing": allow_reducing})

    # Act
    decision = decide(order("GME", SELL, 50), view(account(100_000, ("GME", 100))), restricted)

    # Assert
    assert decision.approved is approved


def test_restricted_symbol_allow_reducing_still_blocks_adding() -> None:
    # Arrange
    restricted = rule(RESTRICTED, {"symbols": ["GME"], "allow_reducing": True})

    # Act
    decision = decide(order("GME", BUY, 50), view(account(100_000, ("GME", 100))), restricted)

    # Assert
    assert decision.reasons == (ReasonCode.RESTRICTED_SYMBOL,)


def test_restricted_symbol_warn_approves_with_the_warning() -> None:
    # Arrange
    restricted = rule(RESTRICTED, {"symbols": ["GME"]}, action=Action.WARN)

    # Act
    decision = decide(order("GME", BUY, 1), view(account()), restricted)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.RESTRICTED_SYMBOL,)


# -- TradingHours (default 09:30–16:00 America/New_York, Monday–Friday) ----------------


@pytest.mark.parametrize(
    ("now", "approved"),
    [
        pytest.param(utc(7, 10, 14), True, id="wed-10:00-EDT"),
        pytest.param(utc(7, 10, 13, 29, 59), False, id="before-open-09:29:59-EDT"),
        pytest.param(utc(7, 10, 13, 30), True, id="at-open-09:30-EDT"),
        pytest.param(utc(7, 10, 19, 59, 59), True, id="last-second-15:59:59-EDT"),
        pytest.param(utc(7, 10, 20), False, id="at-close-16:00-EDT-is-outside"),
        pytest.param(utc(7, 13, 14), False, id="saturday-10:00-EDT"),
        pytest.param(utc(7, 14, 14), False, id="sunday-10:00-EDT"),
    ],
)
def test_trading_hours_default_session(now: datetime, approved: bool) -> None:
    # Arrange
    hours = rule(HOURS, {})

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), now=now), hours)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.OUTSIDE_TRADING_HOURS,))


def test_trading_hours_follow_daylight_saving_time_with_one_policy() -> None:
    # Arrange: one compiled policy (its session cache) used across dates.
    gate = policy(rule(HOURS, {}))
    buy = order("AAPL", BUY, 1)

    # Act
    summer = gate.evaluate(buy, view(account(), now=utc(7, 10, 13, 30)))  # 09:30 EDT (UTC−4)
    winter_early = gate.evaluate(buy, view(account(), now=utc(1, 10, 13, 30)))  # 08:30 EST
    winter_open = gate.evaluate(buy, view(account(), now=utc(1, 10, 14, 30)))  # 09:30 EST
    winter_late = gate.evaluate(buy, view(account(), now=utc(1, 10, 20, 30)))  # 15:30 EST
    summer_late = gate.evaluate(buy, view(account(), now=utc(7, 10, 20, 30)))  # 16:30 EDT

    # Assert
    assert [d.approved for d in (summer, winter_early, winter_open, winter_late, summer_late)] == [
        True,
        False,
        True,
        True,
        False,
    ]


def test_trading_hours_on_the_day_clocks_spring_forward() -> None:
    # Arrange: Monday 2024-03-11 is the first EDT weekday; 13:30 UTC = 09:30 EDT.
    gate = policy(rule(HOURS, {}))

    # Act
    friday_before = gate.evaluate(order("AAPL", BUY, 1), view(account(), now=utc(3, 8, 13, 30)))
    monday_after = gate.evaluate(order("AAPL", BUY, 1), view(account(), now=utc(3, 11, 13, 30)))

    # Assert: Friday 13:30 UTC was 08:30 EST (closed); Monday 13:30 UTC is 09:30 EDT (open).
    assert (friday_before.approved, monday_after.approved) == (False, True)


def test_trading_hours_custom_zone_window_and_days() -> None:
    # Arrange: London 08:00–16:30, Saturdays only. 2024-07-13 07:30 UTC = 08:30 BST, Saturday.
    hours = rule(HOURS, {"tz": "Europe/London", "start": "08:00", "end": "16:30", "days": [5]})

    # Act
    saturday = decide(order("AAPL", BUY, 1), view(account(), now=utc(7, 13, 7, 30)), hours)
    wednesday = decide(order("AAPL", BUY, 1), view(account(), now=utc(7, 10, 7, 30)), hours)

    # Assert
    assert (saturday.approved, wednesday.approved) == (True, False)


def test_trading_hours_warn_approves_with_the_warning() -> None:
    # Arrange
    hours = rule(HOURS, {}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), now=utc(7, 13, 14)), hours)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.OUTSIDE_TRADING_HOURS,)
    assert "Sat 10:00 America/New_York" in verdict(decision, "TradingHours").message


# -- SelfMatch ----------------------------------------------------------------------


def with_book(*orders: Order) -> AccountRiskView:
    return view(account(100_000, ("AAPL", 1_000), open_orders=orders))


def own_ask() -> Order:
    return resting("AAPL", SELL, 10, limit=101)


def own_bid() -> Order:
    return resting("AAPL", BUY, 10, limit=99)


# The own order resting in the book, the candidate, whether the candidate is approved.
SELF_MATCH_CASES = {
    # own sell resting at 101
    "buy-limit-at-own-ask": (own_ask(), order("AAPL", BUY, 5, limit=101), False),
    "buy-limit-through-own-ask": (own_ask(), order("AAPL", BUY, 5, limit=102), False),
    "buy-limit-below-own-ask": (own_ask(), order("AAPL", BUY, 5, limit="100.99"), True),
    "market-buy-vs-own-ask": (own_ask(), order("AAPL", BUY, 5), False),
    "stop-buy-vs-own-ask": (own_ask(), order("AAPL", BUY, 5, stop=102), False),
    "same-side-never-matches": (own_ask(), order("AAPL", SELL, 5, limit=99), True),
    # own buy resting at 99
    "sell-limit-at-own-bid": (own_bid(), order("AAPL", SELL, 5, limit=99), False),
    "sell-limit-above-own-bid": (own_bid(), order("AAPL", SELL, 5, limit="99.01"), True),
    "market-sell-vs-own-bid": (own_bid(), order("AAPL", SELL, 5), False),
    # resting market orders match anything on the other side
    "buy-vs-own-market-sell": (resting("AAPL", SELL, 10), order("AAPL", BUY, 5, limit=50), False),
    "sell-vs-own-market-buy": (resting("AAPL", BUY, 10), order("AAPL", SELL, 5, limit=150), False),
    # an untriggered stop is not in the book
    "resting-stop-not-in-book": (resting("AAPL", SELL, 10, stop=90), order("AAPL", BUY, 5), True),
    # another symbol
    "other-symbol": (resting("MSFT", SELL, 10, limit=101), order("AAPL", BUY, 5, limit=200), True),
}


@pytest.mark.parametrize(
    ("resting_order", "candidate", "approved"), SELF_MATCH_CASES.values(), ids=SELF_MATCH_CASES
)
def test_self_match(resting_order: Order, candidate: Order, approved: bool) -> None:
    # Arrange
    self_match = rule(SELF_MATCH)

    # Act
    decision = decide(candidate, with_book(resting_order), self_match)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.SELF_MATCH,))


def test_self_match_uses_the_best_of_several_own_orders() -> None:
    # Arrange: own asks at 103 and 101 → best ask 101; a buy at 102 crosses it.
    book = with_book(
        resting("AAPL", SELL, 10, limit=103, order_id="ask-103"),
        resting("AAPL", SELL, 10, limit=101, order_id="ask-101"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 5, limit=102), book, rule(SELF_MATCH))

    # Assert
    assert decision.reasons == (ReasonCode.SELF_MATCH,)


def test_self_match_warn_approves_with_the_warning() -> None:
    # Arrange
    self_match = rule(SELF_MATCH, action=Action.WARN)
    book = with_book(resting("AAPL", SELL, 10, limit=101))

    # Act
    decision = decide(order("AAPL", BUY, 5), book, self_match)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(5))
    assert decision.warnings == (ReasonCode.SELF_MATCH,)


# -- MaxOpenOrders ------------------------------------------------------------------


def open_book(count: int) -> AccountRiskView:
    orders = [resting("MSFT", BUY, 1, limit=150, order_id=f"open-{n}") for n in range(count)]
    return view(account(open_orders=orders))


@pytest.mark.parametrize(
    ("open_count", "approved"),
    [
        pytest.param(0, True, id="none-open"),
        pytest.param(1, True, id="one-open"),  # 1 < 2
        pytest.param(2, False, id="two-open"),  # 2 ≥ 2
    ],
)
def test_max_open_orders(open_count: int, approved: bool) -> None:
    # Arrange
    limit = rule(OPEN_ORDERS, {"max_open": 2})

    # Act
    decision = decide(order("AAPL", BUY, 1), open_book(open_count), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.MAX_OPEN_ORDERS,))


def test_max_open_orders_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(OPEN_ORDERS, {"max_open": 2}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 1), open_book(2), limit)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.MAX_OPEN_ORDERS,)
    assert verdict(decision, "MaxOpenOrders").outcome is Outcome.WARN
