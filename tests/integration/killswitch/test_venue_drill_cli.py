"""`bulwark drill venues`: each venue's steps and outcome, the verdict, the exit codes and
the one-line usage errors."""

from __future__ import annotations

import pytest

from bootstrap.cli import main
from bootstrap.cli_drill import EXIT_FAIL, EXIT_PASS

DRILL = ["--env-file", "", "drill", "venues"]


def test_every_family_by_default_each_confirmed_and_exit_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code = main([*DRILL, "--orders", "1"])

    # Assert
    out = capsys.readouterr().out
    assert code == EXIT_PASS
    assert out.splitlines()[0] == (
        "kill-switch drill over 6 venues, one global halt (nothing outside the process)"
    )
    assert (
        "  kill-switch deadline 6 s (ibkr: IBKR lists the live orders once per 5 s; "
        "the default is 1.5 s)\n"
    ) in out
    for venue in ("paper", "alpaca", "ccxt:binance", "ccxt:kraken", "ibkr", "tradier"):
        assert f"  {venue} (fault none): confirmed" in out
    assert out.count("venue truth: 0 of 1 drill orders open") == 6
    assert out.rstrip().splitlines()[-1] == (
        "verdict: PASS: every venue confirmed and holds no drill order "
        "(paper, alpaca, ccxt:binance, ccxt:kraken, ibkr, tradier)"
    )


def test_a_lying_venue_is_named_with_its_orders_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    code = main([*DRILL, "--venue", "alpaca", "--venue", "paper=keep_on_cancel", "--orders", "2"])

    # Assert
    out = capsys.readouterr().out
    assert code == EXIT_FAIL
    assert "  kill-switch deadline 1.5 s (the default)\n" in out
    assert "  alpaca (fault none): confirmed" in out
    assert "  paper (fault keep_on_cancel): UNCONFIRMED" in out
    assert "never  none open" in out
    assert "UNCONFIRMED after " in out and out.count(" ms: paper\n") == 1
    kept = [line.split()[2] for line in out.splitlines() if "still open: " in line]
    assert len(kept) == 2
    assert out.rstrip().splitlines()[-1] == (
        f"verdict: FAIL: the halt did not hold at paper: 2 orders still open "
        f"({', '.join(sorted(kept))}), reported UNCONFIRMED"
    )


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["--venue", "nyse"],
            "unknown venue 'nyse'; known: paper, alpaca, ccxt:binance, ccxt:kraken, ibkr, tradier",
        ),
        (["--venue", "paper", "--venue", "paper=drop_acks"], "venue paper is named twice"),
        (["--venue", "alpaca=lie"], "unknown fault 'lie'; known: none, keep_on_cancel,"),
        (["--venue", "paper=delay_acks=soon"], "expected delay_acks=MS, got 'delay_acks=soon'"),
        (["--orders", "0"], "expected 1 to 100 orders"),
    ],
)
def test_a_usage_error_is_one_line_exits_2_and_runs_nothing(
    args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    with pytest.raises(SystemExit) as raised:
        main([*DRILL, *args])

    # Assert
    captured = capsys.readouterr()
    assert raised.value.code == 2
    assert captured.out == ""
    errors = [line for line in captured.err.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert errors[0].startswith("bulwark drill venues: error: argument ")
    assert error in errors[0]
