"""`bulwark serve` and `bulwark consume`: the long-running commands, each checked first so an
operator's mistake (an unusable store, a GPU this machine lacks) is one line, never a
traceback."""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import os
import sys
from typing import Any

from bootstrap.cli_preflight import (
    EXIT_REFUSED,
    EXIT_USAGE,
    port_problem,
    refuse_kafka,
    refuse_store,
)
from bootstrap.gc_tuning import during_start_up, end_start_up
from bootstrap.settings import Settings, SettingsError

__all__ = ["EXIT_REFUSED", "EXIT_USAGE", "consume", "serve"]

APP = "bootstrap.app:app_from_env"


def serve(args: argparse.Namespace, settings: Settings) -> int:
    """Preflight (store, compute, inference, ports), then uvicorn until stopped; with
    --migrate (make run), the store's schema brought to this build's head first."""
    # The start-up allocates ~500k objects that all live on: collecting them as they come cost
    # ~1 s of CPU. The app's start-up ends by collecting once, freezing and setting the
    # serving thresholds (bootstrap/gc_tuning.py); a start refused before it gets there puts
    # the collector's thresholds back as it found them.
    during_start_up()
    try:
        return _serve(args, settings)
    finally:
        end_start_up()


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    if getattr(args, "migrate", False):
        migrated = _migrate(settings)
        if migrated:
            return migrated
    # An unusable store: one line, never a traceback.
    refused = refuse_store(settings)
    if refused is not None:
        return refused
    # BULWARK_COMPUTE=cuda where CUDA cannot run: one configuration-error line.
    from bootstrap.compute import compute_problem

    compute = compute_problem(settings)
    if compute is not None:
        print(f"bulwark: configuration error: {compute}", file=sys.stderr)
        return EXIT_USAGE
    from bootstrap.inference import inference_problem

    inference = inference_problem(settings)
    if inference is not None:  # a forced GPU provider this machine lacks: one line
        print(f"bulwark: configuration error: {inference}", file=sys.stderr)
        return EXIT_USAGE
    refused = refuse_kafka(settings)  # configured and no broker answers: one line
    if refused is not None:
        return refused
    # Last, just before the start-up (it takes no time): a port another process holds is one
    # line now, not a bind error once the app has started seconds later (the kill switch
    # lane's with a traceback per thread that saw it).
    host, port = args.host or settings.core.host, args.port or settings.core.port
    taken = port_problem(settings, host, port, port_flag=bool(args.port))
    if taken is not None:
        print(f"bulwark: {taken}", file=sys.stderr)
        return EXIT_REFUSED
    _run_server(args, settings)
    return 0


def _migrate(settings: Settings) -> int:
    """`bulwark migrate` in this process (`serve --migrate`): its imports serve the app next,
    where a process of its own cost a second start ~1.3 s of CPU. 0 once current."""
    if settings.store.database_url.startswith("memory://"):
        return 0  # the in-memory store has no schema
    refused = refuse_store(settings, migrating=True)
    if refused is not None:
        return refused
    import asyncio

    from bootstrap.cli import run_command
    from bootstrap.containers.commands import CommandContainers
    from bootstrap.logging import configure_logging
    from domain.errors import DomainError

    configure_logging(settings.core.log_level, settings.core.log_format)
    try:
        return asyncio.run(
            run_command(argparse.Namespace(command="migrate"), CommandContainers(settings))
        )
    except (DomainError, SettingsError) as exc:
        print(f"bulwark: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return EXIT_REFUSED


def _run_server(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from bootstrap.ready import announce_ready
    from bootstrap.serving import KEEP_ALIVE_S, http_protocol
    from bootstrap.shutdown_grace import BoundedServer

    if args.demo:
        os.environ["BULWARK_DEMO"] = "true"
    # The app reads its settings again: the kill switch's listener binds beside these.
    if args.host:
        os.environ["BULWARK_HOST"] = args.host
    if args.port:
        os.environ["BULWARK_PORT"] = str(args.port)
    grace = settings.core.shutdown_grace_seconds
    options: dict[str, Any] = {
        "factory": True,
        "host": args.host or settings.core.host,
        "port": args.port or settings.core.port,
        "workers": settings.core.workers,
        "log_config": None,
        "access_log": False,  # the app logs each request itself, with its request id
        "ws_ping_interval": settings.http.ws_ping_seconds,
        "http": http_protocol(),  # stamps each request's arrival (the kill switch's deadline)
        "timeout_keep_alive": KEEP_ALIVE_S,
        # A client's WebSocket message is capped like a request body, before it is buffered.
        "ws_max_size": settings.http.max_body_bytes,
        # SIGTERM/Ctrl-C: open connections get the grace, then their tasks are cancelled; the
        # app's shutdown gets what is left of it (bootstrap/shutdown_grace.py).
        "timeout_graceful_shutdown": max(1, math.ceil(grace)),
    }
    if settings.core.workers > 1:  # each worker bounds its connections and its app's stop
        uvicorn.run(APP, **options)
        return
    host, port = options["host"], options["port"]
    server = BoundedServer(
        uvicorn.Config(APP, **options), grace, on_started=lambda: announce_ready(host, port)
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C, re-raised once stopped: done
        server.run()
    # The interpreter's exit collects every object still tracked: seconds over a served
    # heap, past the grace. Frozen, they are left to the process's end.
    gc.freeze()
    if not server.started:  # as uvicorn.run: a start-up that failed is a failing exit
        sys.exit(EXIT_REFUSED)


def consume(settings: Settings) -> int:
    """`bulwark consume`: the Kafka command consumers. An unusable store, then no broker
    answering, is one line and a failing exit (each checked once, in run_consume)."""
    from bootstrap.early_join import KafkaRefused, StoreRefused, run_consume

    try:
        run_consume(settings)
    except (StoreRefused, KafkaRefused) as exc:
        print(f"bulwark: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except SettingsError as exc:
        print(f"bulwark: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return 0
