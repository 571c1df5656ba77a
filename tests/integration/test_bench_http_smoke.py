"""bench_http: the wrk script's figures parsed, each verdict beside its target, a --quick run."""

from __future__ import annotations

import shutil

import pytest

from benchmarks import wrk
from benchmarks.bench_http import Side, main, row
from benchmarks.http_driver import Target


def run(rps: float, p50: float, p99: float, non_2xx: int = 0) -> wrk.Run:
    return wrk.Run(int(rps), 1.0, p50, p99, p99, p99, non_2xx, 0)


def side(name: str, runs: dict[str, wrk.Run]) -> Side:
    # A row reads the target's name only: no server behind it.
    target = Target(name, 0, "/", None, None)  # type: ignore[arg-type]
    return Side(target, runs={k: [v] for k, v in runs.items()})


def test_the_figures_wrk_prints_are_read_in_ms() -> None:
    # Arrange: what the script's done() writes: requests, duration us, p50/p99/p99.9/max us, ...
    out = "Running 1s test\nBENCH 2000 1000000 450 2100 4000 9000 7 1\n"

    # Act
    parsed = wrk.parse(out)

    # Assert
    assert parsed == wrk.Run(2000, 1.0, 0.45, 2.1, 4.0, 9.0, non_2xx=7, socket_errors=1)
    assert parsed.rps == 2000 and parsed.ok_per_s == 1993


def test_a_row_puts_each_figure_beside_its_target() -> None:
    # Arrange: memory at 0.6 of the bare echo with 16 accounts, 0.4 with one; p50 1.5 ms
    bare = side(
        "bare",
        {"64c x 16 accounts": run(10_000, 0.1, 1), "64c x 1 account": run(10_000, 0.1, 1)},
    )
    memory = side(
        "bulwark/memory",
        {
            "64c x 16 accounts": run(6_000, 10, 30),
            "64c x 1 account": run(4_000, 10, 30),
            "1c x 1 account": run(600, 1.5, 4.0),
            "open loop": run(3_000, 2.0, 25.0, non_2xx=136),
        },
    )

    # Act
    printed = row(memory, bare)

    # Assert
    assert "| 6,000 | 0.60 (ok >= 0.5) | 4,000 | 0.40 (MISSED >= 0.5) |" in printed
    assert "| 1.50 (MISSED <= 1) | 4.00 (ok <= 5) |" in printed
    assert "| 3,000 | 25.00 (MISSED <= 20) | 99.0% (136) |" in printed  # of 13,600 sent


def test_the_script_spreads_accounts_and_keeps_positions_small() -> None:
    # Act
    lua = wrk.script(["a", "b"], "tok", delay_ms=12.5)

    # Assert
    assert '"account_id": "b"' in lua and 'Bearer tok"' in lua
    assert "math.log(1 - math.random()) * 12.500" in lua
    assert wrk.phase(1) == wrk.PHASE_SHARES and wrk.phase(16) == 2048 // 16


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_a_quick_run_prints_the_table_beside_the_bare_echo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    main(["--quick", "--store", "memory"])

    # Assert
    printed = capsys.readouterr().out
    lines = {line.split("|")[1].strip(): line for line in printed.splitlines() if "|" in line}
    assert {"bare", "bulwark/memory"} <= set(lines)
    assert ">= 0.5)" in lines["bulwark/memory"] and "<= 1)" in lines["bulwark/memory"]
