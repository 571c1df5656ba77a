"""Dead letters: a poison record, unchanged, with headers that say where it came from and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

CODE_HEADER = "bulwark-dlq-code"
DETAIL_HEADER = "bulwark-dlq-detail"
TOPIC_HEADER = "bulwark-source-topic"
PARTITION_HEADER = "bulwark-source-partition"
OFFSET_HEADER = "bulwark-source-offset"
MESSAGE_ID_HEADER = "bulwark-message-id"
AT_HEADER = "bulwark-dlq-at"
DETAIL_LIMIT = 500


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """What to produce to the DLQ topic: the original key and value, and the reason headers."""

    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]


def dead_letter(
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    value: bytes | None,
    code: str,
    detail: str,
    message_id: str | None = None,
    *,
    at: datetime | None = None,
) -> DeadLetter:
    """The dead letter of the record at topic/partition/offset; `at` defaults to now (UTC)."""
    moment = at if at is not None else datetime.now(UTC)
    headers = [
        (CODE_HEADER, code.encode()),
        (DETAIL_HEADER, detail[:DETAIL_LIMIT].encode()),
        (TOPIC_HEADER, topic.encode()),
        (PARTITION_HEADER, str(partition).encode()),
        (OFFSET_HEADER, str(offset).encode()),
    ]
    if message_id is not None:
        headers.append((MESSAGE_ID_HEADER, message_id.encode()))
    headers.append((AT_HEADER, moment.isoformat().encode()))
    return DeadLetter(key, value, tuple(headers))


def reason_of(headers: Sequence[tuple[str, bytes | None]]) -> tuple[str, str]:
    """The (code, detail) of a dead letter's headers; KeyError when it carries no code."""
    found = {name: (value or b"").decode(errors="replace") for name, value in headers}
    return found[CODE_HEADER], found.get(DETAIL_HEADER, "")
