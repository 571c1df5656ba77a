"""`bulwark consume`: the Kafka command consumers, in a consumer group, until SIGTERM."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable

import structlog
from dependency_injector import providers

from adapters.kafka.dispatcher import CommandDispatcher, CommandServices
from application.identity.apikeys import ApiKeyService
from application.identity.auth import AuthService
from application.trading.decision_ledger import PublishedDecisions
from bootstrap.app import require_current_schema
from bootstrap.consume_metrics import ConsumeMetricsListener
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.demo import set_demo_prices
from bootstrap.early_join import EarlyMember
from bootstrap.gc_tuning import restore_gc, tune_gc
from bootstrap.kafka import KafkaLink
from bootstrap.quote_board import open_paper_books_from_store
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import SettingsError
from bootstrap.strategies import start_strategy_consumer
from bootstrap.tracing import stop_tracing
from bootstrap.watchdog import loop_watchdog
from domain.identity.apikeys import parse_api_key
from domain.principals import Principal

__all__ = ["build_container", "consume", "start_consumers"]  # bootstrap/early_join.py loads it

log = structlog.get_logger("bulwark.consume")


def authenticator(
    api_keys: ApiKeyService, auth: AuthService
) -> Callable[[str], Awaitable[Principal]]:
    """A command's credential, as over HTTP: an agent's API key or a user's access token."""

    async def authenticate(credential: str) -> Principal:
        if parse_api_key(credential) is not None:
            return await api_keys.authenticate(credential)
        return (await auth.authenticate(credential)).principal

    return authenticate


def command_services(container: ApplicationContainer) -> CommandServices:
    return CommandServices(
        orders=container.trading.orders(),
        killswitch=container.safety.killswitch(),
        agents=container.safety.agents(),
        authenticate=authenticator(container.core.api_keys(), container.core.auth()),
        decisions=PublishedDecisions(container.core.uow_factory(), container.core.clock()),
    )


def prepare_consume_process(container: ApplicationContainer) -> None:
    """What sets a consume process apart from the one that serves HTTP and loaded the data:
    it follows the shared quote board (with Redis), opens paper books from the store on first
    use, and without Redis sets the demo prices itself when BULWARK_DEMO is on."""
    container.core.process.override(providers.Object("consume"))
    open_paper_books_from_store(container.core.paper_broker(), container.core.uow_factory())
    settings = container.settings()
    if settings.core.demo and container.market_data.board_role() == "local":
        set_demo_prices(container.core.market())


async def start_consumers(
    container: ApplicationContainer, early: EarlyMember | None = None
) -> tuple[KafkaLink, CommandDispatcher]:
    """Start the container's resources (the Kafka link among them) and the command consumers
    (on the `early` consumer when it joined before; bootstrap/early_join.py)."""
    link = container.core.kafka_link()
    if link is None:
        raise SettingsError("`bulwark consume` needs BULWARK_KAFKA_BOOTSTRAP")
    prepare_consume_process(container)
    if early is not None:
        link.topics_made = early.made_topics
    await container.init_resources()  # type: ignore[misc]
    await require_current_schema(container)
    dispatcher = await link.start_command_consumers(
        command_services(container), container.trading.on_accounts_released(), early
    )
    await start_strategy_consumer(
        container.settings(), link, container.strategies.strategy_processor()
    )
    log.info("consumers_started", group=link.settings.kafka.group_id, instance=link.instance)
    return link, dispatcher


async def consume(
    container: ApplicationContainer,
    stop: asyncio.Event | None = None,
    early: EarlyMember | None = None,
) -> None:
    """Run until `stop` is set, SIGTERM or SIGINT; then drain, commit and leave the group."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    settings = container.settings()
    watchdog = loop_watchdog(settings, container.core.notifier, "bulwark consume")
    gc_state = None
    listener: ConsumeMetricsListener | None = None
    try:
        await start_consumers(container, early)
        if settings.observability.consume_metrics_port:
            listener = ConsumeMetricsListener(settings, container.core())
            await listener.start()
        gc_state = tune_gc(settings)
        if watchdog is not None:
            watchdog.start()
        await stop.wait()
        log.info("consumers_stopping")
    finally:
        if listener is not None:
            await listener.stop()
        if watchdog is not None:
            watchdog.stop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await shutdown_in_order(container)
        await stop_tracing(container.core.tracing())  # the spans still queued, last
        restore_gc(gc_state)
        log.info("consumers_stopped")
