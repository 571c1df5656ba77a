"""Pseudonymising an erased person's audit entries, so that no later user can match them.

An erased person's entries are kept (the audit chain is a record the law lets Bulwark keep),
but what names them is replaced (docs/audit.md, docs/privacy.md):

- the username, wherever it stands (the actor of a login attempt, `login:<username>`, a value
  in the details), becomes the user's pseudonym (`erased-` and 16 hex digits of a hash of
  the user id: no name a later user could take leads to it);
- their email, wherever it stands in the details, becomes the pseudonym too;
- in the entries they acted in, the client IP (the `ip` field, a `client` or `ip` detail, or
  any detail equal to one of those addresses) becomes `erased-` and 16 hex digits of an HMAC
  under a key drawn for this erasure and then forgotten: the entries of one erasure that
  came from one address still read alike, and nothing else can be matched to them.

User ids stay: they name no one once the user is erased, and are never given again.
The rewritten entries are committed to by an `audit.redact` entry (application/core/
audit_chain.py), so the chain still verifies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.privacy.personal_data import PSEUDONYM_PREFIX
from ports.core.events import AuditEntry

_ADDRESS_KEYS = frozenset({"client", "ip"})


@dataclass(frozen=True)
class ErasedPerson:
    """Who is being erased: their id, what named them, and the pseudonym they now have."""

    user_id: str
    username: str
    email: str | None
    pseudonym: str


class Pseudonymiser:
    """Rewrites one erased person's entries; one per erasure (its address key is its own)."""

    def __init__(self, person: ErasedPerson, key: bytes | None = None) -> None:
        self.person = person
        self._key = key if key is not None else secrets.token_bytes(32)
        names = {person.username: person.pseudonym}
        if person.email:
            names[person.email] = person.pseudonym
        names[f"login:{person.username}"] = f"login:{person.pseudonym}"
        self._names = names

    def address(self, ip: str) -> str:
        """An address as it is kept: keyed for this erasure only, naming no one."""
        mac = hmac.new(self._key, ip.encode("utf-8"), hashlib.sha256).hexdigest()
        return PSEUDONYM_PREFIX + mac[:16]

    def acted(self, entry: AuditEntry) -> bool:
        """Whether the person is the entry's actor (then its client address is theirs)."""
        person = self.person
        return person.user_id in (entry.actor, entry.actor_id) or entry.actor == person.username

    def rewrite(self, entry: AuditEntry) -> AuditEntry:
        """The entry naming no one (the entry itself when nothing in it names the person)."""
        addresses: set[str] = set()
        if self.acted(entry):
            addresses = {entry.ip} if entry.ip else set()
            addresses |= {
                str(value)
                for key, value in entry.details.items()
                if key in _ADDRESS_KEYS and isinstance(value, str) and value
            }
        replaced = {**self._names, **{ip: self.address(ip) for ip in addresses}}
        details = _replace(dict(entry.details), replaced)
        rewritten = dataclasses.replace(
            entry,
            actor=replaced.get(entry.actor, entry.actor),
            target=replaced.get(entry.target, entry.target),
            ip=replaced.get(entry.ip, entry.ip) if entry.ip is not None else None,
            details=details,
        )
        return entry if rewritten == entry else rewritten


def _replace(value: Any, replaced: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return replaced.get(value, value)
    if isinstance(value, dict):
        return {key: _replace(item, replaced) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, replaced) for item in value]
    return value
