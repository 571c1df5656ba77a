"""aiokafka's own log lines, folded: one concise line per retry interval, never a traceback.

While a broker is unreachable aiokafka logs every attempt of every client (connection,
metadata, fetch, heartbeat: dozens of lines a second), some with a traceback. Bulwark's log
handler passes its warnings and errors through `KafkaClientLines`: the first of each interval
goes out as one line (an error's traceback reduced to its type and message) saying how many
were left out since the last, the rest are dropped. Its other lines (joins, assignments, at
INFO) pass unchanged. The interval is BULWARK_KAFKA_RETRY_SECONDS, the same bound that spaces
Bulwark's own consumer retries (adapters/kafka/runtime.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from adapters.kafka.quiet import OncePerInterval

CLIENT_LOGGER = "aiokafka"


class KafkaClientLines(logging.Filter):
    """A handler's filter: at most one aiokafka warning or error per interval, one line each."""

    def __init__(self, interval_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._once = OncePerInterval(interval_s, clock)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not _from_client(record.name):
            return True
        held = self._once.let_through()
        if held is None:
            return False
        line = record.getMessage()
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            line = f"{line} ({type(error).__name__}: {error})"
        if held:
            line = f"{line} [{held} more Kafka client lines left out since the last one]"
        # One line: the message as text, no traceback, no stack (the record is this handler's).
        record.msg, record.args = line, None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def _from_client(name: str) -> bool:
    return name == CLIENT_LOGGER or name.startswith(CLIENT_LOGGER + ".")
