"""The emergency topic's records are capped like commands before they are decoded."""

from __future__ import annotations

import pytest
from aiokafka.structs import ConsumerRecord

from adapters.kafka.runtime import Poison
from bootstrap.containers.application import build_container
from bootstrap.kafka import KafkaLink
from bootstrap.settings import load_settings


def link() -> KafkaLink:
    settings = load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": "memory://",
            "BULWARK_KAFKA_BOOTSTRAP": "127.0.0.1:1",
            "BULWARK_JSON_MAX_DEPTH": "8",
        },
        env_file=None,
    )
    found = build_container(settings).core.kafka_link()
    assert isinstance(found, KafkaLink)
    return found


def record(value: bytes) -> ConsumerRecord:
    return ConsumerRecord("bulwark.emergency", 0, 0, 0, 0, None, value, None, 0, len(value), [])


@pytest.mark.parametrize(
    ("value", "why"),
    [(b"[" * 5000 + b"]" * 5000, "JsonTooDeep"), (b'{"instance": "\xff"}', "InvalidEncoding")],
    ids=["deep", "not-utf8"],
)
async def test_a_record_over_the_limits_is_poison_before_decoding(value: bytes, why: str) -> None:
    # Arrange
    kafka = link()

    # Act
    with pytest.raises(Poison) as raised:
        await kafka._on_emergency(record(value))

    # Assert
    assert raised.value.code == "INVALID_EMERGENCY"
    assert why in str(raised.value)
    assert kafka.remote_halts == 0
