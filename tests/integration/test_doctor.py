"""`bulwark doctor` against a real PostgreSQL, Redis and Kafka: healthy, then degraded (a
Redis that does not answer), then down (a schema never migrated); a line per component, never
a traceback."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.postgres import migrate
from bootstrap.cli import main
from bootstrap.cli_doctor import EXIT_DEGRADED, EXIT_DOWN, EXIT_HEALTHY
from tests.integration.servers import create_database, drop_database
from tests.kit.ports import free_port as closed_port
from tests.kit.schema import migrated

ROOT = Path(__file__).resolve().parents[2]
# store, connections, redis, kafka, encryption_keys, jwt_signing_key, broker, market data
COMPONENTS = 8


@pytest.fixture(scope="module")
def migrated_postgres(postgres_admin_url: str) -> Iterator[str]:
    """One database at the schema's head for the module: the doctor only reads it."""
    url = create_database(postgres_admin_url)
    try:
        asyncio.run(migrated(url))
        yield url
    finally:
        drop_database(postgres_admin_url, url)


@pytest.fixture
def doctor_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The settings every case shares; each case adds its own."""
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.setenv("BULWARK_DB_POOL_TIMEOUT_SECONDS", "2")
    return monkeypatch


def states(table: str) -> dict[str, str]:
    """{component: state} from the table (its header and summary line left out)."""
    rows = [re.split(r"\s{2,}", line) for line in table.strip().splitlines()[1:-1]]
    return {row[0]: row[1] for row in rows}


def test_a_migrated_postgres_with_redis_and_kafka_up_is_healthy(
    doctor_env: pytest.MonkeyPatch,
    migrated_postgres: str,
    redis_url: str,
    kafka_bootstrap: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    # Arrange
    doctor_env.setenv("BULWARK_DATABASE_URL", migrated_postgres)
    doctor_env.setenv("BULWARK_REDIS_URL", redis_url)
    doctor_env.setenv("BULWARK_KAFKA_BOOTSTRAP", kafka_bootstrap)

    # Act
    code = main(["--env-file", "", "doctor"])

    # Assert
    out, err = capfd.readouterr()
    assert code == EXIT_HEALTHY, out + err
    assert err == ""
    assert states(out) == {
        "store": "ok", "connections": "ok", "redis": "ok", "kafka": "ok",
        "encryption_keys": "not configured",
        "jwt_signing_key": "not configured", "broker:paper": "ok", "market_data:synthetic": "ok",
    }  # fmt: skip
    assert out.strip().splitlines()[-1] == "healthy: every configured component answers"


def test_a_redis_on_a_closed_port_is_degraded_one_line_each_and_no_traceback(
    migrated_postgres: str,
) -> None:
    # Arrange: the console as an operator runs it, in a process of its own
    redis = f"redis://:hunter2@127.0.0.1:{closed_port()}/0"
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": migrated_postgres,
        "BULWARK_REDIS_URL": redis,
    }

    # Act
    done = subprocess.run(
        [sys.executable, "-m", "bootstrap.cli", "--env-file", "", "doctor"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    # Assert
    found = states(done.stdout)
    assert done.returncode == EXIT_DEGRADED, done.stdout + done.stderr
    assert len(done.stdout.strip().splitlines()) == COMPONENTS + 2  # the header, the summary
    assert len(found) == COMPONENTS
    assert (found["store"], found["redis"]) == ("ok", "down")
    assert "redis://:***@127.0.0.1" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("degraded: redis down")
    assert done.stderr == ""
    assert "Traceback" not in done.stdout and "hunter2" not in done.stdout


def test_json_says_degraded_and_what_degrades(
    doctor_env: pytest.MonkeyPatch, migrated_postgres: str, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    doctor_env.setenv("BULWARK_DATABASE_URL", migrated_postgres)
    doctor_env.setenv("BULWARK_REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")

    # Act
    code = main(["--env-file", "", "doctor", "--json"])

    # Assert
    report = json.loads(capfd.readouterr().out)
    [redis] = [c for c in report["components"] if c["component"] == "redis"]
    assert code == EXIT_DEGRADED and report["status"] == "degraded"
    assert redis["state"] == "down" and redis["required"] is False
    assert "rate limit" in redis["degrades"]


def test_a_postgres_never_migrated_is_down_saying_to_migrate(
    doctor_env: pytest.MonkeyPatch, postgres_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    doctor_env.setenv("BULWARK_DATABASE_URL", postgres_url)

    # Act
    code = main(["--env-file", "", "doctor"])

    # Assert
    out, err = capfd.readouterr()
    assert code == EXIT_DOWN and err == ""
    assert states(out)["store"] == "down"
    assert f"this build needs {migrate.head()}: run `bulwark migrate`" in out
    assert "postgresql+asyncpg://" in out and "@" in out
