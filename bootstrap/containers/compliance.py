"""Compliance: the control inventory read from the live configuration (the rules, books,
account rules, agents' keys, kill switch, execution throttle, surveillance and drop copy
settings) and the drills on record."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from dependency_injector import containers, providers

from application.compliance.drills import RecordedDrills
from application.compliance.inventory import ControlInventory
from domain.compliance.findings import PlatformControls

if TYPE_CHECKING:
    from bootstrap.settings import Settings


def webhook_host(url: str | None) -> str | None:
    """The host of a webhook URL, the only part of it the inventory shows (the URL itself may
    carry credentials or a token in its user part, path or query)."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return host or "(set)"


def platform_controls(settings: Settings) -> PlatformControls:
    """The settings the inventory reports, from this process's configuration."""
    safety, surveillance, drop_copy = settings.safety, settings.surveillance, settings.drop_copy
    return PlatformControls(
        kill_switch_deadline_seconds=safety.kill_switch_deadline_seconds,
        four_eyes_resume=safety.four_eyes_resume,
        kill_switch_lane=safety.kill_switch_lane,
        held_orders_approvals=safety.held_orders_approvals,
        order_hold_seconds=safety.order_hold_seconds,
        surveillance_mode=surveillance.mode,
        surveillance_action=surveillance.action,
        kafka=bool(settings.kafka.bootstrap),
        throttle=safety.throttle,
        throttle_breaches=safety.throttle_breaches,
        throttle_window_seconds=safety.throttle_window_seconds,
        throttle_duplicates=safety.throttle_duplicates,
        drop_copy_webhook_host=webhook_host(drop_copy.webhook_url),
        drop_copy_kafka_topic=drop_copy.kafka_topic or None,
    )


class ComplianceContainer(containers.DeclarativeContainer):
    """Over the core (the unit of work, the clock, the settings), books (their store), the
    account rules (each account's settings) and the drills (their records)."""

    core = providers.DependenciesContainer()
    books = providers.DependenciesContainer()
    account_rules = providers.DependenciesContainer()
    drills = providers.DependenciesContainer()

    drill_records = providers.Singleton(RecordedDrills, drills.last_drills)
    platform = providers.Singleton(platform_controls, core.settings)
    inventory = providers.Singleton(
        ControlInventory,
        core.uow_factory, books.store, account_rules.store, drill_records, platform, core.clock,
    )  # fmt: skip
