"""`bulwark surveil [--until-caught-up]`: the surveillance detectors over the events topic.

One process reads every partition of BULWARK_KAFKA_TOPIC_EVENTS (no consumer group: the
detectors look across an owner's accounts, so one reader sees them all), resumes from its
checkpoint (BULWARK_SURVEILLANCE_CONSUMER_NAME) in the store, and runs until SIGTERM or
SIGINT (then a last checkpoint). `--until-caught-up` stops once every partition was read to
its end: a replay of what the topic holds (docs/surveillance.md).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TYPE_CHECKING, TextIO

from bootstrap.settings import Settings, SettingsError

if TYPE_CHECKING:
    from bootstrap.containers.application import ApplicationContainer

COMMAND = "surveil"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    surveil = sub.add_parser(
        COMMAND,
        help="run the surveillance detectors over the events topic (needs BULWARK_KAFKA_BOOTSTRAP)",
    )
    surveil.add_argument(
        "--until-caught-up",
        action="store_true",
        help="stop once every partition was read to its end (a replay), after a checkpoint",
    )


async def surveil(
    container: ApplicationContainer,
    stop: asyncio.Event | None = None,
    *,
    until_caught_up: bool = False,
    out: TextIO = sys.stdout,
) -> int:
    """Run until `stop` (or SIGTERM / SIGINT, or caught up when asked); returns 0. Only the
    surveil role's resources start (bootstrap/surveil_role.py)."""
    from bootstrap.app import require_current_schema
    from bootstrap.surveil_role import surveil_role

    settings = container.settings()
    if not settings.kafka.bootstrap:
        raise SettingsError("`bulwark surveil` needs BULWARK_KAFKA_BOOTSTRAP")
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with surveil_role(container):
            await require_current_schema(container)
            return await _read(container, settings, stop, until_caught_up, out)
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)


async def _read(
    container: ApplicationContainer,
    settings: Settings,
    stop: asyncio.Event,
    until_caught_up: bool,
    out: TextIO,
) -> int:
    """The events topic read until `stop` (or caught up when asked); its counts printed."""
    from adapters.kafka.client import make_consumer
    from adapters.kafka.surveil import SurveillanceConsumer
    from bootstrap.early_join import kafka_config, topics_of
    from bootstrap.surveillance import consumer_run

    config = kafka_config(settings)
    reader = SurveillanceConsumer(
        topics_of(settings).events,
        consumer_run(
            settings,
            container.surveillance.surveillance_rules(),
            container.surveillance.surveillance_store(),
            container.surveillance.surveillance_actions(),
            container.core.clock(),
        ),
        lambda: make_consumer(config, None, max_poll_records=5_000),
        start=settings.surveillance.start,
    )
    task = asyncio.create_task(reader.consume(stop))
    if until_caught_up:
        waiting = asyncio.create_task(reader.caught_up.wait())
        await asyncio.wait({task, waiting}, return_when=asyncio.FIRST_COMPLETED)
        stop.set()
        waiting.cancel()
    await task
    print(
        f"surveil: {reader.records} records, {reader.run.engine.events} events, "
        f"{reader.run.checkpoints} checkpoints, {reader.undecodable} undecodable",
        file=out,
    )
    return 0


def run(settings: Settings, until_caught_up: bool) -> int:
    from bootstrap.containers.application import build_container
    from bootstrap.logging import configure_logging

    configure_logging(
        settings.core.log_level,
        settings.core.log_format,
        kafka_retry_s=settings.kafka.retry_seconds,
    )
    return asyncio.run(surveil(build_container(settings), until_caught_up=until_caught_up))
