"""How a drill over several venues is judged: per venue, and FAIL naming what survived."""

from __future__ import annotations

import pytest

from domain.killswitch.drill import (
    DrillVerdict,
    HeldOrder,
    VenueFinding,
    VenueStatus,
    judge_venues,
)

KEPT = (HeldOrder("cl-1", "v-1"), HeldOrder("cl-2", "v-2"))


@pytest.mark.parametrize(
    ("reported_confirmed", "still_open", "status"),
    [
        (True, (), VenueStatus.CONFIRMED),
        (False, KEPT, VenueStatus.UNCONFIRMED),
        (True, KEPT, VenueStatus.FALSELY_CONFIRMED),
        (False, (), VenueStatus.FALSE_ALARM),
    ],
)
def test_a_venue_s_status_is_the_kill_switch_s_word_against_what_it_holds(
    reported_confirmed: bool, still_open: tuple[HeldOrder, ...], status: VenueStatus
) -> None:
    # Act
    finding = VenueFinding("alpaca", reported_confirmed, still_open)

    # Assert
    assert finding.status is status


def test_every_venue_confirmed_and_empty_passes_naming_them() -> None:
    # Arrange
    findings = [VenueFinding("alpaca", True, ()), VenueFinding("paper", True, ())]

    # Act
    judgement = judge_venues(findings)

    # Assert
    assert judgement.verdict is DrillVerdict.PASS
    assert judgement.reason == "every venue confirmed and holds no drill order (alpaca, paper)"


@pytest.mark.parametrize(
    ("findings", "reason"),
    [
        (
            [VenueFinding("alpaca", True, ()), VenueFinding("ccxt:binance", False, KEPT)],
            "the halt did not hold at ccxt:binance: 2 orders still open (cl-1, cl-2), "
            "reported UNCONFIRMED",
        ),
        (
            [
                VenueFinding("alpaca", True, KEPT[:1]),
                VenueFinding("paper", False, ()),
                VenueFinding("ccxt:binance", True, ()),
            ],
            "the kill switch reported alpaca CONFIRMED but 1 order still open (cl-1); "
            "the kill switch reported paper UNCONFIRMED but it holds no drill order "
            "(a false alarm)",
        ),
    ],
    ids=["a venue kept its orders", "the kill switch was wrong at two venues"],
)
def test_a_drill_fails_naming_each_venue_that_did_not_halt_with_its_orders(
    findings: list[VenueFinding], reason: str
) -> None:
    # Act
    judgement = judge_venues(findings)

    # Assert
    assert judgement.verdict is DrillVerdict.FAIL
    assert judgement.reason == reason


def test_a_drill_over_no_venue_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="at least one venue"):
        judge_venues([])
