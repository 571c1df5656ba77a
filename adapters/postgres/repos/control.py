"""Risk rules, trading states, kill-switch records, agents and succession cases in SQL."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
from sqlalchemy import bindparam, delete, desc, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import SqlRepo, TrackedRepo, insert_for, upsert
from adapters.postgres.rows import record, row_of
from adapters.postgres.sqlite_loop_reads import loop_read
from adapters.postgres.tables.control import (
    agents,
    kill_switch_events,
    kill_switch_lockouts,
    kill_switch_passcodes,
    risk_rule_revision,
    risk_rules,
    succession_beneficiaries,
    succession_cases,
    trading_states,
)
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
from domain.succession.plan import ExecutionReport
from domain.succession.policy import SuccessionPolicy


def _instants(moments: list[datetime]) -> list[str]:
    """Aware datetimes as ISO 8601 UTC text for a Json column (naive ones are refused)."""
    if any(m.tzinfo is None for m in moments):
        raise ValueError("naive datetime: Bulwark stores timezone-aware UTC timestamps")
    encoded: list[str] = msgspec.to_builtins([m.astimezone(UTC) for m in moments])
    return encoded


def _durations(offsets: list[timedelta]) -> list[str]:
    encoded: list[str] = msgspec.to_builtins(offsets)
    return encoded


class _RowRepo(TrackedRepo[Any]):
    """Tracked aggregates of one row: an update writes only the columns that changed.

    Writing only what changed keeps two units of work that change different columns
    (a heartbeat and the watchdog declaring the agent dead) from undoing each other.
    """

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        if isinstance(before, dict):
            changed = {k: v for k, v in after.items() if before.get(k) != v}
            where = [self.table.c[k] == after[k] for k in self.keys]
            result = await conn.execute(update(self.table).where(*where).values(changed))
            if result.rowcount == 1:
                return
        # Added, or the row is gone: write it whole.
        await upsert(conn, self.table, after, self.keys)


class RiskRuleRepo(SqlRepo):
    """Risk rules; add() upserts by id and remove() deletes, both in call order at commit."""

    # Rules are immutable values, so add and remove are staged statements: a remove then
    # an add of the same id in one unit of work keeps the rule, as it does in memory.

    async def add(self, rule: RiskRule) -> None:
        row = _rule_row(rule)
        self._uow.stage(lambda conn: upsert(conn, risk_rules, row, ("id",)))
        self._uow.stage(_bump_revision)

    async def get(self, rule_id: str) -> RiskRule | None:
        query = select(risk_rules).where(risk_rules.c.id == rule_id)
        row = (await self._uow.execute(query)).first()
        return None if row is None else _rule(row)

    async def remove(self, rule_id: str) -> None:
        statement = delete(risk_rules).where(risk_rules.c.id == rule_id)
        self._uow.stage(lambda conn: conn.execute(statement))
        self._uow.stage(_bump_revision)

    def touch(self) -> None:
        self._uow.stage(_bump_revision)

    async def revision(self) -> int:
        found = (await self._uow.execute(_REVISION)).scalar()
        return 0 if found is None else int(found)

    async def list(self, owner_id: str | None = None) -> list[RiskRule]:
        query = select(risk_rules).order_by(risk_rules.c.id)
        if owner_id is not None:
            query = query.where(risk_rules.c.owner_id == owner_id)
        return [_rule(row) for row in (await self._uow.execute(query)).all()]


_REVISION = loop_read(select(risk_rule_revision.c.revision).where(risk_rule_revision.c.id == 1))


async def _bump_revision(conn: AsyncConnection) -> None:
    """revision + 1, in the rule write's transaction (the row is made by the first write)."""
    statement = insert_for(conn)(risk_rule_revision).values(id=1, revision=1)
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=["id"], set_={"revision": risk_rule_revision.c.revision + 1}
        )
    )


def _rule_row(rule: RiskRule) -> dict[str, Any]:
    # JSON values stay as they are; a Decimal becomes its exact text.
    return row_of(rule, risk_rules, params=msgspec.to_builtins(dict(rule.params)))


def _rule(r: Any) -> RiskRule:
    return record(
        RiskRule,
        r,
        rule_type=RuleType(r.rule_type),
        params=dict(r.params),
        scope=RuleScope(r.scope),
        action=Action(r.action),
    )


# Read once per order batch: built once, so its cache key and compiled form are reused.
# A keyed read of the order path: on SQLite it runs on the event loop's thread
# (adapters/postgres/sqlite_loop_reads.py).
_STATES_OF_SCOPES = loop_read(
    select(trading_states).where(
        trading_states.c.scope_key.in_(bindparam("scope_keys", expanding=True))
    )
)


class TradingStateRepo(_RowRepo):
    """Scope states by scope key; in-place changes of a loaded state are saved at commit.

    Not version-locked on purpose: a halt must never fail because another unit of
    work changed the same scope; the last whole change wins, as if they ran in turn.
    """

    kind = "trading_state"
    table = trading_states
    keys = ("scope_key",)

    def key_of(self, obj: Any) -> Hashable:
        return (obj.scope.key,)

    def to_row(self, s: ScopeState) -> dict[str, Any]:
        return {
            "scope_key": s.scope.key,
            "state": s.state.value,
            "reason": s.reason,
            "changed_by": s.changed_by,
            "changed_at": s.changed_at,
            "version": s.version,
        }

    def from_row(self, r: Any) -> ScopeState:
        return ScopeState(
            scope=Scope.parse(r.scope_key),
            state=TradingState(r.state),
            reason=r.reason,
            changed_by=r.changed_by,
            changed_at=r.changed_at,
            version=r.version,
        )

    async def get(self, scope_key: str) -> ScopeState | None:
        found: ScopeState | None = await self._one(trading_states.c.scope_key == scope_key)
        return found

    async def get_many(self, scope_keys: Sequence[str]) -> list[ScopeState | None]:
        """One statement for the scopes of an order (global, account, agent)."""
        rows = await self._many(_STATES_OF_SCOPES, {"scope_keys": list(scope_keys)})
        found = {state.scope.key: state for state in rows}
        return [found.get(key) for key in scope_keys]

    async def list(self) -> list[ScopeState]:
        return await self._many(select(trading_states).order_by(trading_states.c.scope_key))


class KillSwitchEventRepo(SqlRepo):
    """Append-only activations, listed newest first by (triggered_at, id)."""

    async def add(self, event: KillSwitchEvent) -> None:
        row = row_of(
            event,
            kill_switch_events,
            scope_key=event.scope.key,
            brokers=msgspec.to_builtins(event.brokers),
            unconfirmed_orders=msgspec.to_builtins(event.unconfirmed_orders),
        )
        statement = insert(kill_switch_events).values(row)
        self._uow.stage(lambda conn: conn.execute(statement))

    async def list(self, scope_key: str | None = None, limit: int = 100) -> list[KillSwitchEvent]:
        table = kill_switch_events
        query = select(table).order_by(desc(table.c.triggered_at), desc(table.c.id))
        if scope_key is not None:
            query = query.where(table.c.scope_key == scope_key)
        rows = (await self._uow.execute(query.limit(max(0, limit)))).all()
        return [_kill_switch_event(r) for r in rows]


def _kill_switch_event(r: Any) -> KillSwitchEvent:
    return record(
        KillSwitchEvent,
        r,
        trigger_type=TriggerType(r.trigger_type),
        scope=Scope.parse(r.scope_key),
        brokers=msgspec.convert(r.brokers, tuple[BrokerOutcome, ...], strict=False),
        unconfirmed_orders=msgspec.convert(
            r.unconfirmed_orders or [], tuple[UnconfirmedOrder, ...], strict=False
        ),
        elapsed_ms=float(r.elapsed_ms),
        store_unavailable=bool(r.store_unavailable),
        held_rejected=r.held_rejected or 0,
    )


class LockoutRepo(_RowRepo):
    """Failed-passcode counters; in-place changes of a loaded lockout are saved at commit."""

    kind = "lockout"
    table = kill_switch_lockouts
    keys = ("principal_id",)

    def key_of(self, obj: Any) -> Hashable:
        return (obj.principal_id,)

    def to_row(self, lockout: ActivationLockout) -> dict[str, Any]:
        return {
            "principal_id": lockout.principal_id,
            "failures": _instants(lockout.failures),
            "max_failures": lockout.max_failures,
            "failure_window": lockout.window,
        }

    def from_row(self, r: Any) -> ActivationLockout:
        return ActivationLockout(
            principal_id=r.principal_id,
            failures=msgspec.convert(r.failures, list[datetime], strict=False),
            max_failures=r.max_failures,
            window=r.failure_window,
        )

    async def get(self, principal_id: str) -> ActivationLockout | None:
        found: ActivationLockout | None = await self._one(
            kill_switch_lockouts.c.principal_id == principal_id
        )
        return found


class PasscodeRepo(SqlRepo):
    """Passcode hashes per principal; set() replaces at commit."""

    async def set(self, principal_id: str, passcode_hash: str) -> None:
        row = {"principal_id": principal_id, "passcode_hash": passcode_hash}
        self._uow.stage(lambda conn: upsert(conn, kill_switch_passcodes, row, ("principal_id",)))

    async def get(self, principal_id: str) -> str | None:
        query = select(kill_switch_passcodes.c.passcode_hash).where(
            kill_switch_passcodes.c.principal_id == principal_id
        )
        found: str | None = (await self._uow.execute(query)).scalar_one_or_none()
        return found

    async def hashes(self) -> dict[str, str]:
        query = select(kill_switch_passcodes.c.principal_id, kill_switch_passcodes.c.passcode_hash)
        return {r.principal_id: r.passcode_hash for r in await self._uow.execute(query)}


class AgentRepo(_RowRepo):
    """Agents with their last heartbeat; in-place changes are saved at commit."""

    kind = "agent"
    table = agents

    def to_row(self, a: Agent) -> dict[str, Any]:
        return row_of(a, agents, account_ids=list(a.account_ids))

    def from_row(self, r: Any) -> Agent:
        return record(Agent, r, account_ids=tuple(r.account_ids), liveness=Liveness(r.liveness))

    async def get(self, agent_id: str) -> Agent | None:
        found: Agent | None = await self._one(agents.c.id == agent_id)
        return found

    async def list(self, owner_id: str | None = None) -> list[Agent]:
        query = select(agents).order_by(agents.c.id)
        if owner_id is not None:
            query = query.where(agents.c.owner_id == owner_id)
        return await self._many(query)


class SuccessionRepo(_RowRepo):
    """Succession cases (updates checked against the loaded `version`) and beneficiaries.

    The lock matters here: a check-in racing the scheduler's trigger must not be lost,
    or a living owner's accounts would be liquidated.
    """

    kind = "succession_case"
    table = succession_cases
    keys = ("owner_id",)

    def key_of(self, obj: Any) -> Hashable:
        return (obj.owner_id,)

    def to_row(self, case: SuccessionCase) -> dict[str, Any]:
        return {**self.dump(case), "version": case.version}

    def dump(self, case: SuccessionCase) -> dict[str, Any]:
        # `version` is left out: it is the lock, read from the object when writing.
        policy = case.policy
        execution = case.execution
        return {
            "owner_id": case.owner_id,
            "check_in_interval": policy.check_in_interval,
            "grace_period": policy.grace_period,
            "reminder_schedule": _durations(list(policy.reminder_schedule)),
            "liquidate": policy.liquidate,
            "enabled": policy.enabled,
            "last_check_in": case.last_check_in,
            "status": case.status.value,
            "cycle": case.cycle,
            "reminders_sent": _durations(sorted(case.reminders_sent)),
            "grace_started_at": case.grace_started_at,
            "triggered_at": case.triggered_at,
            "execution": None if execution is None else _execution(execution),
        }

    def from_row(self, r: Any) -> SuccessionCase:
        policy = SuccessionPolicy(
            owner_id=r.owner_id,
            check_in_interval=r.check_in_interval,
            grace_period=r.grace_period,
            reminder_schedule=msgspec.convert(
                r.reminder_schedule, tuple[timedelta, ...], strict=False
            ),
            liquidate=r.liquidate,
            enabled=r.enabled,
        )
        execution = r.execution
        return SuccessionCase(
            owner_id=r.owner_id,
            policy=policy,
            last_check_in=r.last_check_in,
            status=SuccessionStatus(r.status),
            cycle=r.cycle,
            reminders_sent=msgspec.convert(r.reminders_sent, frozenset[timedelta], strict=False),
            grace_started_at=r.grace_started_at,
            triggered_at=r.triggered_at,
            execution=(
                None
                if execution is None
                else msgspec.convert(execution, ExecutionReport, strict=False)
            ),
            version=r.version,
        )

    async def write(self, conn: AsyncConnection, obj: Any, before: Any, after: Any) -> None:
        case: SuccessionCase = obj
        if not isinstance(before, dict):
            await upsert(conn, succession_cases, {**after, "version": case.version}, self.keys)
            return
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        result = await conn.execute(
            update(succession_cases)
            .where(
                succession_cases.c.owner_id == case.owner_id,
                succession_cases.c.version == case.version,
            )
            .values(**changed, version=case.version + 1)
        )
        if result.rowcount != 1:
            raise ConcurrentUpdate(f"succession of {case.owner_id} was changed by someone else")
        case.version += 1

    async def get(self, owner_id: str) -> SuccessionCase | None:
        found: SuccessionCase | None = await self._one(succession_cases.c.owner_id == owner_id)
        return found

    async def set_beneficiaries(self, owner_id: str, beneficiaries: list[Beneficiary]) -> None:
        rows = [
            {
                "owner_id": owner_id,
                "position": position,
                "beneficiary_id": b.id,
                "name": b.name,
                "share_percent": b.share_percent,
                "contact": b.contact,
            }
            for position, b in enumerate(beneficiaries)
        ]

        async def replace(conn: AsyncConnection) -> None:
            table = succession_beneficiaries
            await conn.execute(delete(table).where(table.c.owner_id == owner_id))
            if rows:
                await conn.execute(insert(table), rows)

        self._uow.stage(replace)

    async def beneficiaries(self, owner_id: str) -> list[Beneficiary]:
        table = succession_beneficiaries
        query = select(table).where(table.c.owner_id == owner_id).order_by(table.c.position)
        return [
            Beneficiary(r.beneficiary_id, r.name, r.share_percent, r.contact)
            for r in (await self._uow.execute(query)).all()
        ]

    # Last: a method named `list` would shadow the builtin in later annotations.
    async def list(self) -> list[SuccessionCase]:
        return await self._many(select(succession_cases).order_by(succession_cases.c.owner_id))


def _execution(report: ExecutionReport) -> dict[str, Any]:
    return {
        "executed_at": _instants([report.executed_at])[0],
        "completed_steps": [step.value for step in report.completed_steps],
        "summary": report.summary,
    }
