"""SignalEmitted on the wire: the event codec, the Kafka document, and the WebSocket hub."""

from __future__ import annotations

import json

import msgspec

from adapters.eventcodec import EventCodec, aggregate_of
from adapters.http.events import Audience, EventHub, category_of
from adapters.kafka.publisher import KafkaEventPublisher, decode_event
from adapters.kafka.topics import Topics
from domain.killswitch.switch import TradingStateChanged
from domain.market_data.signals import Pattern, SignalEmitted
from domain.principals import Principal, Role
from domain.trading.orders import OrderAccepted
from tests.kit.bars import signal

EVENT = signal("sig-1", symbol="MSFT", pattern=Pattern.VWAP_DEVIATION, score=-0.62).emitted()


def test_the_codec_knows_signal_emitted_and_round_trips_it_through_json() -> None:
    # Arrange
    codec = EventCodec()

    # Act
    document = json.loads(json.dumps(codec.encode(EVENT)))
    back = codec.decode("SignalEmitted", document)

    # Assert
    assert "SignalEmitted" in codec.types
    assert back == EVENT
    assert document["direction"] == "bearish"
    assert document["pattern"] == "vwap_deviation"
    assert document["at"] == "2026-01-05T09:00:00Z"


def test_signals_are_keyed_by_symbol_on_the_events_topic() -> None:
    # Arrange: a publisher is only asked to encode here, it never sends
    publisher = KafkaEventPublisher(None, Topics(), "node-1")

    # Act
    instance, event = decode_event(EventCodec(), publisher.encode(EVENT))

    # Assert
    assert aggregate_of(EVENT) == EVENT.aggregate_id == "MSFT"
    assert (instance, event) == ("node-1", EVENT)
    assert msgspec.json.decode(publisher.encode(EVENT))["type"] == "SignalEmitted"


def test_other_events_keep_their_keys() -> None:
    accepted = OrderAccepted("ord-1", "acc-1", "b-1")
    halted = TradingStateChanged("account:acc-9", "active", "halted", "user-1", "test")

    assert aggregate_of(accepted) == "acc-1"
    assert aggregate_of(halted) == "account:acc-9"


def owner_without_accounts() -> Audience:
    return Audience(Principal("user-1", Role.OWNER))


async def test_every_authenticated_user_who_asks_for_signals_gets_them() -> None:
    # Arrange
    hub = EventHub()
    owner = hub.subscribe(owner_without_accounts(), ["signal"])
    agent = hub.subscribe(Audience(Principal("agent-1", Role.AGENT)), ["SignalEmitted"])
    narrowed = hub.subscribe(owner_without_accounts(), [], ["acc-1"])
    orders_only = hub.subscribe(owner_without_accounts(), ["order"])

    # Act
    await hub.publish(EVENT)

    # Assert
    assert category_of(EVENT) == "signal"
    frame = msgspec.json.decode(owner.queue.get_nowait())
    assert (frame["event"], frame["category"], frame["aggregate_id"]) == (
        "SignalEmitted",
        "signal",
        "MSFT",
    )
    assert frame["data"]["signal_id"] == "sig-1"
    assert agent.queue.qsize() == 1
    assert narrowed.queue.qsize() == 1
    assert orders_only.queue.empty()


async def test_account_events_stay_scoped_to_their_accounts() -> None:
    # Arrange
    hub = EventHub()
    stranger = hub.subscribe(owner_without_accounts(), ["signal", "order"])
    holder = hub.subscribe(Audience(Principal("user-2", Role.OWNER), frozenset({"acc-1"})))

    # Act
    await hub.publish(OrderAccepted("ord-1", "acc-1", "b-1"))
    await hub.publish(EVENT)

    # Assert
    assert stranger.queue.qsize() == 1
    assert msgspec.json.decode(stranger.queue.get_nowait())["event"] == "SignalEmitted"
    assert holder.queue.qsize() == 2


def test_the_event_says_what_the_signal_says() -> None:
    stored = signal("sig-7", score=0.45)

    event = stored.emitted()

    assert isinstance(event, SignalEmitted)
    assert (event.signal_id, event.symbol, event.timeframe, event.pattern) == (
        "sig-7",
        "AAPL",
        "5m",
        "ema_crossover",
    )
    assert (event.score, event.direction, event.at, event.created_at) == (
        0.45,
        "bullish",
        stored.at,
        stored.created_at,
    )
    assert event.details == {"gap_atr": 1.25} and event.reason == "test"
