"""The snapshot job's settings and when the serving process runs its loop."""

from __future__ import annotations

from datetime import time

import pytest

from bootstrap.performance import snapshot_loop, snapshot_time
from bootstrap.settings import SettingsError, load_settings


def test_the_default_time_is_after_the_us_close() -> None:
    settings = load_settings({}, env_file=None)
    assert settings.analytics.equity_snapshots is True
    assert snapshot_time(settings) == time(21, 0)


@pytest.mark.parametrize("value", ["25:00", "9:30", "21:60", "noon"])
def test_a_bad_time_is_one_clear_line(value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"BULWARK_EQUITY_SNAPSHOT_TIME": value}, env_file=None)
    assert str(caught.value) == (
        "BULWARK_EQUITY_SNAPSHOT_TIME: expected a UTC time of day as HH:MM (00:00 to 23:59)"
    )


@pytest.mark.parametrize(
    ("environ", "process"),
    [({"BULWARK_EQUITY_SNAPSHOTS": "false"}, "serve"), ({}, "consume")],
    ids=["turned off", "bulwark consume"],
)
async def test_no_loop_when_off_or_outside_serve(environ: dict[str, str], process: str) -> None:
    # Arrange
    settings = load_settings(environ, env_file=None)

    def job() -> object:
        raise AssertionError("the job must not be built")

    # Act
    loop = snapshot_loop(settings, job, process)  # type: ignore[arg-type]
    task = await anext(loop)

    # Assert
    assert task is None
    with pytest.raises(StopAsyncIteration):
        await anext(loop)
