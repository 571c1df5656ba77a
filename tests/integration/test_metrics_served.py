"""/metrics of a served app (uvicorn, SQLite store, the kill-switch lane on its own thread):
the lane's requests and runs are counted in the API's figures, and the outbox backlog is read
from the SQL store at scrape time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.kit.schema import migrated
from tests.kit.served import Served, served_settings, serving

ACTIVATE = "/api/v1/kill-switch/activate"
HALT_ACCOUNT = {"passcode": DEMO_OWNER.passcode, "scope": {"kind": "account", "id": DEMO_ACCOUNT}}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    asyncio.run(migrated(url))
    with serving(served_settings(url)) as app:
        yield app


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_the_lanes_kill_switch_and_the_sql_outbox_show_in_the_apis_metrics(
    served: Served,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        # Arrange
        login = await client.post(
            f"{served.api}/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"

        # Act
        pulled = await client.post(f"{served.lane}{ACTIVATE}", json=HALT_ACCOUNT)
        scraped = await client.get(f"{served.api}/metrics")

    # Assert
    assert pulled.status_code == 201, pulled.text
    assert scraped.status_code == 200
    figures = samples(scraped.text)
    activate = frozenset(
        {("method", "POST"), ("route", "/api/v1/kill-switch/activate"), ("status", "201")}
    )
    assert figures[("bulwark_http_requests_total", activate)] == 1
    confirmed = frozenset({("trigger", "manual"), ("confirmed", "true")})
    assert figures[("bulwark_kill_switch_activations_total", confirmed)] == 1
    assert figures[("bulwark_outbox_backlog", frozenset())] >= 0
    assert figures[("bulwark_outbox_backlog_refresh_failures", frozenset())] == 0
