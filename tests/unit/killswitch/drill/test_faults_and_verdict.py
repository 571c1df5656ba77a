"""Drill faults as an operator spells them, and how a drill is judged."""

from __future__ import annotations

import pytest

from domain.killswitch.drill import (
    DEFAULT_DELAY_MS,
    BrokerFault,
    BrokerFaults,
    DrillVerdict,
    UnknownFault,
    judge,
)


def test_none_is_no_fault() -> None:
    # Act
    faults = BrokerFaults.parse("none")

    # Assert
    assert not faults.active
    assert faults.describe() == "none"


def test_several_faults_and_a_delay_read_back_as_written() -> None:
    # Act
    faults = BrokerFaults.parse(" delay_acks=120 , KEEP_ON_CANCEL")

    # Assert
    assert faults.faults == {BrokerFault.KEEP_ON_CANCEL, BrokerFault.DELAY_ACKS}
    assert faults.delay_ms == 120
    assert faults.describe() == "keep_on_cancel,delay_acks=120"


def test_delay_acks_without_a_delay_takes_the_default() -> None:
    # Act
    faults = BrokerFaults.of(["delay_acks"])

    # Assert
    assert faults.delay_ms == DEFAULT_DELAY_MS


@pytest.mark.parametrize(
    "text",
    ["lie", "none,disconnect", "delay_acks=soon", "drop_acks=5", "delay_acks=0", "", "a,,b"],
)
def test_what_no_drill_knows_is_refused_with_a_code(text: str) -> None:
    # Act
    with pytest.raises(UnknownFault) as raised:
        BrokerFaults.parse(text)

    # Assert
    assert raised.value.code == "UNKNOWN_FAULT"


def test_a_delay_without_delay_acks_is_refused() -> None:
    # Act / Assert
    with pytest.raises(UnknownFault):
        BrokerFaults.of(["disconnect"], 100)


@pytest.mark.parametrize(
    ("confirmed", "still_open", "verdict", "words"),
    [
        (True, 0, DrillVerdict.PASS, "confirmed"),
        (False, 3, DrillVerdict.PASS, "still holds 3 orders"),
        (True, 1, DrillVerdict.FAIL, "CONFIRMED but the broker still holds 1 order"),
        (False, 0, DrillVerdict.FAIL, "false alarm"),
    ],
)
def test_a_drill_passes_when_the_kill_switch_tells_the_brokers_truth(
    confirmed: bool, still_open: int, verdict: DrillVerdict, words: str
) -> None:
    # Act
    judgement = judge(confirmed, still_open)

    # Assert
    assert judgement.verdict is verdict
    assert judgement.passed is (verdict is DrillVerdict.PASS)
    assert words in judgement.reason
