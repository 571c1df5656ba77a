"""Succession use cases: the owner's policy, check-ins and heirs, and the scheduler that acts."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from application.core.access import ensure_may_change
from application.core.audited import AuditedService, audit
from application.safety.killswitch import KillSwitchService
from application.safety.triggers import SYSTEM, held_marks
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal, Role
from domain.succession import (
    US_FEDERAL_2026,
    AllocateToBeneficiaries,
    Beneficiary,
    BeneficiaryAllocation,
    CancelOrders,
    EstateTaxSchedule,
    EstimateEstateTax,
    ExecutionReport,
    HaltAccounts,
    InvalidBeneficiaryAllocation,
    Liquidate,
    PlanStep,
    SuccessionCase,
    SuccessionGraceStarted,
    SuccessionPlan,
    SuccessionPolicy,
    SuccessionReminderDue,
    SuccessionStatus,
    SuccessionUnderWay,
    build_plan,
)
from domain.trading.accounts import Account, MissingMark
from ports.core.clock import Clock
from ports.core.events import AuditLog, EventPublisher, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

ZERO = Decimal(0)
_NOT_PEOPLE = frozenset({Role.AGENT, Role.SYSTEM})


@dataclass(frozen=True, slots=True)
class SetSuccessionPolicy:
    """The owner enrols, or replaces the policy (which also counts as a check-in)."""

    principal: Principal
    policy: SuccessionPolicy


@dataclass(frozen=True, slots=True)
class SetBeneficiaries:
    """The owner's beneficiaries, replacing any before; shares must sum to exactly 100."""

    principal: Principal
    beneficiaries: tuple[Beneficiary, ...]


@dataclass(frozen=True, slots=True)
class SuccessionView:
    """Where an owner's succession stands; `next_reminder_at` is None outside ACTIVE."""

    owner_id: str
    status: SuccessionStatus
    enabled: bool
    liquidate: bool
    last_check_in: datetime
    deadline: datetime
    trigger_at: datetime
    next_reminder_at: datetime | None
    executed_at: datetime | None
    summary: str | None


def succession_view(case: SuccessionCase) -> SuccessionView:
    pending = [
        case.deadline - offset
        for offset in case.policy.reminder_schedule
        if offset not in case.reminders_sent
    ]
    reminding = case.status is SuccessionStatus.ACTIVE and case.policy.enabled
    report = case.execution
    return SuccessionView(
        owner_id=case.owner_id,
        status=case.status,
        enabled=case.policy.enabled,
        liquidate=case.policy.liquidate,
        last_check_in=case.last_check_in,
        deadline=case.deadline,
        trigger_at=case.trigger_at,
        next_reminder_at=min(pending) if reminding and pending else None,
        executed_at=report.executed_at if report else None,
        summary=report.summary if report else None,
    )


class SuccessionService(AuditedService):
    """The owner's own succession: only that person (never an agent) may act on it."""

    async def set_policy(self, cmd: SetSuccessionPolicy) -> SuccessionView:
        _require_person(cmd.principal)
        if cmd.policy.owner_id != cmd.principal.id:
            raise Forbidden("a succession policy can only be set by its owner")
        now = self._clock.now()
        async with self._uow() as uow:
            case = await uow.succession.get(cmd.principal.id)
            if case is None:
                case = SuccessionCase.enroll(cmd.policy, now)
                await uow.succession.add(case)
                action = "succession.enroll"
            else:
                case.update_policy(cmd.policy, now)
                action = "succession.update_policy"
            view = await self._commit(uow, case)
        policy = cmd.policy
        details = {
            "check_in_interval_s": policy.check_in_interval.total_seconds(),
            "grace_period_s": policy.grace_period.total_seconds(),
            "liquidate": policy.liquidate,
            "enabled": policy.enabled,
            "deadline": view.deadline.isoformat(),
        }
        await self._record(cmd.principal.id, action, "ok", details)
        return view

    async def check_in(self, principal: Principal) -> SuccessionView:
        """The owner is alive; during the grace period this calls the succession off."""
        _require_person(principal)
        async with self._uow() as uow:
            case = await _case(uow, principal.id)
            was_grace = case.status is SuccessionStatus.GRACE
            case.check_in(self._clock.now())
            view = await self._commit(uow, case)
        outcome = "ok: succession called off during grace" if was_grace else "ok"
        await self._record(principal.id, "succession.check_in", outcome)
        return view

    async def status(self, principal: Principal) -> SuccessionView:
        async with self._uow() as uow:
            return succession_view(await _case(uow, principal.id))

    async def policy(self, principal: Principal) -> SuccessionPolicy:
        """The owner's current policy; NotFound until they enrol."""
        async with self._uow() as uow:
            return (await _case(uow, principal.id)).policy

    async def set_beneficiaries(self, cmd: SetBeneficiaries) -> list[Beneficiary]:
        _require_person(cmd.principal)
        group = BeneficiaryAllocation.of(cmd.beneficiaries)
        for beneficiary in group.beneficiaries:
            if not beneficiary.contact.strip():
                raise InvalidBeneficiaryAllocation(f"beneficiary {beneficiary.id} needs a contact")
        async with self._uow() as uow:
            case = await uow.succession.get(cmd.principal.id)
            if case is not None and case.is_under_way:
                raise SuccessionUnderWay(
                    f"succession of {case.owner_id} is {case.status.value}: "
                    "cannot change beneficiaries"
                )
            await uow.succession.set_beneficiaries(cmd.principal.id, list(group.beneficiaries))
            await uow.commit()
        shares = {b.id: str(b.share_percent) for b in group.beneficiaries}
        await self._record(cmd.principal.id, "succession.set_beneficiaries", "ok", shares)
        return list(group.beneficiaries)

    async def beneficiaries(self, principal: Principal) -> list[Beneficiary]:
        async with self._uow() as uow:
            return await uow.succession.beneficiaries(principal.id)

    async def _commit(self, uow: UnitOfWork, case: SuccessionCase) -> SuccessionView:
        await uow.commit()
        await self._publisher.publish(uow.collect_events())
        return succession_view(case)

    async def _record(
        self, owner_id: str, action: str, outcome: str, details: Mapping[str, object] | None = None
    ) -> None:
        await audit(self._audit, self._clock, owner_id, action, _target(owner_id), outcome, details)


@dataclass(frozen=True, slots=True)
class SuccessionExecution:
    """A carried-out succession; `plan` is None when there was nothing to allocate."""

    owner_id: str
    plan: SuccessionPlan | None
    estate_value: Decimal
    kill_switches: tuple[KillSwitchEvent, ...]
    report: ExecutionReport


@dataclass(frozen=True, slots=True)
class SchedulerRun:
    """What one run did, by owner; `incomplete` executions are retried on the next run."""

    reminded: tuple[str, ...]
    grace_started: tuple[str, ...]
    executed: tuple[SuccessionExecution, ...]
    incomplete: Mapping[str, str]


class _Incomplete(Exception):
    """A plan step the brokers did not confirm; the case stays TRIGGERED for the next run."""


class SuccessionScheduler(AuditedService):
    """Run by a scheduler: sends reminders and grace notices, and executes triggered cases.

    Execution halts every account of the owner (orders cancelled, positions closed when
    the policy liquidates), values the estate at marks, taxes and allocates it, audits
    each step and tells the beneficiaries. Executed cases are left alone; a case whose
    execution the brokers did not confirm stays TRIGGERED and is executed again next run.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        killswitch: KillSwitchService,
        market_data: MarketDataPort,
        publisher: EventPublisher,
        clock: Clock,
        audit: AuditLog,
        notifier: Notifier,
        tax_schedule: EstateTaxSchedule = US_FEDERAL_2026,
    ) -> None:
        super().__init__(uow_factory, publisher, clock, audit)
        self._killswitch = killswitch
        self._market = market_data
        self._notifier = notifier
        self._tax = tax_schedule
        self._running = asyncio.Lock()

    async def run(self, now: datetime | None = None) -> SchedulerRun:
        async with self._running:
            return await self._run(now or self._clock.now())

    async def _run(self, at: datetime) -> SchedulerRun:
        reminded: list[str] = []
        grace: list[str] = []
        async with self._uow() as uow:
            cases = sorted(await uow.succession.list(), key=lambda c: c.owner_id)
            emitted = [event for case in cases for event in case.evaluate(at)]
            triggered = [c.owner_id for c in cases if c.status is SuccessionStatus.TRIGGERED]
            await uow.commit()
            events = uow.collect_events()
        await self._publisher.publish(events)
        for event in emitted:
            if isinstance(event, SuccessionReminderDue):
                reminded.append(event.owner_id)
                await self._remind(event)
            elif isinstance(event, SuccessionGraceStarted):
                grace.append(event.owner_id)
                await self._warn_grace(event)
        executed: list[SuccessionExecution] = []
        incomplete: dict[str, str] = {}
        for owner_id in triggered:
            try:
                executed.append(await self._execute(owner_id, at))
            except Exception as exc:  # one owner's failure must not stop the others
                why = str(exc) if isinstance(exc, _Incomplete) else f"{type(exc).__name__}: {exc}"
                incomplete[owner_id] = why
                await self._record(owner_id, "succession.execute", f"incomplete: {why}", {})
        return SchedulerRun(tuple(reminded), tuple(grace), tuple(executed), incomplete)

    async def _execute(self, owner_id: str, at: datetime) -> SuccessionExecution:
        async with self._uow() as uow:
            case = await _case(uow, owner_id)
            policy = case.policy
            account_ids = tuple(sorted(a.id for a in await uow.accounts.list(owner_id)))
            heirs = await uow.succession.beneficiaries(owner_id)
        reason = f"succession of {owner_id}: no check-in since {case.last_check_in.isoformat()}"
        records = tuple(
            [
                await self._killswitch.trigger(
                    Scope.account(account_id),
                    TriggerType.SUCCESSION,
                    reason,
                    flatten=policy.liquidate,
                )
                for account_id in account_ids
            ]
        )
        unconfirmed = [r for r in records if not r.broker_confirmed]
        # A halt unconfirmed only because the venue still shows positions is a liquidation
        # still to finish; any other is cancels the brokers did not confirm.
        left = sorted({p for r in unconfirmed for b in r.brokers for p in b.positions_remaining})
        not_cancelled = [
            r.scope.key
            for r in unconfirmed
            if not any(b.positions_remaining for b in r.brokers)
            or any(b.remaining_open for b in r.brokers)
        ]
        if not_cancelled:
            raise _Incomplete(f"cancels not confirmed on {', '.join(not_cancelled)}")
        if left:
            raise _Incomplete(f"positions still open: {', '.join(left)}")
        accounts = await self._accounts(account_ids)
        if policy.liquidate:
            held = sorted(
                {f"{a.id}:{s}" for a in accounts for s, p in a.positions.items() if p.quantity}
            )
            if held:
                raise _Incomplete(f"positions still open: {', '.join(held)}")
        estate = await self._estate(accounts)
        plan = (
            build_plan(policy, account_ids, estate, heirs, self._tax)
            if heirs and account_ids
            else None
        )
        steps = plan.steps if plan is not None else _protective_steps(policy, account_ids)
        for step in steps:
            await self._audit_step(owner_id, step, records)
        summary = _summary(owner_id, plan, account_ids, estate)
        report = ExecutionReport(
            max(at, self._clock.now()), tuple(step.kind for step in steps), summary
        )
        async with self._uow() as uow:
            case = await _case(uow, owner_id)
            case.mark_executed(report)
            await uow.commit()
            events = uow.collect_events()
        await self._publisher.publish(events)
        await self._record(owner_id, "succession.execute", "executed", {"summary": summary})
        await self._tell(owner_id, plan, heirs, summary)
        return SuccessionExecution(owner_id, plan, estate, records, report)

    async def _accounts(self, account_ids: Sequence[str]) -> list[Account]:
        async with self._uow() as uow:
            loaded = [await uow.accounts.get(account_id) for account_id in account_ids]
        return [a for a in loaded if a is not None]

    async def _estate(self, accounts: list[Account]) -> Decimal:
        """Sum of the accounts' equities at current marks."""
        marks = await held_marks(self._market, accounts)
        try:
            return sum((a.equity(marks) for a in accounts), ZERO)
        except MissingMark as exc:
            raise _Incomplete(f"no mark to value {exc}") from None

    async def _audit_step(
        self, owner_id: str, step: PlanStep, records: tuple[KillSwitchEvent, ...]
    ) -> None:
        details: dict[str, object] = {"description": step.description}
        if isinstance(step, HaltAccounts):
            details["kill_switches"] = [r.id for r in records]
        elif isinstance(step, CancelOrders):
            details["orders_cancelled"] = sum(r.orders_cancelled for r in records)
        elif isinstance(step, Liquidate):
            details["closing_orders"] = sum(b.closing_orders for r in records for b in r.brokers)
        elif isinstance(step, EstimateEstateTax):
            details["tax"] = str(step.estimate.tax)
        elif isinstance(step, AllocateToBeneficiaries):
            details["allocations"] = {a.beneficiary_id: str(a.amount) for a in step.allocations}
        await self._record(owner_id, f"succession.{step.kind.value}", "done", details)

    async def _remind(self, event: SuccessionReminderDue) -> None:
        await self._notifier.notify(
            Notification(
                event.owner_id,
                "Please check in",
                f"Check in before {_when(event.deadline)} to keep your succession plan "
                f"dormant ({_span(event.remaining)} left).",
                Severity.WARNING,
                event_type="succession.reminder",
            )
        )

    async def _warn_grace(self, event: SuccessionGraceStarted) -> None:
        await self._notifier.notify(
            Notification(
                event.owner_id,
                "Missed check-in: succession grace period started",
                f"You did not check in by {_when(event.deadline)}. Unless you check in before "
                f"{_when(event.trigger_at)}, your accounts will be halted and settled.",
                Severity.CRITICAL,
                event_type="succession.step",
            )
        )

    async def _tell(
        self,
        owner_id: str,
        plan: SuccessionPlan | None,
        heirs: list[Beneficiary],
        summary: str,
    ) -> None:
        await self._notifier.notify(
            Notification(
                owner_id,
                "Succession executed",
                summary,
                Severity.CRITICAL,
                event_type="succession.step",
            )
        )
        if plan is None:
            return
        amounts = {a.beneficiary_id: a.amount for a in plan.allocations}
        tax = plan.tax_estimate
        for heir in heirs:
            body = (
                f"{heir.name}, you are a beneficiary of {owner_id}: {amounts[heir.id]} "
                f"({heir.share_percent}% of the net estate of {tax.net_to_heirs}, after an "
                f"estimated estate tax of {tax.tax})."
            )
            await self._notifier.notify(
                Notification(
                    heir.contact,
                    f"Succession of {owner_id}",
                    body,
                    Severity.INFO,
                    event_type="succession.heir",
                )
            )

    async def _record(
        self, owner_id: str, action: str, outcome: str, details: Mapping[str, object]
    ) -> None:
        await audit(self._audit, self._clock, SYSTEM, action, _target(owner_id), outcome, details)


def _protective_steps(policy: SuccessionPolicy, account_ids: tuple[str, ...]) -> list[PlanStep]:
    """Without beneficiaries nothing is allocated; the accounts are still secured."""
    if not account_ids:
        return []
    steps: list[PlanStep] = [HaltAccounts(account_ids), CancelOrders(account_ids)]
    if policy.liquidate:
        steps.append(Liquidate(account_ids))
    return steps


def _summary(
    owner_id: str, plan: SuccessionPlan | None, account_ids: tuple[str, ...], estate: Decimal
) -> str:
    if not account_ids:
        return f"succession of {owner_id}: no accounts to settle"
    if plan is None:
        return (
            f"succession of {owner_id}: {len(account_ids)} accounts halted, estate {estate}; "
            "no beneficiaries on file, nothing allocated"
        )
    tax = plan.tax_estimate
    return (
        f"succession of {owner_id}: {len(account_ids)} accounts halted, estate {tax.gross}, "
        f"estimated tax {tax.tax}, {tax.net_to_heirs} allocated to "
        f"{len(plan.allocations)} beneficiaries"
    )


def _require_person(principal: Principal) -> None:
    # An agent checking in for its owner would defeat the dead man's switch.
    if principal.role in _NOT_PEOPLE:
        raise Forbidden("only the owner can act on their succession")
    ensure_may_change(principal)  # a viewer owns no accounts to hand on


async def _case(uow: UnitOfWork, owner_id: str) -> SuccessionCase:
    case = await uow.succession.get(owner_id)
    if case is None:
        raise NotFound(f"no succession policy for {owner_id}")
    return case


def _target(owner_id: str) -> str:
    return f"succession:{owner_id}"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _span(delta: timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    return f"{hours // 24}d {hours % 24}h"
