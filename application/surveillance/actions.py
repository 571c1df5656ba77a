"""What a new HIGH alert does, by policy: pause the agents behind it, or warn only.

Pause: each agent named by the evidence is halted through the kill switch's agent scope
(trigger `surveillance`: its open orders cancelled at the broker and the cancels confirmed
by querying the broker again, as any kill switch). An agent already halted is left as it is.
Orders no agent placed (a person's, a strategy's) have nobody to pause: warned instead.
Every automatic action is audited (`surveillance.pause` / `surveillance.warn`, actor
`system`); a pause is undone like any halt, by the four-eyes resume. The desk (risk officers
and admins) and the owner are notified of every new HIGH alert.

At least once: the alert is stored with action PENDING before anything is done, and the
action's outcome saved after; a run that stopped in between does the pending ones again at
its next start (`retry_pending`), and a halt already in place is not engaged twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from application.core.retry import retry_on_conflict
from application.safety.triggers import already_engaged
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal, Role
from domain.surveillance.cases import Alert, AlertAction, SurveillancePolicy
from domain.surveillance.detections import from_us
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.surveillance.surveillance import SurveillanceStore

SYSTEM = Principal.system().id
_DESK = frozenset({Role.RISK_OFFICER, Role.ADMIN})
EVENT_TYPE = "surveillance.alert"


class AgentHalter(Protocol):
    """The kill switch's automatic trigger (KillSwitchService.trigger)."""

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent: ...


@dataclass(eq=False)
class SurveillanceActions:
    """Acts on new HIGH alerts by policy (see the module docstring)."""

    store: SurveillanceStore
    uow_factory: UnitOfWorkFactory
    halter: AgentHalter
    audit: AuditLog
    notifier: Notifier
    clock: Clock
    policy: SurveillancePolicy = SurveillancePolicy.PAUSE

    async def handle(self, alerts: Sequence[Alert]) -> None:
        """Acts on each alert still PENDING (new HIGH ones), in order."""
        for alert in alerts:
            if alert.action is AlertAction.PENDING:
                await self._notify(alert)
                await self._act(alert)

    async def retry_pending(self) -> int:
        """The actions a previous run stored but did not finish, or that failed (alerts not
        closed); returns how many."""
        pending = await self.store.pending()
        for alert in pending:
            await self._act(alert)
        return len(pending)

    async def _act(self, alert: Alert) -> None:
        detection = alert.detection
        if self.policy is SurveillancePolicy.WARN or not detection.agents:
            why = "policy: warn" if detection.agents else "no agent placed these orders"
            await self._record("surveillance.warn", f"user:{detection.owner_id}", "warned", alert)
            await self._finish(alert, AlertAction.WARNED, why)
            return
        outcomes, failed = [], False
        for agent_id in detection.agents:
            scope = Scope.agent(agent_id)
            try:
                async with self.uow_factory() as uow:
                    halted = await already_engaged(uow, scope, TriggerType.SURVEILLANCE)
                if halted:
                    outcomes.append(f"{scope.key} already halted")
                    await self._record("surveillance.pause", scope.key, "already halted", alert)
                    continue
                reason = (
                    f"surveillance: {detection.pattern.value} alert {alert.id} "
                    f"(score {detection.score})"
                )
                record = await self.halter.trigger(scope, TriggerType.SURVEILLANCE, reason)
            except Exception as exc:  # recorded on the alert and audited; retried next start
                failed = True
                outcomes.append(f"{scope.key} failed: {type(exc).__name__}")
                await self._record("surveillance.pause", scope.key, "failed", alert)
                continue
            confirmed = "confirmed" if record.broker_confirmed else "NOT confirmed"
            outcomes.append(f"{scope.key} halted ({record.id}, {confirmed})")
            extra = {"kill_switch": record.id, "broker_confirmed": record.broker_confirmed,
                     "orders_cancelled": record.orders_cancelled}  # fmt: skip
            await self._record("surveillance.pause", scope.key, "paused", alert, extra)
        action = AlertAction.FAILED if failed else AlertAction.PAUSED
        await self._finish(alert, action, "; ".join(outcomes))

    async def _finish(self, alert: Alert, action: AlertAction, detail: str) -> None:
        async def save() -> None:
            current = await self.store.get(alert.id)
            if current is None:
                return
            current.acted(action, detail)
            await self.store.save(current, current.version - 1)
            alert.action, alert.action_detail = current.action, current.action_detail

        await retry_on_conflict(save)

    async def _notify(self, alert: Alert) -> None:
        d = alert.detection
        async with self.uow_factory() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        subject = f"Surveillance: {d.pattern.value} by {d.owner_id} in {d.symbol} (HIGH)"
        doing = (
            "The agents behind it are being paused."
            if self.policy is SurveillancePolicy.PAUSE and d.agents
            else "No automatic pause (warn only)."
        )
        body = (
            f"Alert {alert.id}: {d.pattern.value}, score {d.score}, accounts "
            f"{', '.join(d.accounts) or '-'}, agents {', '.join(d.agents) or '-'}. {doing}"
        )
        for user_id in dict.fromkeys([*desk, d.owner_id]):
            await self.notifier.notify(
                Notification(
                    user_id,
                    subject,
                    body,
                    Severity.CRITICAL,
                    event_type=EVENT_TYPE,
                    occurred_at=from_us(d.detected_us),  # the order event that completed it
                )
            )

    async def _record(
        self,
        action: str,
        target: str,
        outcome: str,
        alert: Alert,
        extra: dict[str, object] | None = None,
    ) -> None:
        d = alert.detection
        details = {"alert_id": alert.id, "pattern": d.pattern.value, "score": d.score,
                   "owner_id": d.owner_id, "symbol": d.symbol, **(extra or {})}  # fmt: skip
        await self.audit.record(
            AuditEntry(SYSTEM, action, target, outcome, self.clock.now(), details)
        )
