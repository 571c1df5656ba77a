"""Integration fixtures: real PostgreSQL, Redis and Kafka, started once per session when needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis

from tests.integration.kafka_server import resolve_kafka
from tests.integration.servers import (
    ProvisioningError,
    Server,
    create_database,
    drop_database,
    redis_db_url,
    resolve_postgres,
    resolve_redis,
)

HERE = Path(__file__).resolve().parent
_servers: dict[str, Server] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.integration)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for kind, server in _servers.items():
        terminalreporter.write_line(
            f"integration {kind}: {server.source}, ready in {server.started_in_s:.2f} s"
        )
        if server.passed_over:
            terminalreporter.write_line(f"  passed over: {'; '.join(server.passed_over)}")


def _start(kind: str, resolve: Callable[[], Server]) -> Server:
    try:
        server = resolve()
    except ProvisioningError as exc:
        failure = str(exc)
    else:
        _servers[kind] = server
        return server
    # never a skip: `make test` has to run these tests for real
    pytest.fail(f"{failure}\nSet the variable, start Docker, or install the binary.", pytrace=False)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """postgresql+asyncpg:// URL of the server's admin database (a superuser's)."""
    server = _start("PostgreSQL", resolve_postgres)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """postgresql+asyncpg:// URL of a brand-new empty database, dropped after the test."""
    url = create_database(postgres_admin_url)
    try:
        yield url
    finally:
        drop_database(postgres_admin_url, url)


@pytest.fixture(scope="session")
def redis_server_url() -> Iterator[str]:
    """redis:// URL of the session's Redis server."""
    server = _start("Redis", resolve_redis)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_url(redis_server_url: str) -> Iterator[str]:
    """redis://host:port/N of a database flushed before (and after) the test."""
    url = redis_db_url(redis_server_url)
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
        yield url
        client.flushdb()
    finally:
        client.close()


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[Server]:
    """The session's Kafka-protocol broker: its address and where it came from (e.g. Tansu)."""
    server = _start("Kafka", resolve_kafka)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker: Server) -> str:
    """host:port of the session's broker; tests use topics and group ids of their own."""
    return kafka_broker.url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """sqlite+aiosqlite:// URL of a database file in the test's own temporary folder."""
    return f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
