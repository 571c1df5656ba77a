"""The notifications context's routes: the inbox, preferences, deliveries, endpoints, role
defaults and price alerts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.notifications.api import NotificationService
from application.notifications.endpoints import NotificationEndpoints
from application.notifications.role_defaults import RoleDefaults
from application.price_alerts.service import PriceAlerts

NAME = "notifications"
# The problems every notifications route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class NotificationsServices:
    """What the notifications routes call."""

    inbox: NotificationService
    endpoints: NotificationEndpoints
    role_defaults: RoleDefaults
    price_alerts: PriceAlerts
    web_push_key: str | None = None  # the VAPID public key browsers subscribe with


NotificationsDep: TypeAlias = NamedDependency[NotificationsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.notifications import (
        notification_endpoints,
        notifications,
        price_alerts,
        role_defaults,
    )

    return [
        *notification_endpoints.CONTROLLERS,
        *notifications.CONTROLLERS,
        *role_defaults.CONTROLLERS,
        *price_alerts.CONTROLLERS,
    ]


context = context_over(NAME, NotificationsServices, controllers)
