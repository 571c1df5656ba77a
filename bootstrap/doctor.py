"""`bulwark doctor`'s checks: every configured dependency, as `/ready` sees it, and more.

The store and Redis go through the probes the HTTP `/ready` uses (bootstrap/storage.py
sql_probe, bootstrap/containers/http.py redis_probe), the Kafka brokers through the metadata
request `serve` sends before it starts (bootstrap/cli_preflight.py kafka_problem: `/ready`'s
own asks the running producer, which a console has not), each with what degrades without it
(REDIS_DEGRADES, KAFKA_BROKERS_DEGRADES), all run by `/ready`'s runner (adapters/http/core/
health.py run_probes: side by side, each within PROBE_TIMEOUT_S). The key-encryption keys, the
token signing key, the broker and the market-data providers are checked beside them
(bootstrap/doctor_vendors.py). Nothing is created: a missing SQLite file is reported, never
opened (opening would create it), and no table, topic or key is written."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from bootstrap.doctor_findings import (
    Check,
    Finding,
    Probe,
    State,
    Unconfigured,
    reason,
    redact,
)
from bootstrap.settings import Settings

KAFKA_WITHIN_S = 1.5  # the brokers' metadata answer; under the probes' own bound (2 s)
REDIS_TIMEOUT_S = 1.0


async def examine(settings: Settings) -> list[Finding]:
    """Every component's finding, in a stable order; each probe bounded in time."""
    from adapters.http.core import HealthServices
    from adapters.http.core.health import run_probes
    from adapters.memory.clock import SystemClock
    from bootstrap.doctor_vendors import broker_check, key_checks, market_data_checks

    async with contextlib.AsyncExitStack() as resources:
        ready = await _ready_checks(settings, resources)
        checks: dict[str, Check] = {
            **ready,
            "connections": _connections_check(settings, resources, ready["store"]),
            **key_checks(settings),
            **broker_check(settings),
            **market_data_checks(settings),
        }
        probes = {name: check for name, check in checks.items() if callable(check)}
        statuses = {s.name: s for s in await run_probes(HealthServices(SystemClock(), probes))}
    findings = []
    for name, check in checks.items():
        if isinstance(check, Finding):
            findings.append(check)
        elif isinstance(check, Unconfigured):
            findings.append(
                Finding(name, State.NOT_CONFIGURED, False, check.degrades, check.detail)
            )
        else:
            status = statuses[name]
            findings.append(
                Finding(
                    name,
                    State.OK if status.ok else State.DOWN,
                    status.required,
                    status.degrades,
                    detail_of(status.details),
                )
            )
    return findings


async def _ready_checks(
    settings: Settings, resources: contextlib.AsyncExitStack
) -> dict[str, Check]:
    """The store, Redis and the Kafka brokers: `/ready`'s probes and what degrades without
    each (bootstrap/containers/http.py)."""
    from adapters.http.services import Degrading
    from bootstrap.containers.http import KAFKA_BROKERS_DEGRADES, REDIS_DEGRADES, redis_probe

    checks: dict[str, Check] = {"store": await _store_check(settings, resources)}
    if settings.redis.url is None:
        checks["redis"] = Unconfigured(REDIS_DEGRADES, f"{settings.redis.var('url')} is not set")
    else:
        from adapters.redis.client import redis_from_url

        redis = redis_from_url(
            settings.redis.url, timeout=REDIS_TIMEOUT_S, client_name="bulwark-doctor"
        )
        resources.push_async_callback(redis.aclose)
        where = redact(settings.redis.url)
        checks["redis"] = Degrading(
            explained(redis_probe(redis), f"answers PING at {where}", f"no PING answer at {where}"),
            REDIS_DEGRADES,
        )
    bootstrap = settings.kafka.bootstrap
    if bootstrap is None:
        checks["kafka"] = Unconfigured(
            "events reach this process's watchers only (nothing is published to an events "
            "topic); agents send orders over HTTP only (no `bulwark consume`)",
            f"{settings.kafka.var('bootstrap')} is not set",
        )
    else:
        checks["kafka"] = Degrading(_kafka_probe(bootstrap), KAFKA_BROKERS_DEGRADES)
    return checks


async def _store_check(settings: Settings, resources: contextlib.AsyncExitStack) -> Check:
    """The store's `/ready` probe (reachable, schema at this build's head); a missing SQLite
    file is a finding of its own (opening it would create it)."""
    from bootstrap.storage import memory_probe, sql_engine, sql_probe, sqlite_file, store_kind

    where = redact(settings.store.database_url)
    if store_kind(settings) == "memory":
        return explained(memory_probe, "memory://: the state lives in this process only", "")
    path = sqlite_file(settings.store.database_url)
    if path is not None and not path.is_file():
        return Finding(
            "store",
            State.DOWN,
            True,
            None,
            f"the SQLite file {path} does not exist: run `bulwark migrate` (it creates the file "
            "and its schema), or check BULWARK_DATABASE_URL",
        )
    engine = sql_engine(settings)
    resources.push_async_callback(engine.dispose)
    probe = sql_probe(engine)

    async def store() -> tuple[bool, Mapping[str, Any]]:
        try:
            ok, details = await probe()
        except Exception as exc:
            return False, {"detail": f"cannot reach the database at {where}: {reason(exc)}"}
        at, head = details.get("schema"), details.get("expected")
        if ok:
            return True, {"detail": f"{where}: schema at this build's head ({head})"}
        return False, {
            "detail": f"{where}: schema at {at or 'nothing (empty database)'}, this build needs "
            f"{head}: run `bulwark migrate`"
        }

    return store


def _kafka_probe(bootstrap: str) -> Probe:
    """A broker of `bootstrap` answers a metadata request within KAFKA_WITHIN_S."""
    from bootstrap.cli_preflight import kafka_problem

    async def kafka() -> tuple[bool, Mapping[str, Any]]:
        problem = await kafka_problem(bootstrap, KAFKA_WITHIN_S)
        if problem is None:
            return True, {"detail": f"a broker of {bootstrap} answers a metadata request"}
        return False, {"detail": problem}

    return kafka


def _connections_check(
    settings: Settings, resources: contextlib.AsyncExitStack, store: Check
) -> Check:
    """Every stored venue connection probed at its venue (its cheapest authenticated call),
    as `/ready` lists them: one in trouble degrades its own accounts only. The connections
    are read from the store: where the store's finding is known already (its SQLite file is
    missing), they are not read (that would open the file) and the finding says why."""
    from adapters.http.services import Degrading
    from bootstrap.containers.commands import CommandContainers
    from bootstrap.containers.connections import CONNECTIONS_DEGRADE

    if isinstance(store, Finding) and store.state is State.DOWN:
        return Finding(
            "connections",
            State.DOWN,
            False,
            CONNECTIONS_DEGRADE,
            "not read: they are kept in the store, which is down (above)",
        )
    contexts = CommandContainers(settings)
    probed: list[bool] = []  # whether the venues were called (their adapters to close)

    async def close() -> None:
        if probed:
            await contexts.connections.brokers().aclose()
        if "core" in contexts.built() and contexts.core.store_kind() == "sql":
            await contexts.core.engine().dispose()

    resources.push_async_callback(close)

    async def listed() -> tuple[bool, Mapping[str, Any]]:
        # The vault (and its keys) only where there is something to unseal.
        if not await contexts.connections.store().every_active():
            return True, {"detail": "no venue connection is stored"}
        probed.append(True)
        ok, details = await contexts.connections.readiness()()
        found = details.get("connections", [])
        states = ", ".join(
            f"{c['id']} {c['state']}" + (f" ({c['reason']})" if c["reason"] else "") for c in found
        )
        return ok, {"detail": f"{len(found)} stored: {states}"}

    return Degrading(listed, CONNECTIONS_DEGRADE)


def explained(probe: Probe, when_ok: str, when_down: str) -> Probe:
    """`probe` with a `detail` line: `when_ok`, or `when_down` and the reason it failed."""

    async def checked() -> tuple[bool, Mapping[str, Any]]:
        try:
            ok, details = await probe()
        except Exception as exc:
            return False, {"detail": f"{when_down}: {reason(exc)}"}
        return ok, {**details, "detail": when_ok if ok else when_down}

    return checked


def detail_of(details: Mapping[str, Any]) -> str:
    """A probe's details as one line: its `detail`, else its keys and values."""
    if "detail" in details:
        return redact(str(details["detail"]))
    return redact(", ".join(f"{key} {value}" for key, value in details.items()))
