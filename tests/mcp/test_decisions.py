"""The sentences a model reads about the gate's decision (adapters/mcp/decisions.py)."""

from __future__ import annotations

from decimal import Decimal

from adapters.mcp.decisions import (
    approval_sentence,
    denial_sentence,
    most_that_fits,
    plain,
    reasons_of,
)

NOTIONAL = {
    "code": "MAX_ORDER_NOTIONAL",
    "outcome": "deny",
    "control": "MaxOrderNotional",
    "message": "order notional 120000.00 exceeds the maximum of 100000",
    "rule_id": "rule-1",
    "allowed_quantity": None,
}


def test_a_wire_figure_reads_as_a_person_writes_it() -> None:
    assert [plain("52.00000000"), plain("0.50000000"), plain("1E+2"), plain("abc")] == [
        "52",
        "0.5",
        "100",
        "abc",
    ]


def test_only_the_verdicts_that_acted_are_reasons() -> None:
    # Arrange
    passed = {**NOTIONAL, "code": "OK", "outcome": "pass", "message": ""}

    # Act
    reasons = reasons_of([passed, NOTIONAL])

    # Assert
    assert [r["code"] for r in reasons] == ["MAX_ORDER_NOTIONAL"]


def test_the_quantity_that_fits_is_the_tightest_denying_limit() -> None:
    # Arrange
    headroom = [
        {"code": "MAX_ORDER_NOTIONAL", "capacity": "526.31578947"},
        {"code": "SECTOR_CONCENTRATION", "capacity": "100.00000000"},  # did not deny it
        {"code": "MAX_ORDER_NOTIONAL", "capacity": "600.00000000"},
    ]

    # Act
    fits = most_that_fits(["MAX_ORDER_NOTIONAL"], headroom, "631.57894737")

    # Assert
    assert fits == Decimal("526.31578947")


def test_no_quantity_fits_when_no_size_limit_denied_it() -> None:
    assert (
        most_that_fits(["TRADING_HALTED"], [{"code": "MAX_POSITION", "capacity": "5"}], "9") is None
    )


def test_a_denial_says_what_the_control_said_and_what_to_change() -> None:
    # Act
    sentence = denial_sentence([NOTIONAL], ["MAX_ORDER_NOTIONAL"], Decimal("526.31578947"))

    # Assert
    assert sentence == (
        "Denied: order notional 120000.00 exceeds the maximum of 100000; "
        "reduce the quantity to at most 526.31578947."
    )


def test_a_halt_tells_the_model_to_wait_for_the_kill_switch() -> None:
    # Act
    sentence = denial_sentence([], ["TRADING_HALTED"], None)

    # Assert
    assert sentence.startswith("Denied: reasons TRADING_HALTED; trading is halted")


def test_an_approval_names_a_reduction_and_a_replay() -> None:
    # Arrange
    order = {
        "side": "buy",
        "symbol": "AAPL",
        "quantity": "50.00000000",
        "account_id": "acct-1",
        "id": "ord-1",
        "status": "filled",
    }
    decision = {
        "requested_quantity": "80.00000000",
        "verdicts": [{**NOTIONAL, "outcome": "reduce", "control": "MaxPosition"}],
    }

    # Act
    sentence = approval_sentence(order, decision, True, "k-1")

    # Assert
    assert sentence == (
        "Approved: buy 50 AAPL on acct-1 (order ord-1, filled). Reduced from 80 to 50 by "
        "MaxPosition. A replay of idempotency key k-1: the same order, not a new one."
    )
