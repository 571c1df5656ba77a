"""`bulwark serve` and `bulwark consume` on a store they cannot use: one line, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.postgres import migrate
from tests.kit.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


def bulwark(command: str, url: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": url,
        "BULWARK_PORT": str(free_port()),  # never bound: each case stops before serving
        "BULWARK_KAFKA_BOOTSTRAP": "127.0.0.1:1",
        "BULWARK_DB_POOL_TIMEOUT_SECONDS": "2",
        **settings,
    }
    return subprocess.run(
        [sys.executable, "-m", "bootstrap.cli", "--env-file", "", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def sqlite(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


@pytest.mark.parametrize("command", ["serve", "consume"])
@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("missing folder", "does not exist: create it, or run `bulwark migrate`"),
        ("missing file", "run `bulwark migrate` first"),
        ("never migrated", "schema is at nothing (empty database)"),
        ("unreachable postgres", "cannot reach the database at postgresql+asyncpg://bulwark:***@"),
    ],
)
def test_an_unusable_store_is_one_clear_line_and_a_failing_exit(
    tmp_path: Path, command: str, case: str, says: str
) -> None:
    # Arrange
    urls = {
        "missing folder": sqlite(tmp_path / "no" / "such" / "bulwark.db"),
        "missing file": sqlite(tmp_path / "bulwark.db"),
        "never migrated": sqlite(tmp_path / "empty.db"),
        "unreachable postgres": "postgresql+asyncpg://bulwark:hunter2@127.0.0.1:1/bulwark",
    }
    (tmp_path / "empty.db").touch()

    # Act
    done = bulwark(command, urls[case])

    # Assert
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("bulwark: ")
    assert says in lines[0]
    assert "Traceback" not in done.stderr + done.stdout
    assert "hunter2" not in done.stderr


def test_a_missing_folder_is_not_created_by_serve(tmp_path: Path) -> None:
    # Act
    bulwark("serve", sqlite(tmp_path / "nope" / "bulwark.db"))

    # Assert: serve never writes where it was not asked to migrate
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize("command", ["serve", "consume"])
def test_a_never_migrated_postgres_is_one_line_saying_to_migrate(
    postgres_url: str, command: str
) -> None:
    # Act
    done = bulwark(command, postgres_url)

    # Assert
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert lines == [
        f"bulwark: the database schema is at nothing (empty database), this build needs "
        f"{migrate.head()}: run `bulwark migrate` first"
    ]


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another process's socket listens on for the test's length."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


@pytest.mark.parametrize(
    ("setting", "lane_setting"),
    [("BULWARK_PORT", "BULWARK_KILL_SWITCH_PORT"), ("BULWARK_KILL_SWITCH_PORT", "BULWARK_PORT")],
)
def test_serve_on_a_port_in_use_is_one_line_naming_the_port_and_its_setting_at_once(
    taken_port: int, setting: str, lane_setting: str
) -> None:
    # Arrange: the other listener on a free port; a store serve could start on
    ports = {setting: str(taken_port), lane_setting: str(free_port())}
    no_kafka = {"BULWARK_KAFKA_BOOTSTRAP": ""}  # the port is the case here, not the brokers

    # Act
    started = time.monotonic()
    done = bulwark("serve", "memory://", BULWARK_HOST="127.0.0.1", **no_kafka, **ports)
    took = time.monotonic() - started

    # Assert: before the slow start-up, not a bind error after it
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0
    assert lines == [
        f"bulwark: port {taken_port} on 127.0.0.1 ({setting}) is already in use: stop what "
        f"listens there, or set {setting} to a free port"
    ]
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout == ""  # no start-up logged: refused before the container was built
    # A bound against a start-up run before the check (tens of seconds on a busy machine), not a
    # speed target: ~3 s here with a test run beside it, mostly the interpreter and imports.
    assert took < 15, took


def test_serve_migrate_brings_a_fresh_store_to_the_head_before_its_preflight(
    tmp_path: Path, taken_port: int
) -> None:
    # Arrange: a store in a folder that does not exist yet; a port another socket holds, so
    # the serve stops at its last preflight check, once the migration is done
    url = sqlite(tmp_path / "var" / "bulwark.db")
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": url,
        "BULWARK_PORT": str(taken_port),
        "BULWARK_KAFKA_BOOTSTRAP": "",
    }
    command = [sys.executable, "-m", "bootstrap.cli", "--env-file", "", "serve", "--migrate"]

    # Act
    first, second = (
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        for _ in range(2)
    )

    # Assert
    head = migrate.head()
    assert f"store sqlite+aiosqlite: schema at {head} (empty -> {head})" in first.stdout
    assert f"store sqlite+aiosqlite: schema at {head} (already current)" in second.stdout
    for done in (first, second):
        assert done.returncode != 0
        assert done.stderr.strip().splitlines()[-1].startswith(f"bulwark: port {taken_port} ")
        assert "Traceback" not in done.stderr + done.stdout
