"""CommandDispatcher: poison codes, exactly-once redeliveries, retried outages, fetch batches."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from aiokafka.structs import ConsumerRecord

from adapters.kafka.dispatcher import CommandDispatcher, CommandServices
from adapters.kafka.envelope import (
    AccountScopeSpec,
    ActivateKillSwitchCommand,
    CancelOrderCommand,
    Command,
    Envelope,
    EnvelopeCodec,
    HeartbeatCommand,
    OrderDecisionMessage,
    SubmitOrderCommand,
)
from adapters.kafka.runtime import Poison, Skipped, Transient
from application.trading.decision_ledger import PublishedDecisions
from application.trading.orders import OrderService
from bootstrap.embedded import Embedded, build_embedded
from domain.errors import ConcurrentUpdate, StoreUnavailable, Unauthenticated
from domain.principals import Principal
from domain.risk.rules import RuleType
from domain.trading.orders import OrderCanceled, OrderStatus, OrderType, Side
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ID,
    OTHER_ACCOUNT,
    OWNER,
    PASSCODE,
    STRANGER,
    add_agent,
    add_rule,
    fake_clock,
    seed,
    set_passcodes,
)
from tests.kit.flaky import flaky_orders

D = Decimal
TOPIC = "t.commands"
AGENT_KEY, OWNER_KEY, STRANGER_KEY = "bwk_agent_key", "owner-jwt", "stranger-jwt"
CREDENTIALS = {AGENT_KEY: AGENT, OWNER_KEY: OWNER, STRANGER_KEY: STRANGER}
CODEC = EnvelopeCodec()
TS = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


@dataclass
class Rig:
    """An embedded Bulwark behind a dispatcher, the decisions it published, its logins."""

    e: Embedded
    dispatcher: CommandDispatcher
    decisions: list[OrderDecisionMessage]
    logins: list[str]
    services: CommandServices
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    def envelope(
        self, payload: Command, principal: Principal = AGENT, account_id: str = ACCOUNT
    ) -> Envelope:
        return Envelope(f"m-{next(self._ids)}", 1, principal.id, TS, account_id, payload)

    def record(
        self,
        env: Envelope | None,
        credential: str | None = AGENT_KEY,
        *,
        value: bytes | None = None,
        key: bytes = ACCOUNT.encode(),
    ) -> ConsumerRecord:
        if env is not None:
            value, key = CODEC.encode(env), env.account_id.encode()
        assert value is not None
        headers = [] if credential is None else [("authorization", credential.encode())]
        offset = next(self._ids)
        return ConsumerRecord(
            TOPIC, 0, offset, 0, 0, key, value, None, len(key), len(value), headers
        )

    def statuses(self) -> list[tuple[str, OrderStatus, bool]]:
        return [(d.message_id, d.status, d.replayed) for d in self.decisions]


async def rig(
    auth_ttl: float = 1.0, orders: Callable[[Embedded], OrderService] | None = None
) -> Rig:
    e = await seed(build_embedded())
    await add_agent(e, ACCOUNT)
    await set_passcodes(e, OWNER)
    decisions: list[OrderDecisionMessage] = []
    logins: list[str] = []

    async def authenticate(credential: str) -> Principal:
        logins.append(credential)
        principal = CREDENTIALS.get(credential)
        if principal is None:
            raise Unauthenticated("unknown credential")
        return principal

    async def publish(messages: Sequence[tuple[OrderDecisionMessage, Any]]) -> None:
        decisions.extend(m for m, _ in messages)

    order_service = e.orders if orders is None else orders(e)
    ledger = PublishedDecisions(e.uow, e.clock)
    services = CommandServices(order_service, e.killswitch, e.agents, authenticate, ledger)
    dispatcher = CommandDispatcher(services, publish, e.clock.now, auth_ttl=auth_ttl)
    return Rig(e, dispatcher, decisions, logins, services)


def resting(quantity: str = "1") -> SubmitOrderCommand:
    """A limit buy below the ask (100.10): accepted, and it rests."""
    return SubmitOrderCommand(
        "AAPL", Side.BUY, D(quantity), order_type=OrderType.LIMIT, limit_price=D("95")
    )


def halt_account(passcode: str = PASSCODE) -> ActivateKillSwitchCommand:
    return ActivateKillSwitchCommand(passcode, AccountScopeSpec(ACCOUNT))


async def orders_of(r: Rig, account_id: str = ACCOUNT) -> list[Any]:
    async with r.e.uow() as uow:
        return await uow.orders.list(account_id, limit=1000)


# -- poison ------------------------------------------------------------------------------

UNKNOWN_TYPE = (
    b'{"id":"x2","v":1,"principal":"agent-1","ts":"2026-01-01T00:00:00Z",'
    b'"account_id":"acc-1","payload":{"type":"order.explode"}}'
)
DEEP = UNKNOWN_TYPE.replace(b'"order.explode"', b"[" * 5000 + b"]" * 5000)
NOT_UTF8 = UNKNOWN_TYPE.replace(b"acc-1", b"acc-\xff")
LONG_STRING = UNKNOWN_TYPE.replace(b"order.explode", b"x" * 70_000)
POISON: dict[str, tuple[Callable[[Rig], ConsumerRecord], str]] = {
    "invalid json": (lambda r: r.record(None, value=b"{not json"), "INVALID_JSON"),
    "nested 5000 deep": (lambda r: r.record(None, value=DEEP), "JSON_TOO_DEEP"),
    "not utf-8": (lambda r: r.record(None, value=NOT_UTF8), "INVALID_ENCODING"),
    "a 70 KB string": (lambda r: r.record(None, value=LONG_STRING), "STRING_TOO_LONG"),
    "unknown type": (lambda r: r.record(None, value=UNKNOWN_TYPE), "UNKNOWN_TYPE"),
    "no credential": (lambda r: r.record(r.envelope(resting()), None), "UNAUTHENTICATED"),
    "forged key": (lambda r: r.record(r.envelope(resting()), "bwk_forged"), "UNAUTHENTICATED"),
    "someone else's envelope": (
        lambda r: r.record(r.envelope(resting(), STRANGER)),
        "PRINCIPAL_MISMATCH",
    ),
    "agent halts": (lambda r: r.record(r.envelope(halt_account())), "FORBIDDEN"),
    "cancel of an unknown order": (
        lambda r: r.record(r.envelope(CancelOrderCommand("ord-nope"))),
        "NOT_FOUND",
    ),
    "beat of another agent": (
        lambda r: r.record(r.envelope(HeartbeatCommand("agent-9"))),
        "NOT_FOUND",
    ),
    "wrong passcode": (
        lambda r: r.record(r.envelope(halt_account("wrong"), OWNER), OWNER_KEY),
        "WRONG_PASSCODE",
    ),
}


@pytest.mark.parametrize("case", list(POISON))
async def test_a_record_that_can_never_succeed_is_poison_with_its_code(case: str) -> None:
    # Arrange
    r = await rig()
    build, code = POISON[case]
    record = build(r)

    # Act
    with pytest.raises(Poison) as raised:
        await r.dispatcher.handle(record)

    # Assert
    assert raised.value.code == code
    assert r.decisions == []
    assert await orders_of(r) == []
    assert r.dispatcher.handled == 0


async def test_a_poison_envelope_that_could_be_read_names_its_message_id() -> None:
    # Arrange
    r = await rig()
    env = r.envelope(CancelOrderCommand("ord-nope"))

    # Act
    with pytest.raises(Poison) as raised:
        await r.dispatcher.handle(r.record(env))

    # Assert
    assert raised.value.message_id == env.id


# -- exactly once --------------------------------------------------------------------------


async def test_an_order_is_decided_once_and_a_redelivery_replays_the_first_decision() -> None:
    # Arrange
    r = await rig()
    env = r.envelope(resting())
    record = r.record(env)

    # Act
    await r.dispatcher.handle(record)
    await r.dispatcher.handle(record)

    # Assert
    orders = await orders_of(r)
    assert [o.idempotency_key for o in orders] == [f"msg:{env.id}"]
    assert r.statuses() == [
        (env.id, OrderStatus.ACCEPTED, False),
        (env.id, OrderStatus.ACCEPTED, True),
    ]
    assert {d.order_id for d in r.decisions} == {orders[0].id}


def restarted(r: Rig, down: bool = False) -> CommandDispatcher:
    """A new consumer process on the same store; `down`: its decisions topic refuses."""

    async def publish(messages: Sequence[tuple[OrderDecisionMessage, Any]]) -> None:
        if down:
            raise ConnectionError("the decisions topic is unreachable")
        r.decisions.extend(m for m, _ in messages)

    return CommandDispatcher(r.services, publish, r.e.clock.now)


async def test_a_decision_stored_but_never_published_goes_out_once_as_an_original() -> None:
    # Arrange: the consumer stores the decision, then dies before publishing it
    r = await rig()
    env = r.envelope(resting())
    record = r.record(env)
    with pytest.raises(Transient):
        await restarted(r, down=True).handle(record)
    stored = await orders_of(r)

    # Act: the record is redelivered to the next consumer
    await restarted(r).handle(record)

    # Assert
    assert [o.idempotency_key for o in stored] == [f"msg:{env.id}"]
    assert r.statuses() == [(env.id, OrderStatus.ACCEPTED, False)]
    assert len(await orders_of(r)) == 1


async def test_a_run_whose_decisions_were_never_published_goes_out_as_originals() -> None:
    # Arrange: a batch decided and stored, its publication failed, the consumer restarted
    r = await rig()
    envs = [r.envelope(resting()) for _ in range(3)]
    records = [r.record(env) for env in envs]
    crashed = await restarted(r, down=True).handle_batch(records)

    # Act
    outcomes = await restarted(r).handle_batch(records)

    # Assert
    assert [type(o) for o in crashed] == [Transient] * 3
    assert outcomes == [None] * 3
    assert r.statuses() == [(env.id, OrderStatus.ACCEPTED, False) for env in envs]


async def test_a_redelivery_after_publication_is_a_replay_even_after_a_restart() -> None:
    # Arrange
    r = await rig()
    env = r.envelope(resting())
    record = r.record(env)
    await r.dispatcher.handle(record)

    # Act: redelivered to a new consumer process (nothing of the first one's memory left)
    await restarted(r).handle(record)

    # Assert
    assert r.statuses() == [
        (env.id, OrderStatus.ACCEPTED, False),
        (env.id, OrderStatus.ACCEPTED, True),
    ]


async def test_a_twin_in_the_same_run_is_a_replay_of_the_first() -> None:
    # Arrange: the same message delivered twice in one poll
    r = await rig()
    env = r.envelope(resting())
    records = [r.record(env), r.record(env)]

    # Act
    outcomes = await r.dispatcher.handle_batch(records)

    # Assert
    assert outcomes == [None, None]
    assert r.statuses() == [
        (env.id, OrderStatus.ACCEPTED, False),
        (env.id, OrderStatus.ACCEPTED, True),
    ]


async def test_a_redelivered_cancel_is_a_duplicate_and_cancels_once() -> None:
    # Arrange
    r = await rig()
    await r.dispatcher.handle(r.record(r.envelope(resting())))
    order_id = r.decisions[0].order_id
    cancel = r.record(r.envelope(CancelOrderCommand(order_id)))
    await r.dispatcher.handle(cancel)

    # Act
    await r.dispatcher.handle(cancel)

    # Assert
    assert r.dispatcher.duplicates == 1
    assert r.dispatcher.handled == 3
    assert [o.status for o in await orders_of(r)] == [OrderStatus.CANCELED]
    assert len(r.e.bus.of_type(OrderCanceled)) == 1


async def test_a_redelivered_heartbeat_does_not_extend_the_agents_liveness() -> None:
    # Arrange
    r = await rig()
    beat = r.record(r.envelope(HeartbeatCommand(AGENT_ID)))
    await r.dispatcher.handle(beat)
    first = (await r.e.agents.status(OWNER, AGENT_ID)).last_heartbeat
    fake_clock(r.e).advance(timedelta(seconds=3))

    # Act
    await r.dispatcher.handle(beat)

    # Assert
    assert r.dispatcher.duplicates == 1
    assert first is not None
    assert (await r.e.agents.status(OWNER, AGENT_ID)).last_heartbeat == first


async def test_a_redelivered_kill_switch_activation_halts_once() -> None:
    # Arrange
    r = await rig()
    activation = r.record(r.envelope(halt_account(), OWNER), OWNER_KEY)
    await r.dispatcher.handle(activation)

    # Act
    await r.dispatcher.handle(activation)

    # Assert
    assert r.dispatcher.duplicates == 1
    assert len(await r.e.killswitch.events()) == 1


# -- outages are retried -------------------------------------------------------------------


@pytest.mark.parametrize("error", [StoreUnavailable, ConcurrentUpdate])
@pytest.mark.parametrize("use_case", ["submit", "cancel"])
async def test_an_outage_propagates_so_the_runtime_retries_the_record(
    monkeypatch: pytest.MonkeyPatch, use_case: str, error: type[Exception]
) -> None:
    # Arrange
    r = await rig()
    await r.dispatcher.handle(r.record(r.envelope(resting())))
    payload: Command = (
        resting("2") if use_case == "submit" else CancelOrderCommand(r.decisions[0].order_id)
    )
    record = r.record(r.envelope(payload))

    async def down(*args: object, **kwargs: object) -> None:
        raise error("the store went away")

    monkeypatch.setattr(r.e.orders, "submit_many" if use_case == "submit" else use_case, down)

    # Act
    with pytest.raises(error):
        await r.dispatcher.handle(record)
    monkeypatch.undo()
    await r.dispatcher.handle(record)

    # Assert: the retry took effect, once
    assert r.dispatcher.handled == 2
    statuses = sorted(o.status for o in await orders_of(r))
    if use_case == "submit":
        assert statuses == [OrderStatus.ACCEPTED] * 2
    else:
        assert statuses == [OrderStatus.CANCELED]


# -- a fetch as one batch ------------------------------------------------------------------


Log = list[tuple[str, list[str]]]


def watch(r: Rig, monkeypatch: pytest.MonkeyPatch) -> Log:
    """The use cases the dispatcher reaches, in order, with the keys (or agent) they got."""
    log: Log = []

    def spy(target: object, name: str, keys: Callable[[Any], list[str]]) -> None:
        call = getattr(target, name)

        async def spied(arg: Any) -> Any:
            log.append((name, keys(arg)))
            return await call(arg)

        monkeypatch.setattr(target, name, spied)

    spy(r.e.orders, "submit_many", lambda commands: [c.idempotency_key for c in commands])
    spy(r.e.orders, "submit", lambda command: [command.idempotency_key])
    spy(r.e.agents, "record_heartbeat", lambda beat: [beat.agent_id])
    return log


async def handle_all(r: Rig, records: list[ConsumerRecord], *, batch: bool) -> list[Any]:
    """As one batch, or each record alone in order: the name of each record's exception."""
    if batch:
        outcomes: list[Exception | None] = await r.dispatcher.handle_batch(records)
    else:
        outcomes = []
        for record in records:
            try:
                await r.dispatcher.handle(record)
                outcomes.append(None)
            except Exception as exc:
                outcomes.append(exc)
    return [None if o is None else type(o).__name__ for o in outcomes]


async def test_a_batch_decides_exactly_as_one_record_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: two identical Bulwarks; with at most three open orders the tail is denied
    batched, single = await rig(), await rig()
    for r in (batched, single):
        await add_rule(r.e, RuleType.MAX_OPEN_ORDERS, {"max_open": 3})
    runs = []
    for r in (batched, single):
        envs = [r.envelope(resting(str(n + 1))) for n in range(5)]
        envs.insert(2, envs[1])  # sent twice: a second record with the same message
        runs.append([r.record(env) for env in envs])
    log = watch(batched, monkeypatch)

    # Act
    await handle_all(batched, runs[0], batch=True)
    await handle_all(single, runs[1], batch=False)

    # Assert
    assert batched.statuses() == single.statuses()
    assert [s for _, s, _ in batched.statuses()] == [OrderStatus.ACCEPTED] * 4 + [
        OrderStatus.DENIED
    ] * 2
    assert [d.reason_codes for d in batched.decisions] == [d.reason_codes for d in single.decisions]
    assert [(name, len(keys)) for name, keys in log] == [("submit_many", 6)]


async def test_a_command_that_is_not_a_submission_ends_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    r = await rig()
    log = watch(r, monkeypatch)
    envs = [r.envelope(resting()) for _ in range(3)]
    beat = r.envelope(HeartbeatCommand(AGENT_ID))
    records = [r.record(envs[0]), r.record(envs[1]), r.record(beat), r.record(envs[2])]

    # Act
    outcomes = await handle_all(r, records, batch=True)

    # Assert: the last submission waited for the heartbeat before it
    assert outcomes == [None] * 4
    assert log == [
        ("submit_many", [f"msg:{envs[0].id}", f"msg:{envs[1].id}"]),
        ("record_heartbeat", [AGENT_ID]),
        ("submit_many", [f"msg:{envs[2].id}"]),
    ]
    assert [d.message_id for d in r.decisions] == [e.id for e in envs]


async def test_runs_are_per_account_and_decisions_keep_the_record_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    r = await rig()
    log = watch(r, monkeypatch)
    mine = [r.envelope(resting()) for _ in range(2)]
    theirs = r.envelope(resting(), STRANGER, OTHER_ACCOUNT)
    records = [r.record(mine[0]), r.record(theirs, STRANGER_KEY), r.record(mine[1])]

    # Act
    outcomes = await handle_all(r, records, batch=True)

    # Assert
    assert outcomes == [None] * 3
    assert sorted(log) == [
        ("submit_many", [f"msg:{mine[0].id}", f"msg:{mine[1].id}"]),
        ("submit_many", [f"msg:{theirs.id}"]),
    ]
    # A run's decisions go out together: in record order per account (the topic is keyed by
    # client order id, so there is no order across accounts to keep).
    decided = [d.message_id for d in r.decisions]
    assert [m for m in decided if m != theirs.id] == [mine[0].id, mine[1].id]
    assert sorted(decided) == sorted([mine[0].id, mine[1].id, theirs.id])


async def test_a_poison_record_inside_a_run_fails_alone() -> None:
    # Arrange
    r = await rig()
    envs = [r.envelope(resting()) for _ in range(3)]
    records = [r.record(envs[0]), r.record(envs[1], "bwk_forged"), r.record(envs[2])]

    # Act
    outcomes = await handle_all(r, records, batch=True)

    # Assert
    assert outcomes == [None, "Poison", None]
    assert [d.message_id for d in r.decisions] == [envs[0].id, envs[2].id]


async def test_a_store_failure_in_a_run_fails_every_later_record_of_it() -> None:
    # Arrange: one order per batch, and only the first commit fails, so the later orders
    # of the run would succeed if the run went on without the first
    failures: list[BaseException] = [StoreUnavailable("down")]

    def flaky(e: Embedded) -> OrderService:
        return flaky_orders(e, failures, max_batch=1)

    r = await rig(orders=flaky)
    envs = [r.envelope(resting()) for _ in range(3)]
    records = [r.record(env) for env in envs]

    # Act: the runtime runs the unfinished records again
    first = await r.dispatcher.handle_batch(records)
    stored_after_the_failure = len(await orders_of(r))
    again = await r.dispatcher.handle_batch(records)

    # Assert
    assert [type(o) for o in first] == [StoreUnavailable] * 3
    assert stored_after_the_failure == 0
    assert again == [None] * 3
    assert [d.message_id for d in r.decisions] == [env.id for env in envs]
    assert len(await orders_of(r)) == 3


def failing_once(r: Rig, monkeypatch: pytest.MonkeyPatch, account_id: str) -> list[str]:
    """`account_id`'s next run of submissions fails (the store is down for it); the accounts
    each run was for, in the order the runs started."""
    submit_many = r.e.orders.submit_many
    runs: list[str] = []
    failed: list[str] = []

    async def spied(commands: list[Any]) -> list[Any]:
        runs.append(commands[0].account_id)
        if commands[0].account_id == account_id and not failed:
            failed.append(account_id)
            return [StoreUnavailable("the store went away")] * len(commands)
        return await submit_many(commands)

    monkeypatch.setattr(r.e.orders, "submit_many", spied)
    return runs


async def test_one_accounts_store_failure_leaves_the_others_decided_and_later_records_unrun(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    r = await rig()
    runs = failing_once(r, monkeypatch, ACCOUNT)
    mine = [r.envelope(resting()) for _ in range(2)]
    theirs = r.envelope(resting(), STRANGER, OTHER_ACCOUNT)
    beat = r.envelope(HeartbeatCommand(AGENT_ID))
    records = [
        r.record(mine[0]),
        r.record(theirs, STRANGER_KEY),
        r.record(mine[1]),
        r.record(beat),
    ]

    # Act
    outcomes = await r.dispatcher.handle_batch(records)
    decided_first = [d.message_id for d in r.decisions]
    again = await r.dispatcher.handle_batch([records[0], records[2], records[3]])

    # Assert: the other account's order is decided and published once; the failed account's
    # records and the heartbeat after them wait for the retry, which decides them in order
    assert [None if o is None else type(o) for o in outcomes] == [
        StoreUnavailable,
        None,
        StoreUnavailable,
        Skipped,
    ]
    assert decided_first == [theirs.id]
    assert again == [None] * 3
    assert [d.message_id for d in r.decisions] == [theirs.id, mine[0].id, mine[1].id]
    assert sorted(runs) == sorted([ACCOUNT, OTHER_ACCOUNT, ACCOUNT])
    assert len(await orders_of(r, OTHER_ACCOUNT)) == 1
    assert len(await orders_of(r)) == 2


async def test_interleaved_accounts_are_decided_per_account_in_record_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: A B A B A
    r = await rig()
    log = watch(r, monkeypatch)
    mine = [r.envelope(resting(str(n + 1))) for n in range(3)]
    theirs = [r.envelope(resting(str(n + 1)), STRANGER, OTHER_ACCOUNT) for n in range(2)]
    envs = [mine[0], theirs[0], mine[1], theirs[1], mine[2]]
    records = [r.record(e, STRANGER_KEY if e.account_id == OTHER_ACCOUNT else AGENT_KEY)
               for e in envs]  # fmt: skip

    # Act
    outcomes = await r.dispatcher.handle_batch(records)

    # Assert
    assert outcomes == [None] * 5
    assert sorted(log) == sorted([
        ("submit_many", [f"msg:{e.id}" for e in mine]),
        ("submit_many", [f"msg:{e.id}" for e in theirs]),
    ])  # fmt: skip
    decided = [d.message_id for d in r.decisions]
    assert [m for m in decided if m in {e.id for e in mine}] == [e.id for e in mine]
    assert [m for m in decided if m in {e.id for e in theirs}] == [e.id for e in theirs]
    stored = sorted(await orders_of(r), key=lambda o: o.quantity)
    assert [o.idempotency_key for o in stored] == [f"msg:{e.id}" for e in mine]


async def test_an_unreadable_record_inside_a_run_is_poison_alone_and_ends_no_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    r = await rig()
    log = watch(r, monkeypatch)
    envs = [r.envelope(resting()) for _ in range(2)]
    records = [r.record(envs[0]), r.record(None, value=b"{not json"), r.record(envs[1])]

    # Act
    outcomes = await r.dispatcher.handle_batch(records)

    # Assert
    assert outcomes[0] is None and outcomes[2] is None
    assert isinstance(outcomes[1], Poison) and outcomes[1].code == "INVALID_JSON"
    assert [(name, len(keys)) for name, keys in log] == [("submit_many", 2)]
    assert [d.message_id for d in r.decisions] == [e.id for e in envs]


# -- credentials -------------------------------------------------------------------------


@pytest.mark.parametrize(("ttl", "logins"), [(60.0, 1), (0.0, 2)])
async def test_a_credential_is_checked_once_while_it_is_remembered(ttl: float, logins: int) -> None:
    # Arrange
    r = await rig(auth_ttl=ttl)
    records = [r.record(r.envelope(HeartbeatCommand(AGENT_ID))) for _ in range(2)]

    # Act
    for record in records:
        await r.dispatcher.handle(record)

    # Assert
    assert r.logins == [AGENT_KEY] * logins
    assert r.dispatcher.handled == 2


# -- numbers: the strict parser and the order's terms --------------------------------------


def order_record(r: Rig, quantity: str, limit_price: str = "95") -> ConsumerRecord:
    """A resting limit buy written as JSON text, numbers exactly as a sender would write them."""
    payload = (
        f'{{"type":"order.submit","symbol":"AAPL","side":"buy","quantity":"{quantity}",'
        f'"order_type":"limit","limit_price":"{limit_price}"}}'
    )
    value = (
        f'{{"id":"n-{quantity}-{limit_price}","v":1,"principal":"{AGENT_ID}",'
        f'"ts":"2026-01-05T14:30:00Z","account_id":"{ACCOUNT}","payload":{payload}}}'
    ).encode()
    return r.record(None, value=value)


@pytest.mark.parametrize(
    ("quantity", "limit_price", "code", "named"),
    [
        ("1e-20", "95", "SCHEMA_VIOLATION", "payload.quantity"),
        ("1_0", "95", "SCHEMA_VIOLATION", "payload.quantity"),
        ("NaN", "95", "SCHEMA_VIOLATION", "payload.quantity"),
        ("1", "1e-30", "SCHEMA_VIOLATION", "payload.limit_price"),
        ("1", "1e999999", "SCHEMA_VIOLATION", "payload.limit_price"),
        ("1.5", "95", "INVALID_QUANTITY", "lots"),
        ("20000000", "95", "INVALID_QUANTITY", "notional"),
        ("1", "95.001", "INVALID_PRICE", "ticks"),
    ],
)
async def test_an_out_of_range_number_in_a_command_goes_to_the_dlq_with_the_reason(
    quantity: str, limit_price: str, code: str, named: str
) -> None:
    # Arrange
    r = await rig()
    record = order_record(r, quantity, limit_price)

    # Act
    with pytest.raises(Poison) as raised:
        await r.dispatcher.handle(record)

    # Assert
    assert raised.value.code == code
    assert named in raised.value.detail
    assert r.decisions == []
    assert await orders_of(r) == []


async def test_a_command_with_valid_numbers_in_the_same_form_is_decided() -> None:
    # Arrange
    r = await rig()

    # Act
    await r.dispatcher.handle(order_record(r, "2", "95.01"))

    # Assert
    assert [s for _, s, _ in r.statuses()] == [OrderStatus.ACCEPTED]


async def test_a_commands_audit_entries_carry_its_message_id_as_request_id() -> None:
    # Arrange
    r = await rig()
    envelope = r.envelope(halt_account(), OWNER)

    # Act
    await r.dispatcher.handle(r.record(envelope, OWNER_KEY))

    # Assert
    entries = [e for e in await r.e.audit.entries() if e.action == "kill_switch.activate"]
    assert entries
    assert all(e.request_id == f"kafka:{envelope.id}" and e.ip is None for e in entries)
