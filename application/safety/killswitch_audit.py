"""What the kill switch tells afterwards: its audit entries and the completion's notification."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from application.safety.killswitch_memory import KillSwitchMemory
from domain.errors import StoreUnavailable
from domain.killswitch.switch import KillSwitchEvent
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity


@dataclass(eq=False)
class KillSwitchAudit:
    """Records the kill switch's attempts in the audit log (kept in memory while the store is
    down) and reports each completed activation: an audit entry and a notification."""

    audit: AuditLog
    notifier: Notifier
    clock: Clock
    memory: KillSwitchMemory

    async def record(
        self,
        actor: str,
        action: str,
        target: str,
        outcome: str,
        details: Mapping[str, object] | None = None,
    ) -> None:
        entry = AuditEntry(actor, action, target, outcome, self.clock.now(), details or {})
        try:
            await self.audit.record(entry)
        except StoreUnavailable:
            self.memory.keep_audit(entry)  # stored with the kept records when the store is back

    async def completed(self, record: KillSwitchEvent) -> None:
        """An activation's outcome, once its record is kept: audited, and sent to its user
        (critical when a broker did not confirm)."""
        details = {
            "trigger": record.trigger_type.value,
            "confirmed": record.broker_confirmed,
            "orders_cancelled": record.orders_cancelled,
            "held_rejected": record.held_rejected,
            "unconfirmed_brokers": list(record.unconfirmed_brokers),
            "unconfirmed_orders": [o.order_id for o in record.unconfirmed_orders],
            "elapsed_ms": round(record.elapsed_ms, 3),
        }
        outcome = "confirmed" if record.broker_confirmed else "unconfirmed"
        await self.record(
            record.user_id, "kill_switch.activate", record.scope.key, outcome, details
        )
        await self.notifier.notify(
            Notification(
                record.user_id,
                "Kill switch activated",
                _summary(record),
                Severity.CRITICAL if not record.broker_confirmed else Severity.WARNING,
                event_type="killswitch.activated",
                occurred_at=record.halted_at,
            )
        )


def _summary(record: KillSwitchEvent) -> str:
    confirmation = (
        "confirmed by every broker"
        if record.broker_confirmed
        else "NOT confirmed by " + ", ".join(record.unconfirmed_brokers)
    )
    if record.unconfirmed_orders:
        named = ", ".join(f"{o.order_id} ({o.broker})" for o in record.unconfirmed_orders)
        confirmation += f"; orders still in doubt: {named}"
    held = f", {record.held_rejected} held orders rejected" if record.held_rejected else ""
    return (
        f"Trading halted for {record.scope.key} ({record.trigger_type.value}): "
        f"{record.orders_cancelled} orders cancelled{held}, {confirmation}."
    )
