"""Notifications' API: the inbox, endpoints, role defaults and price alerts."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "notifications",
        inbox=w.notifications.notification_service,
        endpoints=w.notifications.notification_endpoints,
        role_defaults=w.notifications.notification_role_defaults,
        price_alerts=w.notifications.price_alert_service,
        web_push_key=w.core.settings.provided.channels.web_push_vapid_public_key,
    )
