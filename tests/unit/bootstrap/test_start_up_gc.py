"""`bulwark serve`'s start-up: the collector's thresholds raised while it starts, given back (or
replaced by the serving ones) when it ends; and the line it logs once it listens."""

from __future__ import annotations

import argparse
import asyncio
import gc
from pathlib import Path

import pytest
import uvicorn
from structlog.testing import capture_logs

from bootstrap.cli_serve import EXIT_REFUSED, serve
from bootstrap.gc_tuning import START_UP_THRESHOLDS, during_start_up, restore_gc, tune_gc
from bootstrap.ready import announce_ready, resident_mb
from bootstrap.settings import Settings, load_settings
from bootstrap.shutdown_grace import BoundedServer, StopDeadline


def settings(**extra: str) -> Settings:
    return load_settings(
        {"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://", **extra}, env_file=None
    )


@pytest.mark.usefixtures("thawed_collector")
def test_the_start_up_thresholds_end_with_the_serving_ones_and_come_back_after() -> None:
    # Arrange
    before = gc.get_threshold()
    served = settings(BULWARK_GC_FREEZE="true", BULWARK_GC_THRESHOLD_GEN0="4321")

    # Act
    during_start_up()
    starting = gc.get_threshold()
    state = tune_gc(served)
    serving = gc.get_threshold()
    restore_gc(state)

    # Assert
    assert starting == START_UP_THRESHOLDS
    assert serving[0] == 4321
    assert gc.get_threshold() == before


@pytest.mark.usefixtures("thawed_collector")
def test_without_the_freeze_the_start_up_thresholds_are_given_back() -> None:
    # Arrange
    before = gc.get_threshold()
    during_start_up()

    # Act
    state = tune_gc(settings(BULWARK_GC_FREEZE="false"))

    # Assert
    assert state is None
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_the_resident_size_is_read_from_proc(tmp_path: Path) -> None:
    # Arrange
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmHWM:\t  420000 kB\nVmRSS:\t  307200 kB\n")

    # Act / Assert
    assert resident_mb(status) == 300
    assert resident_mb(tmp_path / "missing") is None
    assert (resident_mb() or 0) > 0


async def test_the_server_logs_where_it_answers_and_its_resident_size_once_it_listens() -> None:
    # Arrange: a server that stops as soon as it has started
    async def app(scope: object, receive: object, send: object) -> None:
        return None

    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_config=None)

    def started() -> None:
        announce_ready("127.0.0.1", 8000)
        server.should_exit = True

    server = BoundedServer(config, 1.0, StopDeadline(), on_started=started)

    # Act
    with capture_logs() as logs:
        await asyncio.wait_for(server.serve(), 30)

    # Assert
    ready = [entry for entry in logs if entry["event"] == "ready"]
    assert len(ready) == 1
    assert ready[0]["url"] == "http://127.0.0.1:8000"
    assert ready[0]["resident_mb"] > 0


@pytest.mark.usefixtures("thawed_collector")
def test_a_start_refused_before_the_app_starts_gives_the_thresholds_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange: a store that is not migrated (an empty SQLite file): serve refuses it
    before = gc.get_threshold()
    (tmp_path / "empty.db").write_bytes(b"")
    unmigrated = settings(BULWARK_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")

    # Act
    code = serve(argparse.Namespace(migrate=False), unmigrated)

    # Assert: refused in one line, the collector as it was found
    assert code == EXIT_REFUSED
    assert capsys.readouterr().err.startswith("bulwark: ")
    assert gc.get_threshold() == before
