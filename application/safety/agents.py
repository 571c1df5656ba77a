"""Agent use cases: registration, heartbeats, liveness, and the monitor that halts dead agents."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.core.access import SEES_ALL, ensure_may_change
from application.core.audited import AuditedService, audit
from application.core.inbox import claim
from application.safety.killswitch import KillSwitchService
from domain.agents.heartbeat import DEFAULT_THRESHOLD, Agent, Liveness
from domain.errors import Conflict, DomainError, Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, EventPublisher, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

SYSTEM = "system"
_NOT_OWNERS = frozenset({Role.AGENT, Role.SYSTEM})


class InvalidAgent(DomainError):
    """An agent registration is incomplete (empty id, threshold not positive)."""

    code = "INVALID_AGENT"


@dataclass(frozen=True, slots=True)
class RegisterAgent:
    """An owner registers an agent that may trade on some of the owner's accounts."""

    owner: Principal
    agent_id: str
    name: str = ""
    account_ids: tuple[str, ...] = ()
    threshold: timedelta = DEFAULT_THRESHOLD


@dataclass(frozen=True, slots=True)
class RecordHeartbeat:
    """A heartbeat, sent by the agent itself (or by its owner on its behalf)."""

    principal: Principal
    agent_id: str
    status: str = "ok"
    # A heartbeat message's id (Kafka): a redelivered beat must not extend liveness again.
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class AgentStatus:
    """An agent's liveness as of the clock's now.

    `liveness` is DEAD as soon as an alive agent is overdue, even before the monitor
    has declared it (`declared_dead` tells whether it has, and so whether its scope is
    halted); `seconds_since_heartbeat` is None for an agent never heard from.
    """

    agent_id: str
    owner_id: str
    name: str
    account_ids: tuple[str, ...]
    liveness: Liveness
    declared_dead: bool
    last_heartbeat: datetime | None
    seconds_since_heartbeat: float | None
    threshold_seconds: float
    reported_status: str
    died_at: datetime | None


def agent_status(agent: Agent, now: datetime) -> AgentStatus:
    liveness = Liveness.DEAD if agent.is_overdue(now) else agent.liveness
    since = None if agent.last_heartbeat is None else (now - agent.last_heartbeat).total_seconds()
    return AgentStatus(
        agent_id=agent.id,
        owner_id=agent.owner_id,
        name=agent.name,
        account_ids=agent.account_ids,
        liveness=liveness,
        declared_dead=agent.liveness is Liveness.DEAD,
        last_heartbeat=agent.last_heartbeat,
        seconds_since_heartbeat=since,
        threshold_seconds=agent.threshold.total_seconds(),
        reported_status=agent.reported_status,
        died_at=agent.died_at,
    )


class AgentService(AuditedService):
    """Registers agents and records their heartbeats; another owner's agent is NotFound."""

    async def register_agent(self, cmd: RegisterAgent) -> AgentStatus:
        """Every account must be the owner's own; an agent cannot register agents."""
        if cmd.owner.role in _NOT_OWNERS:
            raise Forbidden("only a person can register an agent")
        ensure_may_change(cmd.owner)
        if not cmd.agent_id.strip():
            raise InvalidAgent("agent id must not be empty")
        if cmd.threshold <= timedelta(0):
            raise InvalidAgent(f"heartbeat threshold must be positive, got {cmd.threshold}")
        account_ids = tuple(dict.fromkeys(cmd.account_ids))
        async with self._uow() as uow:
            for account_id in account_ids:
                account = await uow.accounts.get(account_id)
                if account is None or account.owner_id != cmd.owner.id:
                    raise NotFound(f"account {account_id} not found")
            if await uow.agents.get(cmd.agent_id) is not None:
                raise Conflict(f"agent {cmd.agent_id} already exists")
            agent = Agent(cmd.agent_id, cmd.owner.id, cmd.name, account_ids, cmd.threshold)
            await uow.agents.add(agent)
            await uow.commit()
            events = uow.collect_events()
        await self._publisher.publish(events)
        details = {"accounts": list(account_ids), "threshold_s": cmd.threshold.total_seconds()}
        await self._record(cmd.owner.id, "agent.register", agent.id, "ok", details)
        return agent_status(agent, self._clock.now())

    async def record_heartbeat(self, cmd: RecordHeartbeat) -> AgentStatus:
        """Note the heartbeat. A dead agent stays dead (and halted) until a person resumes it."""
        ensure_may_change(cmd.principal)
        now = self._clock.now()
        async with self._uow() as uow:
            agent = await uow.agents.get(cmd.agent_id)
            if agent is None or not _may_beat(cmd.principal, agent):
                raise NotFound(f"agent {cmd.agent_id} not found")
            await claim(uow, cmd.message_id, "agent.heartbeat", now)
            was = agent.liveness
            first_since_death = agent.died_at is not None and (
                agent.last_heartbeat is None or agent.last_heartbeat <= agent.died_at
            )
            agent.record_heartbeat(cmd.status, now)
            await uow.commit()
            events = uow.collect_events()
        await self._publisher.publish(events)
        # Heartbeats come every second or so: audit the changes, not every beat.
        if was is Liveness.PENDING and agent.liveness is Liveness.ALIVE:
            await self._record(cmd.principal.id, "agent.heartbeat", agent.id, "alive")
        elif first_since_death:
            await self._record(
                cmd.principal.id, "agent.heartbeat", agent.id, "ignored: agent declared dead"
            )
        return agent_status(agent, now)

    async def status(self, principal: Principal, agent_id: str) -> AgentStatus:
        async with self._uow() as uow:
            agent = await _visible_agent(uow, principal, agent_id)
        return agent_status(agent, self._clock.now())

    async def status_all(self, principal: Principal) -> list[AgentStatus]:
        """The principal's agents (every agent for a supervisor or viewer), by id."""
        async with self._uow() as uow:
            if principal.role in SEES_ALL:
                agents = await uow.agents.list()
            elif principal.role is Role.AGENT:
                own = await uow.agents.get(principal.id)
                agents = [own] if own is not None else []
            else:
                agents = await uow.agents.list(principal.id)
        now = self._clock.now()
        return [agent_status(a, now) for a in sorted(agents, key=lambda a: a.id)]

    async def _record(
        self,
        actor: str,
        action: str,
        agent_id: str,
        outcome: str,
        details: Mapping[str, object] | None = None,
    ) -> None:
        await audit(
            self._audit, self._clock, actor, action, Scope.agent(agent_id).key, outcome, details
        )


def _may_beat(principal: Principal, agent: Agent) -> bool:
    if principal.role is Role.AGENT:
        return principal.id == agent.id
    return principal.id == agent.owner_id


async def _visible_agent(uow: UnitOfWork, principal: Principal, agent_id: str) -> Agent:
    agent = await uow.agents.get(agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    if principal.role in SEES_ALL or _may_beat(principal, agent):
        return agent
    raise NotFound(f"agent {agent_id} not found")


@dataclass(frozen=True, slots=True)
class AgentDeath:
    """An agent the monitor declared dead (or whose halt it retried) and the switch it pulled."""

    agent_id: str
    owner_id: str
    last_heartbeat: datetime | None
    declared_at: datetime
    kill_switch: KillSwitchEvent


class HeartbeatMonitor(AuditedService):
    """Run by a scheduler: an alive agent silent past its threshold is declared dead.

    Its scope is halted through the kill switch, which cancels the agent's own open orders
    and leaves everyone else's (cancel-on-disconnect); AgentDied is published and the owner
    is told. A dead agent whose scope is not halted (a halt that failed half-way) is halted
    again; a person's resume revives the agent, so it is never overruled.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        killswitch: KillSwitchService,
        publisher: EventPublisher,
        clock: Clock,
        audit: AuditLog,
        notifier: Notifier,
    ) -> None:
        super().__init__(uow_factory, publisher, clock, audit)
        self._killswitch = killswitch
        self._notifier = notifier

    async def check(self) -> list[AgentDeath]:
        now = self._clock.now()
        async with self._uow() as uow:
            agents = sorted(await uow.agents.list(), key=lambda a: a.id)
            to_halt = [a for a in agents if a.is_overdue(now) and a.declare_dead(now)]
            declared = {a.id for a in to_halt}
            for agent in agents:
                if agent.liveness is Liveness.DEAD and agent.id not in declared:
                    state = await uow.trading_states.get(Scope.agent(agent.id).key)
                    if state is None or state.state is not TradingState.HALTED:
                        to_halt.append(agent)
            await uow.commit()
            events = uow.collect_events()
        await self._publisher.publish(events)
        # Concurrently: one unreachable broker must not delay another agent's cancels.
        return list(await asyncio.gather(*(self._halt(a, now) for a in to_halt)))

    async def _halt(self, agent: Agent, now: datetime) -> AgentDeath:
        heard = agent.last_heartbeat
        silent = "never" if heard is None else heard.isoformat()
        reason = (
            f"agent {agent.id} missed its heartbeat (threshold "
            f"{agent.threshold.total_seconds():g}s, last heard {silent})"
        )
        record = await self._killswitch.trigger(
            Scope.agent(agent.id), TriggerType.DEAD_AGENT, reason
        )
        details = {
            "last_heartbeat": None if heard is None else heard.isoformat(),
            "kill_switch": record.id,
            "orders_cancelled": record.orders_cancelled,
            "confirmed": record.broker_confirmed,
        }
        await self._audit.record(
            AuditEntry(
                SYSTEM, "agent.declared_dead", Scope.agent(agent.id).key, "halted", now, details
            )
        )
        confirmation = "confirmed" if record.broker_confirmed else "NOT confirmed by the broker"
        await self._notifier.notify(
            Notification(
                agent.owner_id,
                f"Agent {agent.name or agent.id} declared dead: trading halted",
                f"{reason}. Its {record.orders_cancelled} open orders were cancelled "
                f"({confirmation}). It stays halted until you resume it.",
                Severity.CRITICAL,
                event_type="agent.dead",
                # The heartbeat was lost when its threshold ran out, before this check saw it.
                occurred_at=now if heard is None else min(now, heard + agent.threshold),
            )
        )
        died_at = agent.died_at or now
        return AgentDeath(agent.id, agent.owner_id, agent.last_heartbeat, died_at, record)
