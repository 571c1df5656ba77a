"""The identity context's routes: users, invitations, password reset, workspaces, KYC documents
and each user's KYC status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.identity.auth import AuthService
from application.identity.invitations import InvitationService
from application.identity.kyc import KycService
from application.identity.kyc_status import KycStatusService
from application.identity.password_reset import PasswordResetService
from application.identity.user_admin import UserAdminService
from application.identity.workspaces import WorkspaceService

NAME = "identity"
# The problems every identity route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class IdentityServices:
    """What the identity routes call."""

    auth: AuthService
    users: UserAdminService
    invitations: InvitationService
    password_resets: PasswordResetService
    workspaces: WorkspaceService
    kyc: KycService
    kyc_status: KycStatusService


IdentityDep: TypeAlias = NamedDependency[IdentityServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.identity import kyc, kyc_status, users, workspaces

    return [
        *users.CONTROLLERS,
        *workspaces.CONTROLLERS,
        *kyc.controllers(config.kyc_max_bytes),
        *kyc_status.CONTROLLERS,
    ]


context = context_over(NAME, IdentityServices, controllers)
