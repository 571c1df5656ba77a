"""In-memory invitations and password-reset tokens (store.py's unit-of-work semantics).

Loaded objects are the stored ones, so a token one unit of work used is seen used by
every other at once: of two concurrent accepts the second is refused by the domain.
"""

from __future__ import annotations

from adapters.memory.repos import MemoryRepo
from domain.identity.onboarding import Invitation, PasswordResetToken


class InvitationRepo(MemoryRepo):
    async def add(self, invitation: Invitation) -> None:
        self._stage(lambda: self._store.invitations.__setitem__(invitation.id, invitation))

    async def get(self, invitation_id: str) -> Invitation | None:
        return self._store.invitations.get(invitation_id)

    async def list(self) -> list[Invitation]:
        found = list(self._store.invitations.values())
        return sorted(found, key=lambda i: (i.created_at, i.id), reverse=True)


class PasswordResetRepo(MemoryRepo):
    async def add(self, token: PasswordResetToken) -> None:
        self._stage(lambda: self._store.password_resets.__setitem__(token.id, token))

    async def get(self, token_id: str) -> PasswordResetToken | None:
        return self._store.password_resets.get(token_id)

    async def by_user(self, user_id: str) -> list[PasswordResetToken]:
        found = [t for t in list(self._store.password_resets.values()) if t.user_id == user_id]
        return sorted(found, key=lambda t: (t.created_at, t.id))
