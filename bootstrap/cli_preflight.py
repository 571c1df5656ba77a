"""The checks a command runs before its slow start: an operator's mistake is one line.

Every command that opens the store checks it first (bootstrap/storage.py store_problem), so a
missing SQLite file, a schema older than this build or an unreachable PostgreSQL is one line
saying what to do, and no command but `bulwark migrate` creates a SQLite file. `bulwark serve`
also checks that it can listen on its ports (the API's and the kill switch lane's) before it
builds the app, instead of failing there seconds later. `serve` and `surveil` with Kafka
configured check that a broker answers before they start (one line, not the tracebacks of a
start-up that failed on it); `consume` checks the store and the brokers once each, while its
group member connects (bootstrap/early_join.py), and says the same line.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import sys

from bootstrap.settings import Settings

EXIT_USAGE = 2
EXIT_REFUSED = 3


def refuse_store(settings: Settings, *, migrating: bool = False) -> int | None:
    """EXIT_REFUSED after one line on stderr when the store cannot be used; None when it can.

    `migrating`: the command is `bulwark migrate`, which creates an SQLite file and brings an
    older schema to the head, so only an unreachable database stops it.
    """
    from bootstrap.storage import store_problem

    problem = asyncio.run(store_problem(settings, migrating=migrating))
    if problem is None:
        return None
    print(f"bulwark: {problem}", file=sys.stderr)
    return EXIT_REFUSED


KAFKA_CHECK_S = 5.0  # how long the brokers may take to answer the start-up's metadata request


def refuse_kafka(settings: Settings) -> int | None:
    """EXIT_REFUSED after one line on stderr when Kafka is configured and no broker answers
    within KAFKA_CHECK_S; None when it answers or is not configured."""
    if not settings.kafka.bootstrap:
        return None
    problem = asyncio.run(kafka_problem(settings.kafka.bootstrap, KAFKA_CHECK_S))
    if problem is None:
        return None
    print(f"bulwark: {problem}", file=sys.stderr)
    return EXIT_REFUSED


async def kafka_problem(bootstrap: str, within_s: float) -> str | None:
    """Why no broker of `bootstrap` answers a metadata request within `within_s`; None if one
    does. Its client's own error logs are kept quiet: the answer is this one line."""
    import logging

    from aiokafka.client import AIOKafkaClient

    servers = [part.strip() for part in bootstrap.split(",") if part.strip()]
    client = AIOKafkaClient(bootstrap_servers=servers, request_timeout_ms=int(within_s * 1000))
    quiet, level = logging.getLogger("aiokafka"), logging.getLogger("aiokafka").level
    quiet.setLevel(logging.CRITICAL)
    try:
        async with asyncio.timeout(within_s):
            await client.bootstrap()
    except Exception as exc:
        return kafka_refusal(bootstrap, exc, within_s)
    finally:
        await client.close()
        quiet.setLevel(level)
    return None


def kafka_refusal(bootstrap: str, error: BaseException, within_s: float) -> str:
    """The one line saying that the brokers of `bootstrap` did not answer, from the error a
    client met reaching them (bounded by `within_s`)."""
    if isinstance(error, TimeoutError):
        reason = f"no answer within {within_s:.0f} s"
    elif type(error).__name__ == "KafkaConnectionError":
        reason = "could not connect to any broker"
    else:
        reason = type(error).__name__
    return (
        f"cannot reach Kafka at {bootstrap} (BULWARK_KAFKA_BOOTSTRAP): {reason}; start it, "
        "or unset BULWARK_KAFKA_BOOTSTRAP to run without Kafka"
    )


def port_problem(settings: Settings, host: str, port: int, *, port_flag: bool) -> str | None:
    """Why `bulwark serve` cannot listen on the API's port or the kill switch lane's; None if
    it can. `port_flag`: the API's port came from --port rather than BULWARK_PORT."""
    api_setting = "--port" if port_flag else settings.core.var("port")
    listeners = [(port, api_setting)]
    if settings.safety.kill_switch_lane:
        lane_var = settings.safety.var("kill_switch_port")
        configured = settings.safety.kill_switch_port
        if configured is None:
            listeners.append((port + 1, f"{lane_var}, unset: the API's port + 1"))
        elif configured == port:
            return (
                f"{lane_var} is {configured}, the API's port too ({api_setting}): "
                "the kill switch's lane listens on a port of its own; set another"
            )
        elif configured != 0:  # 0: the lane picks a free port
            listeners.append((configured, lane_var))
    for number, setting in listeners:
        var = setting.split(",", 1)[0]
        fix = "pass a free port to --port" if var == "--port" else f"set {var} to a free port"
        try:
            _listen_once(host, number)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (
                    f"port {number} on {host} ({setting}) is already in use: stop what "
                    f"listens there, or {fix}"
                )
            return f"cannot listen on {host}:{number} ({setting}): {exc.strerror or exc}"
    return None


def _listen_once(host: str, port: int) -> None:
    """Binds and listens as uvicorn does, then lets go at once; OSError when it cannot."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1)
