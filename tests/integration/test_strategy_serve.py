"""`bulwark serve` as a real process: the background scanner's signals reach the strategy
processor through the in-process bus, and a shadow strategy records decisions on them."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER
from tests.bulwark_process import server_environment
from tests.integration.test_server import ROOT, _bulwark, running


def test_scanned_signals_become_decisions_of_a_shadow_strategy(tmp_path: Path) -> None:
    # Arrange: a migrated SQLite store; a server scanning AAPL's 1-minute bars, keeping all
    env = {
        **server_environment(f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"),
        "BULWARK_SIGNAL_SCAN_SECONDS": "0.2",
        "BULWARK_SIGNAL_SYMBOLS": "AAPL",
        "BULWARK_SIGNAL_TIMEFRAMES": "1m",
        "BULWARK_SIGNAL_MIN_SCORE": "0",
    }
    done = subprocess.run(_bulwark("migrate"), cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with running(env) as base, httpx.Client(base_url=base, timeout=10) as client:
        login = client.post(
            "/api/v1/auth/login",
            json={"username": DEMO_OWNER.username, "password": DEMO_OWNER.password},
        )
        owner = {"Authorization": f"Bearer {login.json()['access_token']}"}
        created = client.post(
            "/api/v1/strategies",
            json={
                "name": "watch AAPL",
                "account_ids": [DEMO_ACCOUNT],
                "sources": [{"kind": "pattern", "symbols": ["AAPL"], "timeframe": "1m"}],
                "mode": "shadow",
            },
            headers=owner,
        )
        assert created.status_code == 201, created.text
        url = f"/api/v1/strategies/{created.json()['id']}/decisions"

        # Act: wait for the scanner's next signals (a 1-minute bar closes within 60 s)
        items: list[dict[str, object]] = []
        deadline = time.monotonic() + 75
        while not items and time.monotonic() < deadline:
            time.sleep(0.5)
            items = client.get(url, headers=owner).json()["items"]

    # Assert: decided on pattern signals of AAPL, recorded (shadow or skipped), nothing sent
    assert items, "no decision within 75 s"
    assert {d["signal_kind"] for d in items} == {"pattern"}
    assert {d["symbol"] for d in items} == {"AAPL"}
    assert {d["verdict"] for d in items} <= {"shadow", "skipped"}
    assert all(d["order_id"] is None for d in items)
