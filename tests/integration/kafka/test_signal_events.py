"""Signals of the background scanner reach the events topic, keyed by symbol."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from aiokafka.structs import ConsumerRecord

from adapters.eventcodec import EventCodec
from adapters.kafka.client import KafkaConfig
from adapters.kafka.publisher import decode_event
from domain.market_data.signals import Pattern, SignalEmitted
from ports.strategies.signals import SignalSearch
from tests.integration.kafka.bulwark import bulwark_node, settings_for
from tests.integration.kafka.records import read_until
from tests.kit.schema import migrated

CODEC = EventCodec()


def signals_of(records: list[ConsumerRecord], symbol: str) -> list[SignalEmitted]:
    events = [decode_event(CODEC, r.value)[1] for r in records if r.key == symbol.encode()]
    return [e for e in events if isinstance(e, SignalEmitted)]


async def test_the_scanner_publishes_stored_signals_to_the_events_topic(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange: a node that scans AAPL's 1-minute bars and keeps every reading
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(
        kafka_bootstrap,
        url,
        unique,
        f"node-{unique}",
        signal_scan_seconds="0.2",
        signal_symbols="AAPL",
        signal_timeframes="1m",
        signal_min_score="0",
    )
    async with bulwark_node(env, consume=False) as node:
        # Act: the synthetic feed learns AAPL from the board; the scanner takes it from there
        node.container.core.market().set_price("AAPL", Decimal("190"))
        records = await read_until(
            kafka_config, node.topics.events, lambda rs: len(signals_of(rs, "AAPL")) >= 3
        )
        stored = await node.container.strategies.signal_repository().page(SignalSearch(limit=100))

    # Assert
    published = signals_of(records, "AAPL")
    first_bar = published[:3]
    assert {e.pattern for e in first_bar} == {p.value for p in Pattern}
    assert len({e.at for e in first_bar}) == 1
    # Each stored once, published at least once (a minute boundary may add a bar's worth).
    assert {e.signal_id for e in published} <= {s.id for s in stored}
    assert len({(s.pattern, s.at) for s in stored}) == len(stored)
    document = json.loads(next(r.value for r in records if r.key == b"AAPL"))
    assert document["type"] == "SignalEmitted"
    assert document["event"]["symbol"] == "AAPL"
