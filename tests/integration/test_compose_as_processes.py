"""docker-compose.yml run as local processes: every service of the Bulwark image started with
the file's own `command` and `environment` (`BULWARK_ENV=prod`, the secrets as files, the
kill switch's lane on its own port), in the order its `depends_on` and healthchecks say, and
then used the way an operator and an agent would.

What stands in for Docker, and nothing else is changed (tests/kit/compose_stack.py):
- .env: random test values for the `${VAR:?...}` of the file; the secrets (the JWT signing
  key, the key-encryption keys) written as files its `*_FILE` variables point at;
- the image: the Dockerfile's runtime ENV first; `bulwark` on PATH is this checkout's (the
  venv's console script, PYTHONPATH at the checkout); /app/var (the bulwarkdata volume) and
  /app/models (built into the image, not built here) are folders of the test; /app/data is
  the checkout's data/ the image copies; WORKDIR /app is a test folder (no .env in it);
- host names: the URLs naming postgres, redis and kafka point at the test's servers (a fresh
  PostgreSQL database, a Redis database, the session's Kafka-protocol broker);
- ports: each service's `*_PORT` variables get free local ports, and `0.0.0.0` binds on
  127.0.0.1 (the healthchecks' `127.0.0.1:<port>` follow);
- the session's broker is shared and may be Tansu: this run's topics and command group get a
  suffix, and with Tansu (no InitProducerId) the producer is not idempotent.

The alert rules Prometheus loads are checked by promtool in tests/unit/deploy/
test_alert_rules.py; the file's schema and settings in tests/unit/deploy/test_compose_file.py.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from cryptography.fernet import Fernet

from adapters.eventcodec import EventCodec
from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.envelope import DecisionCodec
from adapters.kafka.publisher import KafkaEventPublisher, decode_event
from adapters.kafka.topics import Topics
from adapters.postgres.engine import make_engine
from adapters.postgres.surveillance import SqlSurveillanceStore
from domain.events import DomainEvent
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import OrderAccepted, OrderDenied, Side
from tests.integration.kafka.bulwark import buy, command_client, envelope
from tests.integration.servers import Server, create_database, drop_database, redis_db_url
from tests.kit.compose import ROOT, app_services, compose, environ, write_secrets
from tests.kit.compose_stack import Stack, StandIns, start_in_order, stop_in_order

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# What this test proves of each service of the Bulwark image. A service the file gains must
# be added here with what proves it runs: until then the test fails and names it.
PROVEN = {
    "app": "/ready; an order over HTTP decided; the kill switch on its lane, broker-confirmed; "
    "/metrics and the Alertmanager receiver with their tokens and not without",
    "consume": "an order on the orders topic decided, its answer on the decisions topic; "
    "/health and /metrics (with the token, not without) on its metrics port",
    "surveil": "a wash-trading pattern on the events topic becomes an alert the API lists; its "
    "checkpoint moves past the events the app published",
}
START_WITHIN_S = 240.0  # a bound for a failing start (a loaded 2-core box), never a timing
WAIT_S = 60.0  # the bound of every other wait
PASSWORD = "correct-horse-battery-9"
PASSCODE = "kill-passcode-1"
INSTRUMENTS_CSV = (
    "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable\n"
    "AAPL,Apple Inc.,equity,Technology,1,0.01,true,true\n"
)
_CODEC = EventCodec()


@dataclass(frozen=True)
class Operator:
    """What the first steps made: the admin's and the owner's bearer headers, the owner's id
    and two paper accounts of theirs (the second one for the kill switch)."""

    admin: dict[str, str]
    owner: dict[str, str]
    owner_id: str
    accounts: list[str]


@dataclass(frozen=True)
class Deployment:
    """The running stack and what the test needs of it."""

    stack: Stack
    tokens: Mapping[str, str]  # .env
    topics: Topics
    kafka_bootstrap: str
    database_url: str
    operator: Operator

    def url(self, service: str, port: int) -> str:
        return self.stack.services[service].url(port)

    def failure(self, what: str) -> str:
        return self.stack.failure(what)


def test_every_service_of_the_bulwark_image_is_one_this_test_proves() -> None:
    # Act
    services = set(app_services(compose()))

    # Assert
    unknown = sorted(services - set(PROVEN))
    assert not unknown, (
        f"docker-compose.yml runs {unknown} from the Bulwark image; tests/integration/"
        "test_compose_as_processes.py does not know how to prove it runs (add it to PROVEN, "
        "with a check)"
    )
    assert services == set(PROVEN), f"PROVEN names services the file no longer has: {PROVEN}"


@pytest.fixture(scope="module")
def deployment(
    postgres_admin_url: str,
    redis_server_url: str,
    kafka_broker: Server,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Deployment]:
    """The file's services of the Bulwark image, started in its order and healthy, after an
    operator's first steps (docs/deployment.md)."""
    document = compose()
    specs = app_services(document)
    unknown = sorted(set(specs) - set(PROVEN))
    if unknown:
        pytest.fail(f"no proof for the services {unknown} (see PROVEN)", pytrace=False)
    base = tmp_path_factory.mktemp("compose")
    dot_env = {  # .env: what the file's header asks for
        "POSTGRES_PASSWORD": secrets.token_hex(8),  # unused: the test's server has its own
        "BULWARK_SECRET_KEY": Fernet.generate_key().decode(),
        "BULWARK_METRICS_TOKEN": secrets.token_hex(16),
        "BULWARK_ALERTMANAGER_TOKEN": secrets.token_hex(16),
        "GRAFANA_ADMIN_PASSWORD": secrets.token_hex(8),
    }
    (base / "secrets").mkdir()
    secret_files = write_secrets(document, base / "secrets")
    database_url = create_database(postgres_admin_url)
    redis_url = redis_db_url(redis_server_url)
    redis.Redis.from_url(redis_url).flushdb()
    suffix = uuid.uuid4().hex[:10]
    topics = Topics().with_prefix(f"c{suffix}.")
    broker = {  # the session's broker is shared: topics and a group of this run
        **{
            f"BULWARK_KAFKA_TOPIC_{f.name.upper()}": getattr(topics, f.name) for f in fields(topics)
        },
        "BULWARK_KAFKA_GROUP_ID": f"compose-{suffix}",
    }
    if "tansu" in kafka_broker.source.lower():  # no InitProducerId
        broker["BULWARK_KAFKA_IDEMPOTENT_PRODUCER"] = "false"
    stand_ins = StandIns(
        hosts={"postgres": database_url, "redis": redis_url, "kafka": kafka_broker.url},
        paths={
            "/app/var": base / "var",  # the bulwarkdata volume
            "/app/models": base / "models",  # built into the image; not built here
            "/app/data": ROOT / "data",  # what the image copies
        },
        env={  # the developer's own BULWARK_* must not leak in; `bulwark` is this checkout's
            **{k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")},
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(ROOT),
        },
        extra=broker,
    )
    environments = {name: environ(spec, secret_files, dot_env) for name, spec in specs.items()}
    stack = Stack.of(specs, environments, stand_ins, set(document["services"]), base)
    try:
        # the app healthy (and what waits for it started), the operator's first steps while
        # the others come up, then every service healthy
        start_in_order(stack, {"app"}, START_WITHIN_S)
        operator = first_steps(stack)
        start_in_order(stack, set(specs), START_WITHIN_S)
        yield Deployment(stack, dot_env, topics, kafka_broker.url, database_url, operator)
    finally:
        stop_in_order(stack)
        drop_database(postgres_admin_url, database_url)
        redis.Redis.from_url(redis_url).flushdb()


def first_steps(stack: Stack) -> Operator:
    """docs/deployment.md's first sign-in: the operator makes an admin with `bulwark
    create-user` in the app's container; over HTTP the admin makes an owner and imports an
    instrument, and the owner sets a kill-switch passcode and opens two paper accounts."""
    stack.exec("app", "bulwark", "create-user", "ops", "--role", "admin", "--password-stdin",
               stdin=PASSWORD)  # fmt: skip
    with httpx.Client(base_url=f"{stack.services['app'].url(8000)}/api/v1", timeout=WAIT_S) as c:
        admin = _login(c, "ops")
        made = c.post(
            "/users",
            json={"username": "trader", "password": PASSWORD, "role": "owner"},
            headers=admin,
        )
        assert made.status_code == 201, made.text
        imported = c.post(
            "/instruments/import",
            content=INSTRUMENTS_CSV,
            headers={**admin, "Content-Type": "text/csv"},
        )
        assert imported.status_code == 200, imported.text
        owner = _login(c, "trader")
        passcode = c.put("/kill-switch/passcode", json={"passcode": PASSCODE}, headers=owner)
        assert passcode.status_code in (200, 204), passcode.text
        accounts = [_open_account(c, owner, name) for name in ("trading", "halted")]
    return Operator(admin, owner, made.json()["id"], accounts)


def _login(client: httpx.Client, username: str) -> dict[str, str]:
    answer = client.post("/auth/login", json={"username": username, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _open_account(client: httpx.Client, owner: dict[str, str], name: str) -> str:
    opened = client.post(
        "/accounts",
        json={
            "name": name,
            "broker": "paper",
            "base_currency": "USD",
            "account_type": "taxable",
            "trading_type": "margin",
            "initial_cash": "100000",
        },
        headers=owner,
    )
    assert opened.status_code == 201, opened.text
    return str(opened.json()["id"])


async def until(check: Callable[[], Any], deployment: Deployment, what: str) -> Any:
    """Polls an async check until it returns something truthy (its value), for WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = await check()
        if value:
            return value
        await asyncio.sleep(0.2)
    pytest.fail(deployment.failure(f"{what}: not within {WAIT_S:.0f} s"), pytrace=False)


@pytest.fixture
async def api(deployment: Deployment) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=deployment.url("app", 8000), timeout=WAIT_S) as client:
        yield client


# --- the proofs -------------------------------------------------------------------------------


async def test_the_app_is_ready_and_its_monitoring_endpoints_want_their_tokens(
    deployment: Deployment, api: httpx.AsyncClient
) -> None:
    # Arrange
    metrics = {"Authorization": f"Bearer {deployment.tokens['BULWARK_METRICS_TOKEN']}"}
    hook = {"Authorization": f"Bearer {deployment.tokens['BULWARK_ALERTMANAGER_TOKEN']}"}
    alert = {  # what Alertmanager posts (docs/deployment.md)
        "version": "4",
        "status": "firing",
        "alerts": [
            {
                "status": "firing",
                "labels": {"alertname": "DeployTest", "severity": "warning"},
                "annotations": {"summary": "compose deployment test"},
            }
        ],
    }

    # Act
    ready = await api.get("/ready")
    scraped = await api.get("/metrics", headers=metrics)
    unscraped = await api.get("/metrics")
    posted = await api.post("/api/v1/monitoring/alertmanager", json=alert, headers=hook)
    unposted = await api.post("/api/v1/monitoring/alertmanager", json=alert)

    # Assert
    assert ready.status_code == 200, deployment.failure(ready.text)
    assert all(c["ok"] for c in ready.json()["components"]), ready.text
    assert scraped.status_code == 200 and "bulwark_http_requests_total" in scraped.text
    assert unscraped.status_code == 401, unscraped.text
    assert posted.status_code in (200, 202), posted.text
    assert unposted.status_code == 401, unposted.text


async def test_an_order_over_http_is_decided_by_the_app(
    deployment: Deployment, api: httpx.AsyncClient
) -> None:
    # Arrange
    account = deployment.operator.accounts[0]
    order = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1"}

    # Act
    placed = await api.post("/api/v1/orders", json=order, headers=deployment.operator.owner)
    listed = await api.get(
        "/api/v1/orders", params={"account_id": account}, headers=deployment.operator.owner
    )

    # Assert: decided, and stored. The file names no price source (synthetic data, no demo,
    # no vendor): nothing has a price, so the gate denies, with its reason.
    assert placed.status_code == 422, deployment.failure(placed.text)
    assert placed.json()["reasons"] == ["NO_REFERENCE_PRICE"], placed.text
    assert [o["status"] for o in listed.json()["items"]] == ["denied"], listed.text


async def test_an_order_on_the_orders_topic_is_decided_by_consume(
    deployment: Deployment, api: httpx.AsyncClient
) -> None:
    # Arrange: the owner's agent on the trading account, with an API key (docs/onboarding.md)
    owner, account = deployment.operator.owner, deployment.operator.accounts[0]
    agent = f"agent-{uuid.uuid4().hex[:8]}"
    registered = await api.post(
        "/api/v1/agents", json={"agent_id": agent, "account_ids": [account]}, headers=owner
    )
    assert registered.status_code == 201, registered.text
    key = await api.post(f"/api/v1/agents/{agent}/keys", json={"label": "kafka"}, headers=owner)
    assert key.status_code == 201, key.text
    command = envelope(agent, account, buy("1"))

    # Act
    async with command_client(deployment.kafka_bootstrap) as client:
        await client.send(deployment.topics.orders, command, key.json()["api_key"])
        decision = await until(
            lambda: _decision(deployment, command.id), deployment, "consume's decision on the topic"
        )

    # Assert
    assert (decision.account_id, decision.approved) == (account, False)
    assert decision.reason_codes == ["NO_REFERENCE_PRICE"]  # as over HTTP: no price source
    order = await api.get(f"/api/v1/orders/{decision.order_id}", headers=owner)
    assert order.status_code == 200 and order.json()["origin_id"] == agent, order.text


async def _decision(deployment: Deployment, message_id: str) -> Any:
    codec = DecisionCodec()
    for record in await _records(deployment, deployment.topics.decisions):
        found = codec.decode(record.value)
        if found.message_id == message_id:
            return found
    return None


async def _records(deployment: Deployment, topic: str) -> list[Any]:
    """What a reader from the topic's beginning gets in a few short fetches."""
    reader = make_consumer(KafkaConfig(deployment.kafka_bootstrap), None, topics=[topic])
    await reader.start()
    found: list[Any] = []
    try:
        for _ in range(5):
            for records in (await reader.getmany(timeout_ms=200)).values():
                found.extend(records)
    finally:
        await reader.stop()
    return found


async def test_the_kill_switch_halts_on_its_lane_and_the_paper_broker_confirms(
    deployment: Deployment, api: httpx.AsyncClient
) -> None:
    # Arrange
    owner, account = deployment.operator.owner, deployment.operator.accounts[1]
    lane = deployment.url("app", 8001)  # BULWARK_KILL_SWITCH_PORT in the file
    scope = {"kind": "account", "id": account}

    # Act
    async with httpx.AsyncClient(base_url=lane, timeout=WAIT_S) as on_lane:
        health = await on_lane.get("/health")
        halted = await on_lane.post(
            "/api/v1/kill-switch/activate",
            json={"passcode": PASSCODE, "scope": scope},
            headers=owner,
        )
    status = await api.get("/api/v1/kill-switch/status", headers=owner)

    # Assert
    assert health.status_code == 200, health.text
    assert halted.status_code == 201, deployment.failure(halted.text)
    assert halted.json()["broker_confirmed"] is True, halted.text
    states = {(s["scope"]["kind"], s["scope"]["id"]): s["state"] for s in status.json()["scopes"]}
    assert states[("account", account)] == "halted", status.text


async def test_consume_answers_health_and_metrics_on_its_own_port(deployment: Deployment) -> None:
    # Arrange
    consume = deployment.stack.services["consume"]
    port = int(consume.spec["environment"]["BULWARK_CONSUME_METRICS_PORT"])
    token = {"Authorization": f"Bearer {deployment.tokens['BULWARK_METRICS_TOKEN']}"}

    # Act
    async with httpx.AsyncClient(base_url=consume.url(port), timeout=WAIT_S) as client:
        health = await client.get("/health")
        scraped = await client.get("/metrics", headers=token)
        unscraped = await client.get("/metrics")

    # Assert
    assert health.status_code == 200 and health.json()["process"] == "consume", health.text
    assert scraped.status_code == 200 and "bulwark_" in scraped.text
    assert unscraped.status_code == 401, unscraped.text


async def test_surveil_reads_the_flow_and_alerts_on_a_wash_trading_pattern(
    deployment: Deployment, api: httpx.AsyncClient
) -> None:
    # Arrange: an order the app decides (its OrderDenied event on the events topic), then a
    # wash-trading pattern of the owner's two accounts (no order fills without a price source,
    # so the pattern's events are published here as the order path would)
    owner_id, accounts = deployment.operator.owner_id, deployment.operator.accounts
    placed = await api.post(
        "/api/v1/orders",
        json={"account_id": accounts[0], "symbol": "AAPL", "side": "sell", "quantity": "3"},
        headers=deployment.operator.owner,
    )
    assert placed.status_code == 422, placed.text
    order_id = placed.json()["order"]["id"]
    denied = await until(
        lambda: _denial_on_topic(deployment, order_id), deployment, "the app's OrderDenied event"
    )
    trades = wash_trades(owner_id, accounts, datetime.now(UTC))

    # Act
    producer = make_producer(KafkaConfig(deployment.kafka_bootstrap), idempotent=False)
    await producer.start()
    try:
        await KafkaEventPublisher(producer, deployment.topics, "compose-test").publish(trades)
    finally:
        await producer.stop()
    alerts = await until(
        lambda: _wash_alerts(api, deployment, owner_id), deployment, "surveil's wash-trading alert"
    )
    checkpoint = await _checkpoint(deployment)

    # Assert
    assert [a["pattern"] for a in alerts] == ["wash_trading"], alerts
    partition, offset = denied
    assert checkpoint.offsets[f"{deployment.topics.events}:{partition}"] > offset, checkpoint


def wash_trades(owner_id: str, accounts: list[str], start: datetime) -> list[DomainEvent]:
    """One owner buying in one account what they sell in the other, twice, a second apart:
    market orders accepted and filled at one price, as the order path publishes them."""
    events: list[DomainEvent] = []
    legs = [(0, Side.BUY), (1, Side.SELL), (1, Side.BUY), (0, Side.SELL)]
    for i, (which, side) in enumerate(legs):
        account, at, order = accounts[which], start + timedelta(seconds=i), f"wash-{i}"
        price, quantity = Decimal("50.00"), Decimal(10)
        events.append(
            OrderAccepted(
                order,
                account,
                f"b-{order}",
                at=at,
                symbol="WASH",
                side=side.value,
                quantity=quantity,
                order_type="market",
                owner_id=owner_id,
                origin_kind="user",
                origin_id=owner_id,
                bid=price,
                ask=price,
            )
        )
        fill = Fill(f"fill-{i}", order, account, "WASH", side, quantity, price, at)
        events.append(FillBooked(account, fill, owner_id=owner_id, order_id=order))
    return events


async def _denial_on_topic(deployment: Deployment, order_id: str) -> tuple[int, int] | None:
    for record in await _records(deployment, deployment.topics.events):
        _, event = decode_event(_CODEC, record.value)
        if isinstance(event, OrderDenied) and event.order_id == order_id:
            return record.partition, record.offset
    return None


async def _wash_alerts(api: httpx.AsyncClient, deployment: Deployment, owner_id: str) -> list[Any]:
    found = await api.get(
        "/api/v1/surveillance/alerts",
        params={"owner_id": owner_id, "symbol": "WASH"},
        headers=deployment.operator.admin,
    )
    assert found.status_code == 200, found.text
    return list(found.json()["items"])


async def _checkpoint(deployment: Deployment) -> Any:
    """Where `bulwark surveil` has read to, as its last checkpoint in the store says."""
    env = deployment.stack.services["surveil"].env
    name = env.get("BULWARK_SURVEILLANCE_CONSUMER_NAME", "surveil")  # the setting's default
    engine = make_engine(deployment.database_url)
    try:
        return await SqlSurveillanceStore(engine).checkpoint(name)
    finally:
        await engine.dispose()
