"""One served Bulwark per test module (memory store, demo data) for the API's clients, and the
demo owner at its REST API to arrange agents, keys, rules and another owner's order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.kit.served import Served, served_settings
from tests.mcp.desk import Desk


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    app = Served(
        served_settings(
            "memory://",
            {
                "BULWARK_KILL_SWITCH_LANE": "false",
                "BULWARK_SURVEILLANCE": "off",
                "BULWARK_LOOP_WATCHDOG_MS": "0",
                "BULWARK_GC_FREEZE": "false",
                "BULWARK_COMPUTE_WARMUP": "false",
                "BULWARK_INFERENCE_WARMUP": "false",
            },
        )
    )
    app.start()
    try:
        yield app
    finally:
        app.stop()


@pytest.fixture(scope="module")
def desk(served: Served) -> Iterator[Desk]:
    people = Desk(served.api)
    try:
        yield people
    finally:
        people.close()
