"""Notifications (bootstrap/notifications.py, notification_channels.py): the senders (email
only with BULWARK_SMTP_HOST), users' endpoints, the dispatcher that sends the center's
outbox, the bus events that become notifications, and the inbox API. The center itself is
in the core (every context notifies)."""

from __future__ import annotations

from dependency_injector import containers, providers

from adapters.notifications.http_senders import SlackSender, TelegramSender, WebhookSender
from application.notifications.api import NotificationService
from application.notifications.channels import WebSocketSender
from application.notifications.endpoints import NotificationEndpoints
from application.notifications.role_defaults import RoleDefaults
from application.price_alerts.service import PriceAlerts
from bootstrap import notification_channels, notifications
from bootstrap.containers.price_alerts import PriceAlertsContainer
from bootstrap.settings import Settings


def _same(service: PriceAlerts) -> PriceAlerts:
    """The price alerts container's service, as a provider of this container."""
    return service


class NotificationsContainer(containers.DeclarativeContainer):
    """Channels and delivery, over the core it is given."""

    core = providers.DependenciesContainer()

    notification_http = providers.Singleton(notification_channels.notification_http, core.settings)
    notification_url_guard = providers.Singleton(notification_channels.url_guard, core.settings)
    # One provider per sender; `with_email` appends the email sender when SMTP is set.
    notification_senders = providers.List(
        providers.Singleton(WebSocketSender, core.bus.provided.publish),
        providers.Singleton(WebhookSender, notification_http, notification_url_guard),
        providers.Singleton(SlackSender, notification_http, notification_url_guard),
        providers.Singleton(
            TelegramSender, notification_http, core.settings.provided.channels.telegram_api_url
        ),
    )
    notification_endpoints = providers.Singleton(
        NotificationEndpoints,
        core.notification_endpoint_store, core.sealer, notification_url_guard,
        providers.Callable(notification_channels.senders_by_channel, notification_senders),
        core.clock, core.ids, core.audit,
        ephemeral_key=core.secrets_die_on_restart,
        channels_off=providers.Callable(notification_channels.channels_off, core.settings),
    )  # fmt: skip
    notification_http_closing = providers.Resource(
        notification_channels.notification_http_lifetime, notification_http.provider
    )
    notification_sources = providers.Singleton(
        notifications.event_sources,
        core.settings, core.bus, core.notification_center, core.uow_factory,
    )  # fmt: skip
    notification_dispatcher = providers.Singleton(
        notifications.dispatcher, core.settings, core.notification_store,
        core.notification_center, notification_senders, core.channel_destinations, core.clock,
        meter=core.meter,
    )  # fmt: skip
    notification_service = providers.Singleton(
        NotificationService,
        core.notification_store, core.notification_center, core.clock, core.audit,
    )  # fmt: skip
    notification_role_defaults = providers.Singleton(
        RoleDefaults, core.notification_store, core.clock, core.audit
    )
    # Price alerts notify through the center: their container rides along with this one.
    price_alerts = providers.Container(PriceAlertsContainer, core=core)
    price_alert_service = providers.Callable(
        lambda service: service, price_alerts.price_alert_service
    )
    notification_dispatch = providers.Resource(
        notifications.dispatch_lifetime, core.settings, notification_dispatcher.provider,
        core.notification_center.provider, notification_sources.provider,
        core.publisher.provider, core.database,
    )  # fmt: skip


def prepare(built: NotificationsContainer, settings: Settings) -> None:
    """Email, SMS and Web Push join the senders once built, each only where configured."""
    notification_channels.add_optional_senders(
        built.notification_senders, settings, built.notification_http
    )
