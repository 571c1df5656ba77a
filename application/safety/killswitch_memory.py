"""What the kill switch keeps in memory so that it still stops trading while the store is down.

The kill switch reads its passcodes, lockouts and accounts from the store. While the store
cannot be reached it falls back on what this process read last (docs/reliability.md, "The
kill switch while the store is down"):

- passcode hashes (Argon2id, never the passcodes) of the principals whose passcode was set or
  read since the process started, and their lockout counters, which go on counting here;
- accounts (broker and owner) the kill switch read, and the scopes a principal was allowed
  to change;
- what it did meanwhile: the activation records and audit entries not yet stored, kept
  until the store answers again and then written once (application/safety/killswitch_pending.py).

The kill switch runs on a thread of its own beside the API's loop, so this is thread-safe and
never awaits.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from domain.killswitch.switch import ActivationLockout, KillSwitchEvent
from domain.principals import Role
from ports.core.events import AuditEntry


@dataclass(frozen=True, slots=True)
class KnownAccount:
    """An account the kill switch read: where to cancel its orders, and whose it is."""

    account_id: str
    broker: str
    owner_id: str


class KillSwitchMemory:
    """The kill switch's last reads of the store, and what it still has to store."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._passcodes: dict[str, str] = {}
        self._failures: dict[str, list[datetime]] = {}
        self._accounts: dict[str, KnownAccount] = {}
        self._allowed: set[tuple[str, str]] = set()
        self._records: dict[str, KillSwitchEvent] = {}
        self._audits: list[AuditEntry] = []

    # -- what was read -----------------------------------------------------------------
    def remember_passcode(self, principal_id: str, hashed: str | None) -> None:
        with self._mutex:
            if hashed is None:
                self._passcodes.pop(principal_id, None)
            else:
                self._passcodes[principal_id] = hashed

    def passcode(self, principal_id: str) -> str | None:
        with self._mutex:
            return self._passcodes.get(principal_id)

    def remember_failures(self, principal_id: str, failures: list[datetime]) -> None:
        with self._mutex:
            self._failures[principal_id] = list(failures)

    def count_failure(
        self, principal_id: str, role: Role, now: datetime, max_failures: int
    ) -> ActivationLockout:
        """Count one attempt against the remembered lockout (the store's rule), before its
        check: the lockout as it stood before this attempt is returned for the caller's test."""
        with self._mutex:
            before = ActivationLockout(
                principal_id, list(self._failures.get(principal_id, ())), max_failures
            )
            if not before.is_locked(role, now):
                counted = ActivationLockout(principal_id, list(before.failures), max_failures)
                counted.record_failure(now)
                self._failures[principal_id] = counted.failures
            return before

    def forgive(self, principal_id: str) -> None:
        """The passcode matched: its failures are forgiven, as the store's lockout does."""
        with self._mutex:
            self._failures[principal_id] = []

    def remember_accounts(self, accounts: list[KnownAccount]) -> None:
        with self._mutex:
            for account in accounts:
                self._accounts[account.account_id] = account

    def account(self, account_id: str) -> KnownAccount | None:
        with self._mutex:
            return self._accounts.get(account_id)

    def accounts(self) -> list[KnownAccount]:
        with self._mutex:
            return sorted(self._accounts.values(), key=lambda a: a.account_id)

    def allow(self, principal_id: str, scope_key: str) -> None:
        with self._mutex:
            self._allowed.add((principal_id, scope_key))

    def allowed(self, principal_id: str, scope_key: str) -> bool:
        with self._mutex:
            return (principal_id, scope_key) in self._allowed

    # -- what is still to be stored ----------------------------------------------------
    def keep_record(self, record: KillSwitchEvent) -> None:
        with self._mutex:
            self._records[record.id] = record

    def keep_audit(self, entry: AuditEntry) -> None:
        with self._mutex:
            self._audits.append(entry)

    def take_records(self) -> list[KillSwitchEvent]:
        """Every record waiting, oldest first; each is taken by one caller only."""
        with self._mutex:
            records = sorted(self._records.values(), key=lambda r: (r.triggered_at, r.id))
            self._records.clear()
            return records

    def take_audits(self) -> list[AuditEntry]:
        with self._mutex:
            audits, self._audits = self._audits, []
            return audits

    def pending(self) -> int:
        """How many records and audit entries wait for the store."""
        with self._mutex:
            return len(self._records) + len(self._audits)
