"""Which orders partitions a `bulwark consume` process holds, read from its log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.kafka_processes import owned_partitions
from tests.integration.kafka.processes import ConsumeProcess


def process_logging(log: Path, *entries: dict[str, Any]) -> ConsumeProcess:
    log.write_text("".join(json.dumps(e) + "\n" for e in entries))
    return ConsumeProcess(proc=None, log=log)  # type: ignore[arg-type]  # only its log is read


def test_the_strategies_group_assigned_after_the_commands_group_does_not_hide_its_partitions(
    tmp_path: Path,
) -> None:
    # Arrange: the command consumers hold orders[1] and orders[3]; then the strategies' group
    # (events) is assigned, revoked and assigned again
    commands, strategies = "commands-x", "commands-x-strategies"
    process = process_logging(
        tmp_path / "member.log",
        {"event": "partitions assigned", "group": commands,
         "partitions": ["t.orders[1]", "t.orders[3]", "t.control[1]"]},
        {"event": "consumers_started", "group": commands},
        {"event": "partitions assigned", "group": strategies, "partitions": ["t.events[0]"]},
        {"event": "partitions revoked", "group": strategies, "partitions": ["t.events[0]"]},
        {"event": "partitions assigned", "group": strategies, "partitions": ["t.events[1]"]},
    )  # fmt: skip

    # Act
    held = owned_partitions(process, "t.orders")

    # Assert
    assert held == {"t.orders[1]", "t.orders[3]"}


def test_a_revocation_of_the_commands_group_is_awaited_and_nothing_is_held_before_start(
    tmp_path: Path,
) -> None:
    # Arrange
    commands = "commands-x"
    revoking = process_logging(
        tmp_path / "revoking.log",
        {"event": "consumers_started", "group": commands},
        {"event": "partitions assigned", "group": commands, "partitions": ["t.orders[0]"]},
        {"event": "partitions revoked", "group": commands, "partitions": ["t.orders[0]"]},
    )
    starting = process_logging(
        tmp_path / "starting.log",
        {"event": "partitions assigned", "group": commands, "partitions": ["t.orders[0]"]},
    )

    # Act
    during_revocation = owned_partitions(revoking, "t.orders")
    before_start = owned_partitions(starting, "t.orders")

    # Assert
    assert during_revocation is None
    assert before_start == set()
