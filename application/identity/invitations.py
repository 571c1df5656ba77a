"""Invitations (admin-issued, single-use, expiring) and open sign-up (off by default).

An invitation's token is shown once to the admin who created it (and, when it names an
email, delivered through the notifier); only its digest is stored. Accepting one creates
the user with the invited role and spends the invitation in the same transaction: of two
concurrent accepts exactly one commits (the other is refused INVITATION_USED).
"""

from __future__ import annotations

import asyncio
from dataclasses import KW_ONLY, dataclass
from datetime import datetime

from application.core.audited import audit
from application.identity.auth import UserView, user_view
from application.identity.public_throttle import ClientThrottle
from application.identity.user_admin import require_admin
from application.identity.user_sessions import checked_email, ensure_free, tell_user
from domain.errors import ConcurrentUpdate, NotFound
from domain.identity import (
    User,
    digest,
    new_secret,
    refresh_token_text,
    validate_password,
    validate_person_role,
    validate_username,
)
from domain.identity.onboarding import (
    DEFAULT_INVITATION_HOURS,
    Invitation,
    InvitationStatus,
    invitation_lifetime,
)
from domain.identity.onboarding_errors import InvitationInvalid, InvitationUsed, SignupClosed
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog, Notification, Notifier
from ports.core.security import PasswordHasher
from ports.core.unit_of_work import UnitOfWorkFactory

SIGNUP_ROLE = Role.OWNER


@dataclass(frozen=True, slots=True)
class InvitationView:
    """An invitation as listed (never its token)."""

    id: str
    role: Role
    email: str | None
    status: InvitationStatus
    created_by: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: str | None


@dataclass(frozen=True, slots=True)
class IssuedInvitation:
    """A new invitation and its token: the only time the token is shown."""

    invitation: InvitationView
    token: str


@dataclass(frozen=True, slots=True)
class NewUser:
    """What sign-up or an accepted invitation asks for."""

    username: str
    password: str
    email: str | None = None


@dataclass(eq=False)
class InvitationService:
    """Creates, lists, revokes and accepts invitations; signs up when sign-up is open."""

    uow_factory: UnitOfWorkFactory
    hasher: PasswordHasher
    clock: Clock
    ids: IdGenerator
    audit_log: AuditLog
    throttle: ClientThrottle
    notifier: Notifier | None = None
    _: KW_ONLY
    open_signup: bool = False

    async def create(
        self,
        actor: Principal,
        role: Role,
        email: str | None = None,
        hours: int = DEFAULT_INVITATION_HOURS,
    ) -> IssuedInvitation:
        require_admin(actor, "invite users")
        validate_person_role(role)
        address = checked_email(email)
        now = self.clock.now()
        secret = new_secret()
        invitation = Invitation(
            id=self.ids.new("inv-"),
            token_digest=digest(secret),
            role=role,
            created_by=actor.id,
            created_at=now,
            expires_at=now + invitation_lifetime(hours),
            email=address,
        )
        async with self.uow_factory() as uow:
            await uow.invitations.add(invitation)
            await uow.commit()
        token = refresh_token_text(invitation.id, secret)
        details = {"role": role.value, "email": address, "hours": hours}
        await self._record(actor.id, "invitation.create", invitation.id, "ok", details)
        if address is not None and self.notifier is not None:
            subject, body = _invitation_text(invitation, token)
            # The body holds the invitation token: email only, sealed at rest.
            await self.notifier.notify(
                Notification(address, subject, body, event_type="account.token", confidential=True)
            )
        return IssuedInvitation(self._view(invitation, now), token)

    async def list(self, actor: Principal) -> list[InvitationView]:
        require_admin(actor, "list invitations")
        now = self.clock.now()
        async with self.uow_factory() as uow:
            return [self._view(i, now) for i in await uow.invitations.list()]

    async def revoke(self, actor: Principal, invitation_id: str) -> InvitationView:
        require_admin(actor, "revoke invitations")
        now = self.clock.now()
        async with self.uow_factory() as uow:
            invitation = await uow.invitations.get(invitation_id)
            if invitation is None:
                raise NotFound(f"invitation {invitation_id} not found")
            invitation.revoke(now)
            await uow.invitations.add(invitation)
            await uow.commit()
        await self._record(actor.id, "invitation.revoke", invitation.id, "ok")
        return self._view(invitation, now)

    async def accept(self, token: str, new: NewUser, *, client: str | None = None) -> UserView:
        """Create the invited user; the token is spent. Wrong tokens count against the client."""
        await self.throttle.refuse_if_waiting(client)
        address = _valid(new)
        found = await self.throttle.token_record(
            token,
            client,
            lambda uow, invitation_id: uow.invitations.get(invitation_id),
            InvitationInvalid("unknown invitation token"),
        )
        found.check(self.clock.now())
        password_hash = await asyncio.to_thread(self.hasher.hash, new.password)
        now = self.clock.now()
        try:
            async with self.uow_factory() as uow:
                invitation = await uow.invitations.get(found.id)
                if invitation is None:
                    raise InvitationInvalid("unknown invitation token")
                invitation.check(now)
                email = address or invitation.email
                name = await ensure_free(uow, new.username, email)
                user = User(self.ids.new("usr-"), name, password_hash, invitation.role, now)
                user.email = email
                invitation.use(user.id, now)  # last: nothing after it can fail but the commit
                await uow.users.add(user)
                await uow.invitations.add(invitation)
                await uow.commit()
        except ConcurrentUpdate:
            raise InvitationUsed("this invitation was already used") from None
        details = {"username": name, "role": user.role.value, "invitation": invitation.id}
        await self._record(user.id, "invitation.accept", invitation.id, "ok", details)
        return user_view(user)

    async def signup(self, new: NewUser) -> UserView:
        """Open sign-up: an `owner` user. Refused (SIGNUP_CLOSED) unless the setting is on."""
        if not self.open_signup:
            raise SignupClosed("sign-up is closed: ask an admin for an invitation")
        address = _valid(new)
        password_hash = await asyncio.to_thread(self.hasher.hash, new.password)
        now = self.clock.now()
        async with self.uow_factory() as uow:
            name = await ensure_free(uow, new.username, address)
            user = User(self.ids.new("usr-"), name, password_hash, SIGNUP_ROLE, now)
            user.email = address
            await uow.users.add(user)
            await uow.commit()
        details = {"username": name, "role": SIGNUP_ROLE.value}
        await audit(
            self.audit_log, self.clock, user.id, "user.signup", f"user:{user.id}", "ok", details
        )
        await tell_user(self.notifier, user, "Welcome to Bulwark", f"Your user {name} is ready.")
        return user_view(user)

    @staticmethod
    def _view(invitation: Invitation, now: datetime) -> InvitationView:
        return InvitationView(
            id=invitation.id,
            role=invitation.role,
            email=invitation.email,
            status=invitation.status(now),
            created_by=invitation.created_by,
            created_at=invitation.created_at,
            expires_at=invitation.expires_at,
            used_at=invitation.used_at,
            used_by=invitation.used_by,
        )

    async def _record(
        self, actor: str, action: str, invitation_id: str, outcome: str, details: object = None
    ) -> None:
        shown = details if isinstance(details, dict) else {}
        target = f"invitation:{invitation_id}"
        await audit(self.audit_log, self.clock, actor, action, target, outcome, shown)


def _valid(new: NewUser) -> str | None:
    """Check what can be checked before hashing; the normalized email (None: none)."""
    validate_username(new.username)
    validate_password(new.password)
    return checked_email(new.email)


def _invitation_text(invitation: Invitation, token: str) -> tuple[str, str]:
    subject = "You are invited to Bulwark"
    body = (
        f"You are invited to Bulwark as {invitation.role.value}. Accept before "
        f"{invitation.expires_at.isoformat()} with POST /api/v1/auth/invitations/accept and "
        f"this token (it works once): {token}"
    )
    return subject, body
