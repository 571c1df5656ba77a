"""Users: admin management, invitations, open sign-up, password change and reset."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, delete, get, patch, post
from litestar.exceptions import PermissionDeniedException
from litestar.middleware.rate_limit import get_remote_address
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.identity import IdentityDep, problems
from adapters.http.identity.users_schemas import (
    AcceptInvitationIn,
    CreateUserIn,
    InvitationIn,
    InvitationsOut,
    IssuedInvitationOut,
    ManagedUserOut,
    PasswordChangeIn,
    PasswordResetConfirmIn,
    PasswordResetIn,
    ResetRequestedOut,
    RoleIn,
    SignupIn,
    UsersOut,
    role_of,
)
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.auth import TokenOut, UserOut
from adapters.http.security import PublicOperation, reject_agents
from application.identity.user_admin import MAX_PAGE
from domain.identity import normalize_username

UserId = FromPath[str]
_ADMIN = "Admins only (403 FORBIDDEN for anyone else)."
_TOKEN_CODES = "422 {prefix}_INVALID, {prefix}_EXPIRED, {prefix}_USED{more} (field `token`)"


class UsersController(Controller):
    """`/api/v1/users` — admins manage users; anyone may read themselves."""

    path = "/users"

    @post(
        "/",
        summary="Create a user (admin)",
        description=f"{_ADMIN} 409 CONFLICT when the username or email is taken; 422 "
        "INVALID_CREDENTIALS_INPUT or PASSWORD_TOO_COMMON (field named).",
        status_code=201,
        responses=problems(400, 409, 422, 429),
    )
    async def create_user(
        self, data: JSONBody[CreateUserIn], caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        admin = identity.users
        role = role_of(data.role)
        view = await identity.auth.create_user(
            data.username, data.password, role, actor=caller.principal, email=data.email
        )
        return ManagedUserOut.from_domain(await admin.get(caller.principal, view.id))

    @get(
        "/",
        summary="List users by username (admin), a page at a time",
        description=f"{_ADMIN} Pass `next_after` of a page as `after` for the next one.",
        responses=problems(400, 429),
    )
    async def list_users(
        self,
        caller: CallerDep,
        identity: IdentityDep,
        after: Annotated[str | None, QueryParameter(max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> UsersOut:
        cursor = None if after is None else normalize_username(after)
        return UsersOut.from_domain(await identity.users.list(caller.principal, cursor, limit))

    @get(
        "/{user_id:str}",
        summary="One user (an admin: anyone; others: themselves)",
        description="404 NOT_FOUND for an unknown user, or another user's id for a non-admin.",
        responses=problem_responses(401, 404, 429),
    )
    async def get_user(
        self, user_id: UserId, caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        return ManagedUserOut.from_domain(await identity.users.get(caller.principal, user_id))

    @patch(
        "/{user_id:str}",
        summary="Change a user's role (admin)",
        description=f"{_ADMIN} 403 OWN_ROLE_CHANGE for the admin's own role; 409 LAST_ADMIN "
        "when it would leave no active admin.",
        responses=problems(400, 404, 409, 429),
    )
    async def change_user_role(
        self, user_id: UserId, data: JSONBody[RoleIn], caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        changed = await identity.users.set_role(caller.principal, user_id, role_of(data.role))
        return ManagedUserOut.from_domain(changed)

    @post(
        "/{user_id:str}/deactivate",
        summary="Deactivate a user (admin): no login, every session ends at once",
        description=f"{_ADMIN} 403 OWN_ROLE_CHANGE for oneself; 409 LAST_ADMIN for the last "
        "active admin. The user's refresh tokens are revoked and access tokens refused.",
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def deactivate_user(
        self, user_id: UserId, caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        return ManagedUserOut.from_domain(
            await identity.users.deactivate(caller.principal, user_id)
        )

    @post(
        "/{user_id:str}/reactivate",
        summary="Reactivate a user (admin): they may log in again",
        description=f"{_ADMIN} An erased user never opens again: 409 USER_ERASED.",
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def reactivate_user(
        self, user_id: UserId, caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        return ManagedUserOut.from_domain(
            await identity.users.reactivate(caller.principal, user_id)
        )

    @post(
        "/{user_id:str}/mfa-reset",
        summary="Clear a user's TOTP secret and backup codes (admin); the user is told",
        description=f"{_ADMIN} The audit entry names the admin.",
        status_code=200,
        responses=problems(404, 429),
    )
    async def reset_user_mfa(
        self, user_id: UserId, caller: CallerDep, identity: IdentityDep
    ) -> ManagedUserOut:
        return ManagedUserOut.from_domain(await identity.users.reset_mfa(caller.principal, user_id))


class InvitationsController(Controller):
    """`/api/v1/invitations` — admins invite people with a role."""

    path = "/invitations"

    @post(
        "/",
        summary="Invite someone with a role (admin): the token is answered once",
        description=f"{_ADMIN} Only the token's digest is stored; with an `email` the token is "
        "also delivered there. `expires_in_hours` 1 to 720 (default 72).",
        status_code=201,
        responses=problems(400, 422, 429),
    )
    async def create_invitation(
        self, data: JSONBody[InvitationIn], caller: CallerDep, identity: IdentityDep
    ) -> IssuedInvitationOut:
        issued = await identity.invitations.create(
            caller.principal, role_of(data.role), data.email, data.expires_in_hours
        )
        return IssuedInvitationOut.from_domain(issued)

    @get(
        "/",
        summary="Invitations, newest first, with their status (admin); never their tokens",
        description=_ADMIN,
        responses=problems(429),
    )
    async def list_invitations(self, caller: CallerDep, identity: IdentityDep) -> InvitationsOut:
        found = await identity.invitations.list(caller.principal)
        return InvitationsOut.of(found)

    @delete(
        "/{invitation_id:str}",
        summary="Revoke an invitation (admin)",
        description=f"{_ADMIN} 204; a used invitation stays used.",
        status_code=204,
        responses=problems(404, 429),
    )
    async def revoke_invitation(
        self, invitation_id: FromPath[str], caller: CallerDep, identity: IdentityDep
    ) -> None:
        await identity.invitations.revoke(caller.principal, invitation_id)


class AccountAccessController(Controller):
    """`/api/v1/auth/...` — getting in: invitations, sign-up, password change and reset."""

    path = "/auth"

    @post(
        "/invitations/accept",
        summary="Accept an invitation: create the invited user",
        description=_TOKEN_CODES.format(prefix="INVITATION", more=", INVITATION_REVOKED")
        + "; 409 CONFLICT for a taken username or email. Wrong tokens count as failed logins "
        "of the client (429 LOGIN_THROTTLED).",
        status_code=201,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 409, 422, 429),
    )
    async def accept_invitation(
        self,
        data: JSONBody[AcceptInvitationIn],
        identity: IdentityDep,
        request: Request[Any, Any, Any],
    ) -> UserOut:
        client = get_remote_address(request)
        user = await identity.invitations.accept(data.token, data.to_domain(), client=client)
        return UserOut.from_domain(user)

    @post(
        "/signup",
        summary="Sign up as an owner (only when BULWARK_OPEN_SIGNUP=true)",
        description="404 SIGNUP_CLOSED unless open sign-up is on (off by default); 409 "
        "CONFLICT for a taken username or email; 422 for a weak password (field named).",
        status_code=201,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 404, 409, 422, 429),
    )
    async def signup(self, data: JSONBody[SignupIn], identity: IdentityDep) -> UserOut:
        return UserOut.from_domain(await identity.invitations.signup(data.to_domain()))

    @post(
        "/password",
        summary="Change one's password: every session ends, a fresh token pair is answered",
        description="401 when the current password is wrong; 422 for a weak new password.",
        status_code=200,
        guards=[reject_agents],
        responses=problems(400, 422, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def change_password(
        self, data: JSONBody[PasswordChangeIn], caller: CallerDep, identity: IdentityDep
    ) -> TokenOut:
        if caller.session is None:
            raise PermissionDeniedException("only user sessions can change a password")
        pair = await identity.auth.set_password(
            caller.principal, data.current_password, data.new_password
        )
        return TokenOut.from_domain(pair)

    @post(
        "/password-reset",
        summary="Ask for a password reset token (sent to the user through notifications)",
        description="Always 202 with the same body, whether the user exists or not.",
        status_code=202,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 429),
    )
    async def request_password_reset(
        self, data: JSONBody[PasswordResetIn], identity: IdentityDep
    ) -> ResetRequestedOut:
        await identity.password_resets.request(data.identifier)
        return ResetRequestedOut()

    @post(
        "/password-reset/confirm",
        summary="Set a new password with a reset token: every session of the user ends",
        description=_TOKEN_CODES.format(prefix="RESET_TOKEN", more="")
        + "; 422 for a weak new password. Wrong tokens count as failed logins of the client.",
        status_code=204,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 401, 422, 429),
    )
    async def confirm_password_reset(
        self,
        data: JSONBody[PasswordResetConfirmIn],
        identity: IdentityDep,
        request: Request[Any, Any, Any],
    ) -> None:
        client = get_remote_address(request)
        await identity.password_resets.confirm(data.token, data.new_password, client=client)


CONTROLLERS: list[Any] = [UsersController, InvitationsController, AccountAccessController]
# Public (no credentials) and throttled like the login, per client address.
PUBLIC_ONBOARDING_PATHS = frozenset(
    {
        "/api/v1/auth/invitations/accept",
        "/api/v1/auth/signup",
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm",
    }
)
