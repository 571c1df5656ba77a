"""`bulwark drill kill-switch`: the timeline, the verdict and the exit code."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from bootstrap.cli import main
from bootstrap.cli_drill import (
    DRILL_ACCOUNT,
    EXIT_FAIL,
    EXIT_PASS,
    drill_world,
    exit_code,
    prepare,
    print_report,
)
from domain.killswitch.drill import BrokerFaults
from domain.killswitch.state import Scope


def test_the_baseline_prints_a_confirmed_timeline_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code = main(["--env-file", "", "drill", "kill-switch", "--fault", "none", "--orders", "2"])

    # Assert
    out = capsys.readouterr().out
    assert code == EXIT_PASS
    assert "scope account:drill-account, fault none" in out
    for step in ("command sent", "halted", "cancels sent (2 requested, 2 acknowledged)"):
        assert step in out
    assert "broker-confirmed: no order left open" in out
    assert "broker truth: 0 of 2 drill orders still open" in out
    assert out.rstrip().splitlines()[-1].startswith("verdict: PASS")


def test_a_lying_broker_is_reported_unconfirmed_and_the_drill_passes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code = main(
        ["--env-file", "", "drill", "kill-switch", "--scope", "global", "--fault", "keep_on_cancel"]
    )

    # Assert
    out = capsys.readouterr().out
    assert code == EXIT_PASS
    assert "UNCONFIRMED after" in out
    assert "broker truth: 3 of 3 drill orders still open" in out
    assert "verdict: PASS: the kill switch reported UNCONFIRMED" in out


@pytest.mark.parametrize(
    "args",
    [
        ["--fault", "lie"],
        ["--fault", "none,disconnect"],
        ["--scope", "planet:earth"],
        ["--scope", "account:"],
        ["--orders", "0"],
    ],
)
def test_a_usage_error_exits_2_and_runs_nothing(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    with pytest.raises(SystemExit) as raised:
        main(["--env-file", "", "drill", "kill-switch", *args])

    # Assert
    assert raised.value.code == 2
    assert "verdict" not in capsys.readouterr().out


async def test_a_failed_drill_prints_fail_and_why_and_exits_1() -> None:
    # Arrange: the orders rest on the drill account; the switch is pulled on another account
    world = drill_world(fake_clock=True)
    cmd = await prepare(world, Scope.account(DRILL_ACCOUNT), BrokerFaults(), 3)
    report = await world.drill.run(replace(cmd, scope=Scope.account("elsewhere")))
    out = io.StringIO()

    # Act
    print_report(report, out)

    # Assert
    assert exit_code(report) == EXIT_FAIL == 1
    assert out.getvalue().rstrip().splitlines()[-1] == (
        "verdict: FAIL: the kill switch reported CONFIRMED but the broker still holds 3 orders"
    )
