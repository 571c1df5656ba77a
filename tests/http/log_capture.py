"""Bulwark's logging written as JSON into a buffer for a test; the previous set-up restored."""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator

import structlog

from bootstrap.logging import configure_logging


@contextlib.contextmanager
def captured_logs(level: str) -> Iterator[io.StringIO]:
    root = logging.getLogger()
    handlers, root_level = list(root.handlers), root.level
    saved = structlog.get_config()
    stream = io.StringIO()
    configure_logging(level, "json", stream=stream)
    try:
        yield stream
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(root_level)
        logging.getLogger("bulwark.access").setLevel(logging.NOTSET)
        logging.captureWarnings(False)
        structlog.configure(**saved)
