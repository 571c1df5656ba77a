"""Default notification preferences per role under `/api/v1/notifications/role-defaults`:
admin-only (403 for anybody else); a user who has not saved their own gets their role's."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, put
from litestar.params import JSONBody, PathParameter

from adapters.http.deps import CallerDep
from adapters.http.notifications import NotificationsDep
from adapters.http.notifications.notifications_schemas import PreferencesIO
from adapters.http.problems import problem_responses
from adapters.http.security import reject_agents

Role = Annotated[str, PathParameter(pattern=r"^[a-z_]{1,32}$")]


class RoleDefaultsController(Controller):
    """What the admins set as each role's notification defaults."""

    path = "/notifications/role-defaults"
    guards = (reject_agents,)

    @get(
        "/",
        summary="Every role's default notification preferences (admin)",
        responses=problem_responses(401, 403, 429),
    )
    async def list_role_defaults(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> dict[str, PreferencesIO]:
        found = await notifications.role_defaults.every(caller.principal)
        return {role: PreferencesIO.from_domain(p) for role, p in found.items()}

    @get(
        "/{role:str}",
        summary="One role's default notification preferences (admin)",
        description="404 when the role has none (its users get the catalogue's defaults).",
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def get_role_defaults(
        self, role: Role, caller: CallerDep, notifications: NotificationsDep
    ) -> PreferencesIO:
        return PreferencesIO.from_domain(
            await notifications.role_defaults.get(caller.principal, role)
        )

    @put(
        "/{role:str}",
        summary="Set a role's default notification preferences (admin, audited)",
        description=(
            "The same body as `PUT /notifications/preferences`. Users of the role who have "
            "saved their own preferences keep them. 422 INVALID_NOTIFICATION_PREFERENCES for "
            "an unknown role, event type, channel or time zone."
        ),
        responses=problem_responses(
            400, 401, 403, 422, 429, notes={422: "INVALID_NOTIFICATION_PREFERENCES"}
        ),
    )
    async def set_role_defaults(
        self,
        role: Role,
        data: JSONBody[PreferencesIO],
        caller: CallerDep,
        notifications: NotificationsDep,
    ) -> PreferencesIO:
        saved = await notifications.role_defaults.put(caller.principal, role, data.to_update())
        return PreferencesIO.from_domain(saved)

    @delete(
        "/{role:str}",
        summary="Remove a role's defaults (admin, audited): its users get the catalogue's",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def delete_role_defaults(
        self, role: Role, caller: CallerDep, notifications: NotificationsDep
    ) -> None:
        await notifications.role_defaults.remove(caller.principal, role)


CONTROLLERS: list[Any] = [RoleDefaultsController]
