"""The kill switch ends what is held in its scope on SQLite and PostgreSQL: over REST, an
account's order held for approval is rejected TRADING_HALTED by the halt, counted in the
verdict the store keeps, and cannot be approved after the resume."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.http import harness as h_
from tests.http.harness import Harness, open_harness
from tests.http.test_killswitch import held_order_ended_by_the_halt

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgres"])
async def sql_app(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Harness]:
    """The app on a migrated SQL store of each kind, AAPL at 190."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    else:
        url = str(request.getfixturevalue("postgres_url"))
    harness, client = await open_harness(h_.test_settings(database_url=url))
    async with client:
        await harness.instrument("AAPL", "190")
        yield harness


async def test_a_halt_rejects_the_held_order_for_good_on_a_sql_store(sql_app: Harness) -> None:
    await held_order_ended_by_the_halt(sql_app)
