"""What key rotation keeps between runs: where each source's walk stopped, retired KEK versions.

A rotation walks every SealedRecordSource (ports/core/encryption.py) in cursor order. After each
batch it saves the last cursor it finished, with the KEK it was moving records to, so a run
that is interrupted (a crash, Ctrl-C, a deploy) resumes there instead of reading everything
again. A checkpoint made for another target KEK is stale (a newer version was added since)
and is ignored: the walk starts over, because records before it may still name the old KEK.

Retirement is recorded so that a KEK line the operator forgot to remove is noticed at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from ports.core.encryption import KeyRef


@dataclass(frozen=True, slots=True)
class RotationCheckpoint:
    """The last cursor of `source` finished while moving records to the KEK `target`."""

    source: str
    cursor: str
    target: KeyRef


@dataclass(frozen=True, slots=True)
class RetiredKey:
    """A KEK version nothing is sealed under any more, retired by `actor` at `at`."""

    kek: KeyRef
    at: datetime
    actor: str


class KeyRotationStore(Protocol):
    """Checkpoints per source and the retired KEK versions; small, written once per batch."""

    async def checkpoint(self, source: str) -> RotationCheckpoint | None: ...

    async def save_checkpoint(self, checkpoint: RotationCheckpoint) -> None:
        """Insert or replace the source's checkpoint."""
        ...

    async def clear_checkpoint(self, source: str) -> None:
        """The source was walked to its end: the next run starts from the beginning."""
        ...

    async def retire(self, retired: RetiredKey) -> bool:
        """Record the retirement; False (nothing written) when that version was retired before."""
        ...

    async def retired(self) -> list[RetiredKey]:
        """Every retired version, by key id then version."""
        ...


# The TOTP secrets, sealed by application/identity/auth.py: the record types they are bound to, and
# the rotation sources over their `users` columns (source name -> (column / User attribute, type)).
MFA_SECRET_RECORD = "user.mfa_secret"
PENDING_MFA_SECRET_RECORD = "user.pending_mfa_secret"
USER_SECRET_COLUMNS = {
    "users.mfa_secret": ("mfa_secret", MFA_SECRET_RECORD),
    "users.pending_mfa_secret": ("pending_mfa_secret", PENDING_MFA_SECRET_RECORD),
}
