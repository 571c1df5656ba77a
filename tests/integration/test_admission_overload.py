"""Overload: wrk's 1,000 connections sending orders back to back (never waiting what a 503
says) to one `bulwark serve` worker on SQLite, whose capacity is a few hundred orders a second.

The worker sheds what it cannot take in time (503 OVERLOADED), loses no order it
acknowledged, stores none it refused, doubles none, places each refused order sent again with
its Idempotency-Key once, and the kill switch, pulled on its own port every second meanwhile,
answers every time. The figures (the decided orders' p99, the refusals', the kill switch's
round trips) are printed, never asserted: this machine's cores are shared.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from benchmarks import overload_wrk
from benchmarks.bench_overload import HEADER, Outcome, row
from benchmarks.bench_store import provisioned
from benchmarks.overload_world import (
    ACKNOWLEDGED,
    Probe,
    World,
    audit,
    send_again,
    served,
    stored_keys,
)

CONNECTIONS = 1000
SECONDS = 4
# Lower than the default (500 ms), so 1,000 connections are an overload whatever the machine.
MAX_WAIT_MS = 250


@pytest.fixture
def world() -> Iterator[World]:
    if shutil.which("wrk") is None:  # `make test` installs it (scripts/ensure-loadgen.sh)
        pytest.skip("wrk is not installed (scripts/ensure-loadgen.sh installs it)")
    with provisioned("sqlite") as store, served(store.url, MAX_WAIT_MS) as world:
        yield world


def test_a_worker_under_1000_connections_sheds_load_loses_no_order_and_keeps_the_kill_switch(
    world: World,
) -> None:
    # Act
    with Probe(world, every=1.0) as probe:
        answers = overload_wrk.run(
            world.port,
            world.accounts,
            world.token,
            connections=CONNECTIONS,
            seconds=SECONDS,
            polite=False,
        )
    found = audit(world, answers)
    again = send_again(world, answers, sample=20)
    stored = stored_keys(world)

    # The figures, for the reader of the test's output (bench_overload's row)
    outcome = Outcome(
        f"bound {MAX_WAIT_MS} ms",
        "hammer",
        SECONDS,
        answers,
        probe.trips_ms,
        probe.confirmed,
        probe.failures,
        found,
        again,
    )
    print(f"\n{HEADER}\n{row(outcome)}")

    # Assert: load was shed, and every order is accounted for
    assert found.acknowledged > 0 and found.refused > 0, found
    assert found.other == 0, sorted({a.status for a in answers})
    assert found.lost == []
    assert found.refused_but_stored == []
    assert found.doubled == []
    # A refused order sent again with its key is decided (placed, or denied and recorded) once
    assert again and set(again.values()) <= ACKNOWLEDGED, again
    assert all(stored[key] == 1 for key in again)
    # The kill switch answered every pull, on its own port, throughout
    assert probe.trips_ms and probe.failures == []
