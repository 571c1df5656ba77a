"""The `bulwark` console in a test: a command run against a container (what it printed and its
exit code), settings on a SQLite file, and a container whose SQLite store `bulwark migrate` has
brought to head."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from dependency_injector import providers

from adapters.memory.clock import FakeClock
from adapters.security.argon2_hasher import Argon2Hasher
from bootstrap.cli import _parser, main, run_command
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.settings import Settings
from tests.kit.settings import settings_of
from tests.kit.sqlite_store import migrated_sqlite

SQLITE = "sqlite+aiosqlite:///"


@pytest.fixture
def bars_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, logging_restored: None) -> Path:
    """The bar store's folder of a `bulwark` command run by `main()` in this test (its
    environment: the test profile, no SQL store, the bars under `tmp_path`)."""
    monkeypatch.setenv("BULWARK_ENV", "test")
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")  # the bar commands need no SQL store
    monkeypatch.setenv("BULWARK_BARS_DIR", str(tmp_path / "bars"))
    return tmp_path / "bars"


def sqlite_settings(database: Path) -> Settings:
    """Test settings whose store is the SQLite file `database`."""
    return settings_of(database_url=f"{SQLITE}{database}")


async def run_cli(container: ApplicationContainer, *argv: str, stdin: str = "") -> tuple[int, str]:
    """`bulwark <argv>` against `container`, reading `stdin`: its exit code and its output."""
    out = io.StringIO()
    args = _parser().parse_args(list(argv))
    code = await run_command(args, container, stdin=io.StringIO(stdin), out=out)
    return code, out.getvalue()


@asynccontextmanager
async def cli_container(
    settings: Settings,
    *,
    from_template: bool = True,
    clock: FakeClock | None = None,
    fast_hashing: bool = False,
) -> AsyncIterator[ApplicationContainer]:
    """A container on `settings` (a SQLite store) after `bulwark migrate`, its engine disposed
    on exit. The store starts as a copy of the migrated template (tests/kit/sqlite_store.py)
    unless `from_template` is False: then the CLI migrates an empty file itself. `clock` stands
    in for the container's clock; `fast_hashing` makes password hashing cheap."""
    url = settings.store.database_url
    if not url.startswith(SQLITE):
        raise ValueError(f"not a SQLite store: {url}")
    container = build_container(settings)
    if clock is not None:
        container.core.clock.override(providers.Object(clock))
    if fast_hashing:
        container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    if from_template:
        await migrated_sqlite(Path(url.removeprefix(SQLITE)))
    code, output = await run_cli(container, "migrate")
    assert code == 0, output
    try:
        yield container
    finally:
        await container.core.engine().dispose()


def migrated_from_env(
    env: Mapping[str, str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The process environment set to `env`, its store migrated by `bulwark migrate` run as
    the operator would (what it printed read away), for tests of `main` itself."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["--env-file", "", "migrate"]) == 0
    capfd.readouterr()
