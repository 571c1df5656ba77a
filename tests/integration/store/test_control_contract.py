"""Contract of the control repositories (rules, kill switch, agents, succession) on every store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import text

from domain.agents.heartbeat import Agent, Liveness
from domain.errors import ConcurrentUpdate
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import (
    ActivationLockout,
    BrokerOutcome,
    KillSwitchEvent,
    ScopeState,
    TriggerType,
    UnconfirmedOrder,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.succession.beneficiaries import Beneficiary
from domain.succession.case import SuccessionCase, SuccessionStatus
from domain.succession.plan import ExecutionReport, StepKind
from domain.succession.policy import SuccessionPolicy
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, 15, 123456, tzinfo=UTC)
PLUS_TWO = timezone(timedelta(hours=2))


def _fields(obj: object, *names: str) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in names)


# -- risk rules ---------------------------------------------------------------------


def _rule(rule_id: str, owner_id: str = "u-1", **kw: Any) -> RiskRule:
    return RiskRule(rule_id, owner_id, kw.pop("rule_type", RuleType.MAX_ORDER_QUANTITY), **kw)


async def test_a_risk_rule_round_trips_every_field_and_its_params(store: StoreUnderTest) -> None:
    params = {
        "max_quantity": 100,
        "max_pct_equity": 0.25,
        "symbols": ["AAPL", "MSFT"],
        "allow_reducing": True,
        "limits": {"start": "09:30", "note": None},
    }
    full = _rule(
        "r-1",
        rule_type=RuleType.MAX_POSITION_SIZE,
        params=params,
        scope=RuleScope.STRATEGY,
        action=Action.REDUCE,
        is_active=False,
        strategy_id="strat-7",
        agent_id="agent-2",
        account_id="acc-3",
        name="Position cap",
    )
    bare = _rule("r-2", scope=RuleScope.GLOBAL)
    await store.save("risk_rules", full, bare)

    async with store.uow() as uow:
        loaded_full = await uow.risk_rules.get("r-1")
        loaded_bare = await uow.risk_rules.get("r-2")
        unknown = await uow.risk_rules.get("r-404")

    assert loaded_full == full
    assert loaded_full is not None and loaded_full.params == params
    assert loaded_full.rule_type is RuleType.MAX_POSITION_SIZE
    assert (loaded_full.scope, loaded_full.action) == (RuleScope.STRATEGY, Action.REDUCE)
    assert loaded_bare == bare
    assert loaded_bare is not None and loaded_bare.account_id is None
    assert unknown is None


async def test_rules_are_listed_per_owner_or_all_and_kept_only_by_commit(
    store: StoreUnderTest,
) -> None:
    rules = [_rule("r-1", "u-1"), _rule("r-2", "u-2"), _rule("r-3", "u-1")]
    async with store.uow() as uow:
        for rule in rules:
            await uow.risk_rules.add(rule)
    async with store.uow() as uow:
        before_commit = await uow.risk_rules.list()
        for rule in rules:
            await uow.risk_rules.add(rule)
        await uow.commit()

    async with store.uow() as uow:
        everything = await uow.risk_rules.list()
        of_u1 = await uow.risk_rules.list("u-1")
        of_nobody = await uow.risk_rules.list("u-404")

    assert before_commit == []
    assert sorted(r.id for r in everything) == ["r-1", "r-2", "r-3"]
    assert sorted(r.id for r in of_u1) == ["r-1", "r-3"]
    assert of_nobody == []


async def test_adding_a_rule_again_replaces_it_and_removal_applies_at_commit(
    store: StoreUnderTest,
) -> None:
    await store.save("risk_rules", _rule("r-1", params={"max_quantity": 10}), _rule("r-2"))
    replacement = _rule("r-1", params={"max_quantity": 5}, is_active=False)
    await store.save("risk_rules", replacement)
    async with store.uow() as uow:
        await uow.risk_rules.remove("r-2")
    async with store.uow() as uow:
        kept_without_commit = await uow.risk_rules.get("r-2")
        await uow.risk_rules.remove("r-2")
        await uow.risk_rules.remove("r-404")
        await uow.risk_rules.remove("r-1")
        await uow.risk_rules.add(replacement)
        await uow.commit()

    async with store.uow() as uow:
        replaced = await uow.risk_rules.get("r-1")
        removed = await uow.risk_rules.get("r-2")

    assert kept_without_commit is not None
    assert replaced == replacement
    assert removed is None


async def test_the_rules_revision_moves_with_each_committed_write_and_only_then(
    store: StoreUnderTest,
) -> None:
    # Arrange
    async with store.uow() as uow:
        before = await uow.risk_rules.revision()

    # Act: an add and a remove committed; then an add rolled back.
    await store.save("risk_rules", _rule("r-1"))
    async with store.uow() as uow:
        after_add = await uow.risk_rules.revision()
        await uow.risk_rules.remove("r-1")
        await uow.commit()
    async with store.uow() as uow:
        after_remove = await uow.risk_rules.revision()
        await uow.risk_rules.add(_rule("r-2"))  # never committed
    async with store.uow() as uow:
        after_rollback = await uow.risk_rules.revision()

    # Assert
    assert before < after_add < after_remove
    assert after_rollback == after_remove


# -- trading states -----------------------------------------------------------------


async def test_an_absent_scope_has_no_state(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        assert await uow.trading_states.get(Scope.global_().key) is None
        assert await uow.trading_states.list() == []


async def test_scope_states_round_trip_for_every_kind_of_scope(store: StoreUnderTest) -> None:
    states = [
        ScopeState(Scope.global_()),
        ScopeState(Scope.account("acc-1"), TradingState.REDUCING, "margin", "u-9", T0, 3),
        ScopeState(Scope.agent("agent:x"), TradingState.HALTED, "dead agent", "system", T0),
    ]
    await store.save("trading_states", *states)

    async with store.uow() as uow:
        loaded = {s.scope.key: s for s in await uow.trading_states.list()}

    names = ("scope", "state", "reason", "changed_by", "changed_at", "version")
    assert set(loaded) == {"global:*", "account:acc-1", "agent:agent:x"}
    for state in states:
        assert _fields(loaded[state.scope.key], *names) == _fields(state, *names)
    assert loaded["agent:agent:x"].state is TradingState.HALTED


async def test_changes_to_a_loaded_scope_state_are_saved_without_add(
    store: StoreUnderTest,
) -> None:
    key = Scope.account("acc-1").key
    async with store.uow() as uow:
        await uow.trading_states.add(ScopeState(Scope.account("acc-1")))
    async with store.uow() as uow:
        assert await uow.trading_states.get(key) is None
        await uow.trading_states.add(ScopeState(Scope.account("acc-1")))
        await uow.commit()
    halted_at = datetime(2026, 3, 2, 16, 0, 1, 5, tzinfo=PLUS_TWO)
    async with store.uow() as uow:
        state = await uow.trading_states.get(key)
        assert state is not None
        state.change(TradingState.HALTED, "u-7", "manual stop", halted_at)
        await uow.commit()

    async with store.uow() as uow:
        loaded = await uow.trading_states.get(key)

    assert loaded is not None
    assert loaded.state is TradingState.HALTED
    assert (loaded.changed_by, loaded.reason) == ("u-7", "manual stop")
    assert loaded.changed_at == halted_at
    assert loaded.changed_at is not None and loaded.changed_at.utcoffset() is not None


async def test_one_state_object_per_scope_inside_a_unit_of_work(store: StoreUnderTest) -> None:
    await store.save("trading_states", ScopeState(Scope.global_()))

    async with store.uow() as uow:
        first = await uow.trading_states.get("global:*")
        second = await uow.trading_states.get("global:*")
        listed = await uow.trading_states.list()

    assert first is not None
    assert second is first
    assert listed[0] is first


# -- kill-switch events -------------------------------------------------------------


def _event(n: int, scope: Scope, **kw: Any) -> KillSwitchEvent:
    at = T0 + timedelta(minutes=n)
    fields: dict[str, Any] = {
        "id": f"ks-{n:02d}",
        "user_id": "u-1",
        "trigger_type": TriggerType.MANUAL,
        "scope": scope,
        "reason": f"stop {n}",
        "flatten": False,
        "orders_cancelled": n,
        "broker_confirmed": True,
        "brokers": (),
        "triggered_at": at,
        "halted_at": at + timedelta(milliseconds=2),
        "broadcast_at": at + timedelta(milliseconds=3),
        "cancel_sent_at": None,
        "confirmed_at": None,
        "elapsed_ms": 1.5,
    }
    fields.update(kw)
    return KillSwitchEvent(**fields)


async def test_a_kill_switch_event_round_trips_with_its_broker_outcomes(
    store: StoreUnderTest,
) -> None:
    outcomes = (
        BrokerOutcome("paper", ("acc-1", "acc-2"), 4, 4, 0, True, 1, closing_orders=2),
        BrokerOutcome("alpaca", ("acc-3",), 3, 1, 2, False, 5, errors=("timeout", "HTTP 503")),
    )
    full = _event(
        1,
        Scope.account("acc-1"),
        trigger_type=TriggerType.DAILY_LOSS,
        flatten=True,
        broker_confirmed=False,
        brokers=outcomes,
        cancel_sent_at=T0 + timedelta(milliseconds=40),
        confirmed_at=datetime(2026, 3, 2, 16, 31, tzinfo=PLUS_TWO),
        elapsed_ms=123.456789,
    )
    bare = _event(2, Scope.global_())
    await store.save("kill_switch_events", full, bare)

    async with store.uow() as uow:
        listed = await uow.kill_switch_events.list()

    assert listed == [bare, full]
    loaded = listed[1]
    assert loaded.brokers == outcomes
    assert loaded.unconfirmed_brokers == ("alpaca",)
    assert loaded.trigger_type is TriggerType.DAILY_LOSS
    assert loaded.scope == Scope.account("acc-1")
    assert (listed[0].cancel_sent_at, listed[0].confirmed_at) == (None, None)


async def test_a_kill_switch_event_keeps_the_orders_in_doubt_it_could_not_confirm(
    store: StoreUnderTest,
) -> None:
    doubtful = (UnconfirmedOrder("o-1", "acc-1", "alpaca", "BROKER_UNAVAILABLE: lookup"),)
    event = _event(1, Scope.account("acc-1"), broker_confirmed=False, unconfirmed_orders=doubtful)
    await store.save("kill_switch_events", event)

    async with store.uow() as uow:
        listed = await uow.kill_switch_events.list()

    assert listed == [event]
    assert listed[0].unconfirmed_orders == doubtful
    assert listed[0].unconfirmed_brokers == ("alpaca",)


async def test_a_kill_switch_event_made_while_the_store_was_down_says_so(
    store: StoreUnderTest,
) -> None:
    # Arrange
    event = _event(1, Scope.account("acc-1"), store_unavailable=True)

    # Act
    await store.save("kill_switch_events", event)
    async with store.uow() as uow:
        listed = await uow.kill_switch_events.list()

    # Assert
    assert listed == [event]
    assert listed[0].store_unavailable


async def test_a_kill_switch_event_keeps_the_held_orders_it_rejected(
    store: StoreUnderTest,
) -> None:
    # Arrange
    event = _event(1, Scope.agent("agent-1"), held_rejected=3)

    # Act
    await store.save("kill_switch_events", event, _event(2, Scope.global_()))
    async with store.uow() as uow:
        listed = await uow.kill_switch_events.list()

    # Assert
    assert [e.held_rejected for e in listed] == [0, 3]
    assert listed[1] == event


async def test_kill_switch_events_list_newest_first_by_scope_within_the_limit(
    store: StoreUnderTest,
) -> None:
    account, agent = Scope.account("acc-1"), Scope.agent("agent-1")
    async with store.uow() as uow:
        for n, scope in ((1, account), (2, agent), (3, account)):
            await uow.kill_switch_events.add(_event(n, scope))
        await uow.commit()
    await store.save("kill_switch_events", _event(4, agent), _event(5, account))
    async with store.uow() as uow:
        await uow.kill_switch_events.add(_event(6, account))

    async with store.uow() as uow:
        everything = await uow.kill_switch_events.list()
        of_account = await uow.kill_switch_events.list(account.key)
        latest_two = await uow.kill_switch_events.list(limit=2)
        latest_of_agent = await uow.kill_switch_events.list(agent.key, 1)
        of_nobody = await uow.kill_switch_events.list(Scope.account("acc-9").key)
        none = await uow.kill_switch_events.list(limit=0)

    assert [e.id for e in everything] == ["ks-05", "ks-04", "ks-03", "ks-02", "ks-01"]
    assert [e.id for e in of_account] == ["ks-05", "ks-03", "ks-01"]
    assert [e.id for e in latest_two] == ["ks-05", "ks-04"]
    assert [e.id for e in latest_of_agent] == ["ks-04"]
    assert of_nobody == []
    assert none == []


async def test_kill_switch_events_keep_the_seed_columns(store: StoreUnderTest) -> None:
    if store.engine is None:
        pytest.skip("the seed schema is a SQL table")
    await store.save("kill_switch_events", _event(1, Scope.account("acc-1"), user_id="u-5"))

    async with store.engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT id, user_id, trigger_type, orders_cancelled, broker_confirmed,"
                    " scope_key FROM kill_switch_events"
                )
            )
        ).one()

    assert tuple(row) == ("ks-01", "u-5", "manual", 1, True, "account:acc-1")


# -- lockouts and passcodes ---------------------------------------------------------


async def test_a_lockout_round_trips_and_is_kept_only_by_commit(store: StoreUnderTest) -> None:
    failures = [T0, datetime(2026, 3, 2, 16, 31, 0, 42, tzinfo=PLUS_TWO)]
    lockout = ActivationLockout("u-1", failures, 3, timedelta(minutes=7, microseconds=5))
    async with store.uow() as uow:
        await uow.lockouts.add(lockout)
    async with store.uow() as uow:
        assert await uow.lockouts.get("u-1") is None
        await uow.lockouts.add(lockout)
        await uow.commit()

    async with store.uow() as uow:
        loaded = await uow.lockouts.get("u-1")
        unknown = await uow.lockouts.get("u-404")

    assert loaded is not None
    assert _fields(loaded, "principal_id", "failures", "max_failures", "window") == (
        "u-1",
        failures,
        3,
        timedelta(minutes=7, microseconds=5),
    )
    assert all(t.utcoffset() is not None for t in loaded.failures)
    assert unknown is None


async def test_failures_on_a_loaded_lockout_are_saved_without_add(store: StoreUnderTest) -> None:
    await store.save("lockouts", ActivationLockout("u-1"))
    async with store.uow() as uow:
        lockout = await uow.lockouts.get("u-1")
        assert lockout is not None
        lockout.record_failure(T0)
        lockout.record_failure(T0 + timedelta(seconds=1))
        await uow.commit()
    async with store.uow() as uow:
        failed = await uow.lockouts.get("u-1")
        assert failed is not None
        failures = list(failed.failures)
        failed.reset()
        await uow.commit()

    async with store.uow() as uow:
        reset = await uow.lockouts.get("u-1")

    assert failures == [T0, T0 + timedelta(seconds=1)]
    assert reset is not None and reset.failures == []


async def test_passcode_hashes_are_set_replaced_and_kept_only_by_commit(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.passcodes.set("u-1", "$argon2id$v=19$first")
    async with store.uow() as uow:
        before_commit = await uow.passcodes.get("u-1")
        await uow.passcodes.set("u-1", "$argon2id$v=19$first")
        await uow.passcodes.set("u-2", "$argon2id$v=19$other")
        await uow.commit()
    async with store.uow() as uow:
        await uow.passcodes.set("u-1", "$argon2id$v=19$second")
        await uow.commit()

    async with store.uow() as uow:
        first = await uow.passcodes.get("u-1")
        other = await uow.passcodes.get("u-2")
        unknown = await uow.passcodes.get("u-404")
        every = await uow.passcodes.hashes()

    assert before_commit is None
    assert (first, other, unknown) == ("$argon2id$v=19$second", "$argon2id$v=19$other", None)
    assert every == {"u-1": "$argon2id$v=19$second", "u-2": "$argon2id$v=19$other"}


# -- agents -------------------------------------------------------------------------

AGENT_FIELDS = (
    "id",
    "owner_id",
    "name",
    "account_ids",
    "threshold",
    "liveness",
    "last_heartbeat",
    "reported_status",
    "died_at",
)


async def test_an_agent_round_trips_with_its_last_heartbeat(store: StoreUnderTest) -> None:
    dead = Agent(
        "agent-1",
        "u-1",
        "Momentum bot",
        ("acc-1", "acc-2"),
        timedelta(seconds=7, microseconds=500),
        Liveness.DEAD,
        T0,
        "rebalancing",
        T0 + timedelta(seconds=9),
    )
    fresh = Agent("agent-2", "u-1")
    await store.save("agents", dead, fresh)

    async with store.uow() as uow:
        loaded_dead = await uow.agents.get("agent-1")
        loaded_fresh = await uow.agents.get("agent-2")
        unknown = await uow.agents.get("agent-404")

    assert _fields(loaded_dead, *AGENT_FIELDS) == _fields(dead, *AGENT_FIELDS)
    assert _fields(loaded_fresh, *AGENT_FIELDS) == _fields(fresh, *AGENT_FIELDS)
    assert loaded_dead is not None and loaded_dead.liveness is Liveness.DEAD
    assert unknown is None


async def test_agents_are_listed_per_owner_or_all_one_object_per_row(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.agents.add(Agent("agent-9", "u-2"))
    async with store.uow() as uow:
        before_commit = await uow.agents.list()
        for agent_id, owner in (("agent-1", "u-1"), ("agent-2", "u-2"), ("agent-3", "u-1")):
            await uow.agents.add(Agent(agent_id, owner))
        await uow.commit()

    async with store.uow() as uow:
        everything = await uow.agents.list()
        of_u1 = await uow.agents.list("u-1")
        of_nobody = await uow.agents.list("u-404")
        got = await uow.agents.get("agent-1")

    assert before_commit == []
    assert sorted(a.id for a in everything) == ["agent-1", "agent-2", "agent-3"]
    assert sorted(a.id for a in of_u1) == ["agent-1", "agent-3"]
    assert of_nobody == []
    assert got is next(a for a in everything if a.id == "agent-1")


async def test_heartbeats_and_death_of_loaded_agents_are_saved_without_add(
    store: StoreUnderTest,
) -> None:
    await store.save("agents", Agent("agent-1", "u-1", last_heartbeat=T0, liveness=Liveness.ALIVE))
    beat = T0 + timedelta(seconds=2)

    # Two units of work change different columns of one agent: neither undoes the other.
    async with store.uow() as beating, store.uow() as watchdog:
        seen_by_beat = await beating.agents.get("agent-1")
        seen_by_watchdog = await watchdog.agents.get("agent-1")
        assert seen_by_beat is not None and seen_by_watchdog is not None
        seen_by_beat.record_heartbeat("trading", beat)
        await beating.commit()
        seen_by_watchdog.declare_dead(T0 + timedelta(seconds=10))
        await watchdog.commit()

    async with store.uow() as uow:
        loaded = await uow.agents.get("agent-1")

    assert loaded is not None
    assert (loaded.last_heartbeat, loaded.reported_status) == (beat, "trading")
    assert loaded.liveness is Liveness.DEAD
    assert loaded.died_at == T0 + timedelta(seconds=10)


# -- succession ---------------------------------------------------------------------

CASE_FIELDS = (
    "owner_id",
    "policy",
    "last_check_in",
    "status",
    "cycle",
    "reminders_sent",
    "grace_started_at",
    "triggered_at",
    "execution",
    "version",
)
POLICY = SuccessionPolicy(
    "u-1",
    check_in_interval=timedelta(days=10, microseconds=7),
    grace_period=timedelta(days=2, hours=3),
    reminder_schedule=(timedelta(days=5), timedelta(hours=36), timedelta(minutes=90)),
    liquidate=True,
)


def _executed_case() -> SuccessionCase:
    case = SuccessionCase.enroll(POLICY, T0)
    case.evaluate(T0 + timedelta(days=6))
    case.evaluate(T0 + timedelta(days=10, hours=1))
    case.evaluate(T0 + timedelta(days=13))
    report = ExecutionReport(
        datetime(2026, 3, 15, 18, 0, tzinfo=PLUS_TWO),
        (StepKind.HALT_ACCOUNTS, StepKind.LIQUIDATE, StepKind.ALLOCATE),
        "done",
    )
    case.mark_executed(report)
    return case


async def test_a_succession_case_round_trips_policy_state_and_execution(
    store: StoreUnderTest,
) -> None:
    executed = _executed_case()
    reminded = SuccessionCase.enroll(SuccessionPolicy("u-2", enabled=False), T0)
    reminded.reminders_sent = frozenset({timedelta(days=7), timedelta(days=1)})
    await store.save("succession", executed, reminded)

    async with store.uow() as uow:
        loaded = {c.owner_id: c for c in await uow.succession.list()}
        unknown = await uow.succession.get("u-404")

    assert executed.status is SuccessionStatus.EXECUTED
    assert _fields(loaded["u-1"], *CASE_FIELDS) == _fields(executed, *CASE_FIELDS)
    assert _fields(loaded["u-2"], *CASE_FIELDS) == _fields(reminded, *CASE_FIELDS)
    assert loaded["u-1"].status is SuccessionStatus.EXECUTED
    assert unknown is None


async def test_changes_to_a_loaded_case_are_saved_without_add_and_only_by_commit(
    store: StoreUnderTest,
) -> None:
    async with store.uow() as uow:
        await uow.succession.add(SuccessionCase.enroll(POLICY, T0))
    async with store.uow() as uow:
        assert await uow.succession.list() == []
        await uow.succession.add(SuccessionCase.enroll(POLICY, T0))
        await uow.commit()
    async with store.uow() as uow:
        case = await uow.succession.get("u-1")
        assert case is not None
        assert await uow.succession.get("u-1") is case
        case.evaluate(T0 + timedelta(days=11))
        await uow.commit()
        case.check_in(T0 + timedelta(days=12))
        await uow.commit()

    async with store.uow() as uow:
        loaded = await uow.succession.get("u-1")

    assert loaded is not None
    assert loaded.status is SuccessionStatus.ACTIVE
    assert (loaded.last_check_in, loaded.cycle) == (T0 + timedelta(days=12), 1)
    assert (loaded.reminders_sent, loaded.grace_started_at) == (frozenset(), None)


async def test_concurrent_case_updates_conflict_instead_of_losing_a_check_in(
    store: StoreUnderTest,
) -> None:
    if store.kind == "memory":
        pytest.skip("one shared object per case in memory: there is no stale copy to write")
    await store.save("succession", SuccessionCase.enroll(POLICY, T0))

    async with store.uow() as owner, store.uow() as scheduler:
        checking_in = await owner.succession.get("u-1")
        evaluating = await scheduler.succession.get("u-1")
        assert checking_in is not None and evaluating is not None
        evaluating.evaluate(T0 + timedelta(days=11))
        checking_in.check_in(T0 + timedelta(days=10, hours=23))
        await owner.commit()
        with pytest.raises(ConcurrentUpdate):
            await scheduler.commit()

    async with store.uow() as uow:
        final = await uow.succession.get("u-1")
    assert final is not None
    assert (final.status, final.cycle, final.version) == (SuccessionStatus.ACTIVE, 1, 1)


async def test_beneficiaries_keep_their_order_and_are_replaced_as_a_whole(
    store: StoreUnderTest,
) -> None:
    first = [
        Beneficiary("b-z", "Zoe", Decimal("33.333"), "zoe@example.com"),
        Beneficiary("b-a", "Adam", Decimal("33.333"), "adam@example.com"),
        Beneficiary("b-m", "Mia", Decimal("33.334"), "+44 20 7946 0000"),
    ]
    second = [Beneficiary("b-q", "Quinn", Decimal("100"), "quinn@example.com")]
    async with store.uow() as uow:
        await uow.succession.set_beneficiaries("u-1", first)
    async with store.uow() as uow:
        before_commit = await uow.succession.beneficiaries("u-1")
        await uow.succession.set_beneficiaries("u-1", first)
        await uow.succession.set_beneficiaries("u-2", second)
        await uow.commit()
    async with store.uow() as uow:
        stored_first = await uow.succession.beneficiaries("u-1")
        await uow.succession.set_beneficiaries("u-1", second)
        await uow.commit()
    async with store.uow() as uow:
        await uow.succession.set_beneficiaries("u-2", [])
        await uow.commit()

    async with store.uow() as uow:
        replaced = await uow.succession.beneficiaries("u-1")
        emptied = await uow.succession.beneficiaries("u-2")
        unknown = await uow.succession.beneficiaries("u-404")

    assert before_commit == []
    assert stored_first == first
    assert [b.share_percent for b in stored_first] == [
        Decimal("33.333"),
        Decimal("33.333"),
        Decimal("33.334"),
    ]
    assert replaced == second
    assert (emptied, unknown) == ([], [])


async def test_get_many_answers_each_key_in_order_with_none_for_absent(
    store: StoreUnderTest,
) -> None:
    # Arrange: the account halted, the global scope stored active, no agent scope
    async with store.uow() as uow:
        await uow.trading_states.add(ScopeState(Scope.global_()))
        halted = ScopeState(Scope.account("acc-1"))
        halted.change(TradingState.HALTED, "u-7", "manual stop", datetime(2026, 3, 2, tzinfo=UTC))
        await uow.trading_states.add(halted)
        await uow.commit()
    keys = [Scope.agent("a-9").key, Scope.account("acc-1").key, Scope.global_().key]

    # Act
    async with store.uow() as uow:
        states = await uow.trading_states.get_many(keys)
        single = await uow.trading_states.get(Scope.global_().key)

    # Assert
    assert states[0] is None
    assert states[1] is not None and states[1].state is TradingState.HALTED
    assert states[2] is single  # the unit of work's one object per scope
