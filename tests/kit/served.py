"""A real Bulwark app served on a thread of the test process (bootstrap/threaded.py), with the
settings the served tests share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bootstrap.settings import Settings, load_settings
from bootstrap.threaded import ThreadedServer as Served
from tests.integration.servers import free_port

__all__ = ["Served", "served_settings", "serving"]


def served_settings(database_url: str, extra: dict[str, str] | None = None) -> Settings:
    """A demo app on free ports (the lane's too) with the rate limits out of the way."""
    return load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": database_url,
            "BULWARK_PORT": str(free_port()),
            "BULWARK_KILL_SWITCH_PORT": "0",
            "BULWARK_DEMO": "true",
            "BULWARK_API_RATE_PER_MINUTE": "1000000",
            "BULWARK_LOG_LEVEL": "warning",
            **(extra or {}),
        },
        env_file=None,
    )


@contextmanager
def serving(settings: Settings) -> Iterator[Served]:
    """An app served with `settings` on a thread of this process, stopped on exit."""
    app = Served(settings)
    app.start()
    try:
        yield app
    finally:
        app.stop()
