"""The drop copy end to end: a Bulwark process on SQLite copies every event and fill of its
orders to a local webhook receiver and to a topic of the session's Kafka-protocol broker; the
receiver refuses its first message once and gets it again, with the same id.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from adapters.kafka.client import KafkaConfig
from adapters.kafka.drop_copy import ID_HEADER, KIND_HEADER, VERSION_HEADER
from adapters.notifications.signing import verify_signature
from application.trading.orders import SubmitOrder
from domain.trading.orders import OrderStatus, OrderType, Origin, OriginKind, Side
from tests.integration.kafka.bulwark import (
    Trader,
    bulwark_node,
    eventually,
    headers_of,
    seed_trader,
    settings_for,
)
from tests.integration.kafka.records import read_until
from tests.kit.fake_server import HttpRequest, threaded_http
from tests.kit.schema import migrated

SECRET = "whsec-drop-copy-test"


@dataclass
class Desk:
    """The surveillance desk's receiver: refuses the first `refuse` posts (503), keeps the
    others' messages; every post's signature is checked."""

    refuse: int = 1
    refused: list[dict[str, Any]] = field(default_factory=list)
    got: list[dict[str, Any]] = field(default_factory=list)
    bad_signatures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        signature = request.header("Bulwark-Signature") or ""
        message = json.loads(request.body)
        with self.lock:
            if not verify_signature(SECRET, signature, request.body):
                self.bad_signatures += 1
                return 400, b"{}", {}
            assert request.header("Bulwark-Delivery") == message["id"]
            assert request.header("Bulwark-Event") == f"drop_copy.{message['kind']}"
            if self.refuse > 0:
                self.refuse -= 1
                self.refused.append(message)
                return 503, b"{}", {}
            self.got.append(message)
        return 200, b"{}", {}

    def kinds(self, order_id: str) -> list[str]:
        """The kinds of an order's messages in the order they first arrived."""
        seen: dict[str, str] = {}
        with self.lock:
            for m in self.got:
                if m["order_id"] == order_id:
                    seen.setdefault(m["id"], m["kind"])
        return list(seen.values())


@pytest.fixture
def desk() -> Iterator[tuple[Desk, str]]:
    receiver = Desk()
    with threaded_http(receiver.answer, methods=("POST",)) as url:
        yield receiver, url + "/drop-copy"


async def trade(container: Any, trader: Trader) -> dict[str, str]:
    """A filled market buy, a resting limit buy then its cancel, a denied buy; their ids."""
    orders = container.trading.orders()
    origin = Origin(OriginKind.USER, trader.owner.id)

    def buy(quantity: str, **terms: Any) -> SubmitOrder:
        return SubmitOrder(
            trader.owner, trader.account_id, "AAPL", Side.BUY, Decimal(quantity), origin, **terms
        )

    filled = await orders.submit(buy("5"))
    resting = await orders.submit(buy("1", order_type=OrderType.LIMIT, limit_price=Decimal("50")))
    await orders.cancel(trader.owner, resting.order.id)
    denied = await orders.submit(buy("1000000"))
    assert filled.order.status is OrderStatus.FILLED
    assert denied.order.status is OrderStatus.DENIED
    return {"filled": filled.order.id, "canceled": resting.order.id, "denied": denied.order.id}


EXPECTED = {
    "filled": ["order.accepted", "order.filled", "fill"],
    "canceled": ["order.accepted", "order.canceled"],
    "denied": ["order.denied"],
}


async def test_every_event_and_fill_reaches_the_webhook_and_the_topic_at_least_once(
    kafka_bootstrap: str, unique: str, tmp_path: Path, desk: tuple[Desk, str]
) -> None:
    # Arrange
    receiver, url = desk
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(database_url)
    topic = f"t{unique}.drop-copy"
    env = settings_for(
        kafka_bootstrap, database_url, unique, f"node-{unique}",
        drop_copy_webhook_url=url, drop_copy_webhook_secret=SECRET,
        drop_copy_kafka_topic=topic, drop_copy_retry_base_seconds="0.2",
    )  # fmt: skip

    async with bulwark_node(env, consume=False) as node:
        trader = await seed_trader(node.container, unique)

        # Act
        ids = await trade(node.container, trader)

        async def all_at_the_desk() -> bool:
            return all(receiver.kinds(ids[name]) == kinds for name, kinds in EXPECTED.items())

        await eventually(all_at_the_desk, within=30)
        wanted = sum(len(kinds) for kinds in EXPECTED.values())
        config = KafkaConfig(kafka_bootstrap, client_id="drop-copy-test")
        records = await read_until(
            config, topic, lambda found: len({r.value for r in found}) >= wanted
        )

    # Assert: the webhook got each order's events and fills in order, signed
    assert receiver.bad_signatures == 0
    assert len(receiver.refused) == 1
    first = receiver.refused[0]
    again = [m for m in receiver.got if m["id"] == first["id"]]
    assert again and again[0]["kind"] == first["kind"]
    assert {k: v for k, v in again[0].items() if k != "sent_at"} == {
        k: v for k, v in first.items() if k != "sent_at"
    }
    fill = next(m for m in receiver.got if m["kind"] == "fill")
    assert (fill["account_id"], fill["symbol"], fill["side"], fill["fill_quantity"]) == (
        trader.account_id, "AAPL", "buy", "5"
    )  # fmt: skip
    assert fill["origin"] == {"kind": "user", "id": trader.owner.id, "channel": "internal"}
    assert fill["broker"] == "paper" and fill["v"] == 1

    # Assert: the topic has the same messages, keyed by order, in order per order
    on_topic = [json.loads(r.value) for r in records]
    assert {m["id"] for m in on_topic} == {m["id"] for m in receiver.got}
    for record, message in zip(records, on_topic, strict=True):
        headers = headers_of(record)
        assert record.key == message["order_id"].encode()
        assert (headers[ID_HEADER], headers[KIND_HEADER], headers[VERSION_HEADER]) == (
            message["id"], message["kind"], "1"
        )  # fmt: skip
    for name, kinds in EXPECTED.items():
        firsts = dict.fromkeys(m["kind"] for m in on_topic if m["order_id"] == ids[name])
        assert list(firsts) == kinds
