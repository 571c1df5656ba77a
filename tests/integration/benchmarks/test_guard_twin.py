"""The guard's twin: the record commit's tree, and the serving side of its protocol."""

from __future__ import annotations

import asyncio
import gc
import io
import subprocess
from pathlib import Path

import pytest

from benchmarks.guard import Baseline, RunResult, records_for
from benchmarks.guard_compare import Record
from benchmarks.guard_twin import GUARD_FILES, ROOT, Twin, TwinUnavailable, extract, serve


def head() -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_record_commits_tree_is_extracted_with_this_trees_guard_files_over_it(
    tmp_path: Path,
) -> None:
    tree = extract(head(), tmp_path)

    assert (tree / "domain").is_dir() and (tree / "benchmarks" / "bench_orders.py").is_file()
    for name in GUARD_FILES:
        ours = (ROOT / "benchmarks" / name).read_bytes()
        assert (tree / "benchmarks" / name).read_bytes() == ours


def test_a_commit_this_clone_lacks_is_said_in_a_line(tmp_path: Path) -> None:
    with pytest.raises(TwinUnavailable, match=r"commit 0{40} is not in this clone \("):
        extract("0" * 40, tmp_path)


def test_the_served_side_answers_each_slice_with_its_operations_and_cpu_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    async def orders() -> int:
        calls.append("orders")
        return 128

    async def gate() -> int:
        calls.append("gate")
        return 24

    monkeypatch.setattr("sys.stdin", io.StringIO("begin\nslice orders\nslice gate\nend\nfreeze\n"))
    answers = io.StringIO()

    try:
        asyncio.run(serve({"orders": orders, "gate": gate}, answers))
    finally:
        gc.unfreeze()
        gc.enable()

    lines = answers.getvalue().splitlines()
    assert lines[0] == "ready orders|gate"
    assert [line.split()[0] for line in lines[1:]] == ["128", "24"]
    assert all(float(line.split()[1]) >= 0 for line in lines[1:])
    assert calls == ["orders", "gate"]
    assert gc.isenabled()


def test_a_twin_that_stops_before_it_is_ready_is_unavailable_with_its_last_line() -> None:
    twin = Twin(head(), rounds=1)
    twin._process.stdin.close()  # type: ignore[union-attr]  # stdin closed: serve mode never answers
    twin._process.kill()
    try:
        with pytest.raises(TwinUnavailable, match=r"the guard of commit \w+ stopped"):
            twin.ready()
    finally:
        twin.close()


def test_beside_the_record_commit_each_benchmark_it_has_is_judged_against_one() -> None:
    baseline = Baseline("abc", {"gate alone": Record(5.5, "EPYC")})
    result = RunResult([], 30.0, "0123456789abcdef", frozenset({"gate alone", "orders, SQLite"}))

    records = records_for(result, baseline)

    assert set(records) == {"gate alone", "orders, SQLite"}
    assert {r.ratio for r in records.values()} == {1.0}
    assert records["gate alone"].machine.startswith("commit 01234567, run in turns with this code")


def test_beside_the_reference_the_recorded_ratios_are_the_records() -> None:
    baseline = Baseline("abc", {"gate alone": Record(5.5, "EPYC")})

    records = records_for(RunResult([], 30.0, None), baseline)

    assert records == {"gate alone": Record(5.5, "EPYC")}
