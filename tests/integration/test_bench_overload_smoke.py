"""bench_overload: the answers wrk's script writes read back, the script's keys and its polite
waits, and each figure of a row beside its target. (The served run itself is
tests/integration/test_admission_overload.py, through the same modules.)"""

from __future__ import annotations

from pathlib import Path

from benchmarks import overload_wrk
from benchmarks.bench_overload import Outcome, row
from benchmarks.overload_world import Audit, percentile
from benchmarks.overload_wrk import Answer


def test_the_answers_the_script_writes_are_read_in_ms(tmp_path: Path) -> None:
    # Arrange: status, key, microseconds, when (a line cut short by the run's end at the last)
    written = tmp_path / "answers-t"
    written.write_text("201 kt-1 12500 1000000\n503 kt-2 900 1500000\n201 kt-")

    # Act
    answers = overload_wrk.parse(written)

    # Assert
    assert answers == [Answer(201, "kt-1", 12.5, 1.0), Answer(503, "kt-2", 0.9, 1.5)]


def test_each_order_names_its_key_and_a_polite_client_waits_what_it_is_told(
    tmp_path: Path,
) -> None:
    # Act
    polite = overload_wrk.script(["a", "b"], "tok", tmp_path / "out", polite=True, prefix="p")
    hammer = overload_wrk.script(["a"], "tok", tmp_path / "out", polite=False)

    # Assert
    assert 'headers["Idempotency-Key"] = key' in polite
    assert 'headers["X-Request-ID"] = key' in polite
    assert '"client_order_id": "%s"' in polite and '"account_id": "b"' in polite
    assert 'local key = "p" .. tag' in polite
    assert "local polite = true" in polite and "function delay()" in polite
    assert "local polite = false" in hammer


def outcome(decided_ms: list[float], refused_ms: list[float], trips: list[float]) -> Outcome:
    """A run whose answers were sent 1.5 s in, after one sent at its start (5 s late)."""
    answers = [Answer(201, "opening", 5000.0, at=5.0)]
    answers += [Answer(201, f"k-{n}", v, 1.5 + v / 1000) for n, v in enumerate(decided_ms)]
    answers += [Answer(503, f"r-{n}", v, 1.5 + v / 1000) for n, v in enumerate(refused_ms)]
    found = Audit(len(decided_ms) + 1, len(refused_ms), 0, [], [], [])
    return Outcome("bound 500 ms", "polite", 2.0, answers, trips, len(trips), [], found, {})


def test_a_row_puts_each_figure_beside_its_target() -> None:
    # Arrange: decided within a second, refusals fast, the kill switch slower than its target
    row_of = outcome([100.0] * 99 + [900.0], [10.0] * 49, [150.0, 250.0])

    # Act
    printed = row(row_of)

    # Assert: the opening second's answer counted, but not among the latencies
    assert "| bound 500 ms | polite | 75 | 50 |" in printed  # 150 answers, 101 decided in 2 s
    assert "100 / 108 (ok <= 1000)" in printed
    assert "| 33% | 10.0 (ok < 50) |" in printed
    assert "(MISSED <= 200)" in printed and "2 of 2 confirmed" in printed
    assert "| 0 / 0 / 0 |" in printed


def test_percentiles_of_none_or_one_figure() -> None:
    # Act / Assert
    assert percentile([], 0.99) is None
    assert percentile([7.0], 0.99) == 7.0
