"""Kafka test fixtures: a client config for the session's broker and names no other test uses."""

from __future__ import annotations

import uuid

import pytest

from adapters.kafka.client import KafkaConfig


@pytest.fixture
def kafka_config(kafka_bootstrap: str) -> KafkaConfig:
    """A client config for the session's broker, with short timeouts so a hang fails fast."""
    return KafkaConfig(kafka_bootstrap, client_id="bulwark-tests", request_timeout_ms=10_000)


@pytest.fixture
def unique() -> str:
    """A short suffix of this test's own; the broker is shared by the whole session."""
    return uuid.uuid4().hex[:12]
