"""The vault's periodic check: warn owners before their keys expire, purge rotated-out pairs.

Each key with an expiry date is warned once per threshold (domain WARNING_DAYS: 14, 3 and 1
day(s) before, and at expiry) through the Notifier with severity WARNING; `use()` already
refuses an expired key, so expiry needs no write beyond the warning mark. A previous pair
kept by a rotation is purged (its sealed texts set to nothing) once its grace has run out;
`use()` stops offering it at that instant whether or not the purge has run yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.keys.keys import VaultKey, due_warning, warned_through
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.keys.key_vault import KeyVaultStore


@dataclass(frozen=True, slots=True)
class ExpiryReport:
    warned: int
    purged: int


def warning_text(key: VaultKey, days: int) -> tuple[str, str]:
    name = f"{key.provider} key “{key.label}” ({key.key_hint})"
    if days == 0:
        return (
            f"Your {key.provider} key has expired",
            f"The {name} expired at {key.expires_at}; Bulwark no longer uses it. "
            "Rotate it (POST /api/v1/vault/keys/{id}/rotate) or set a new expiry.",
        )
    unit = "day" if days == 1 else "days"
    return (
        f"Your {key.provider} key expires within {days} {unit}",
        f"The {name} expires at {key.expires_at}. Rotate it before then to avoid an outage.",
    )


@dataclass(eq=False)
class KeyExpiryWatch:
    """`check()` is what the lifetime loop (bootstrap/key_vault.py) calls periodically."""

    store: KeyVaultStore
    notifier: Notifier
    clock: Clock
    audit: AuditLog

    async def check(self) -> ExpiryReport:
        now = self.clock.now()
        warned = purged = 0
        for key in await self.store.watched():
            if key.previous_until is not None and not key.in_grace(now):
                purged += await self.store.purge_previous(key.id, key.previous_until)
            days = due_warning(key, now)
            if days is None:
                continue
            subject, body = warning_text(key, days)
            await self.notifier.notify(
                Notification(key.owner_id, subject, body.replace("{id}", key.id), Severity.WARNING)
            )
            await self.store.set_warned(key.id, warned_through(key, days).warned)
            outcome = "expired" if days == 0 else f"warned_{days}d"
            await self.audit.record(
                AuditEntry(
                    "system", "vault_key.expiry", f"vault_key:{key.id}", outcome, now,
                    {"owner_id": key.owner_id, "provider": key.provider},
                )
            )  # fmt: skip
            warned += 1
        return ExpiryReport(warned, purged)
