"""Spoofing and layering on hand-built flows: what alerts, what does not, and the evidence."""

from __future__ import annotations

from domain.surveillance.detections import AbusePattern, AlertSeverity
from tests.unit.surveillance.flows import BUY, SELL, Flow


def spoof(
    flow: Flow, *, cancel_after: float = 1.0, opposite: bool = True, size: float = 2000
) -> None:
    """After history: a large bid at the touch, a sell filled 0.5 s later, the bid cancelled."""
    flow.history()
    big = flow.order(10.0, BUY, size, 99.99)
    if opposite:
        flow.trade(10.5, SELL, 100)
    flow.cancel(10.5 + cancel_after, big)


def test_a_large_bid_cancelled_after_the_owner_sold_is_spoofing_with_its_evidence() -> None:
    # Arrange
    flow = Flow()

    # Act
    spoof(flow)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.SPOOFING]
    alert = found[0]
    assert (alert.owner_id, alert.symbol, alert.accounts, alert.agents) == (
        "u1", "AAA", ("a1",), ("bot1",)
    )  # fmt: skip
    assert [o["side"] for o in alert.orders] == ["buy"]
    assert alert.orders[0]["quantity"] == "2000" and alert.orders[0]["lifetime_ms"] == 1500.0
    assert [(f["side"], f["quantity"], f["price"]) for f in alert.fills] == [
        ("sell", "100", "99.99")
    ]
    assert alert.observed["size_ratio"] == 20.0 and alert.observed["opposite_fills"] == 1
    assert alert.thresholds["size_ratio"] == 4.0
    assert alert.severity is AlertSeverity.HIGH
    assert 0 < alert.score <= 1


def test_no_spoofing_without_an_opposite_trade_or_when_cancelled_late() -> None:
    # Arrange
    alone, late, small = Flow(), Flow(), Flow()

    # Act
    spoof(alone, opposite=False)
    spoof(late, cancel_after=20.0)
    spoof(small, size=300)

    # Assert
    assert alone.found() == late.found() == small.found() == []


def test_a_cancel_by_the_broker_or_the_kill_switch_is_not_the_owners() -> None:
    # Arrange
    flow = Flow()
    flow.history()
    big = flow.order(10.0, BUY, 2000, 99.99)
    flow.trade(10.5, SELL, 100)

    # Act
    flow.cancel(11.0, big, requested=False)

    # Assert
    assert flow.found() == []


def test_a_large_order_far_from_the_touch_is_not_a_spoof() -> None:
    # Arrange
    flow = Flow()
    flow.history()
    far = flow.order(10.0, BUY, 2000, 99.0)  # 100 bp under the bid
    flow.trade(10.5, SELL, 100)

    # Act
    flow.cancel(11.0, far)

    # Assert
    assert flow.found() == []


def test_the_opposite_trade_may_be_in_another_account_of_the_same_owner() -> None:
    # Arrange
    flow = Flow()
    flow.history()
    big = flow.order(10.0, SELL, 2000, 100.0, account="a1")
    flow.trade(10.2, BUY, 100, account="a2", agent="bot2")

    # Act
    flow.cancel(10.8, big)

    # Assert
    (alert,) = flow.found()
    assert alert.accounts == ("a1", "a2") and alert.agents == ("bot1", "bot2")


def layers(flow: Flow, *, together: bool = True, opposite: bool = True) -> list[str]:
    """Three bids a tick apart resting at once (or each replacing the last), a sell, cancels."""
    placed = []
    for level, price in enumerate((99.99, 99.98, 99.97)):
        order = flow.order(1.0 + level * 0.1, BUY, 150, price)
        if not together:
            flow.cancel(1.05 + level * 0.1, order)
        placed.append(order)
    if opposite:
        flow.trade(1.5, SELL, 100)
    if together:
        for i, order in enumerate(placed):
            flow.cancel(2.0 + i * 0.05, order)
    return placed


def test_three_bids_resting_together_cancelled_together_around_a_sell_are_layering() -> None:
    # Arrange
    flow = Flow()

    # Act
    placed = layers(flow)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.LAYERING]
    assert [o["order_id"] for o in found[0].orders] == placed
    assert found[0].observed["levels"] == 3
    assert [f["side"] for f in found[0].fills] == ["sell"]


def test_quotes_replacing_each_other_or_layers_without_a_trade_are_not_layering() -> None:
    # Arrange
    quoting, idle = Flow(), Flow()

    # Act
    layers(quoting, together=False)
    layers(idle, opposite=False)

    # Assert
    assert quoting.found() == idle.found() == []


def test_one_alert_per_pattern_owner_and_symbol_within_the_cooldown() -> None:
    # Arrange
    flow = Flow()
    spoof(flow)
    again = flow.order(30.0, BUY, 2000, 99.99)
    flow.trade(30.2, SELL, 100)

    # Act
    flow.cancel(30.5, again)

    # Assert
    assert [d.pattern for d in flow.found()] == [AbusePattern.SPOOFING]
