"""Liveness, readiness and component status."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING, Any

import msgspec
from litestar import Request, Response, get
from litestar.openapi.datastructures import ResponseSpec

from adapters.http.contexts import bundle_of
from adapters.http.core import CoreServices, HealthServices, core_of, health_of
from adapters.http.market_data.quote_schemas import SourceQualityOut, data_quality_out
from adapters.http.problems import problem_responses
from adapters.http.schemas.ml import InferenceOut
from adapters.http.security import PublicOperation
from adapters.http.services import HTTP_CONFIG_STATE_KEY, Degrading

PROBE_TIMEOUT_S = 2.0


if TYPE_CHECKING:

    class Liveness(msgspec.Struct):
        status: str
        time: datetime

else:
    # Its OpenAPI component is named by module (domain.agents has a Liveness too): kept under
    # the module it was published from before the health routes moved to the core context.
    Liveness = msgspec.defstruct(
        "Liveness", [("status", str), ("time", datetime)], module="adapters.http.routes.health"
    )


class ComponentStatus(msgspec.Struct):
    """One configured dependency: whether it answers, and whether the instance is ready
    without it (`required` false: it serves on, and `degrades` says what it loses)."""

    name: str
    ok: bool
    details: dict[str, Any]
    required: bool = True
    degrades: str | None = None


class ReadyOut(msgspec.Struct):
    """Ready when every required dependency answers; `degraded` names the others that do not."""

    ready: bool
    components: list[ComponentStatus]
    degraded: list[str] = msgspec.field(default_factory=list)


class ComputeOut(msgspec.Struct):
    """The backend of the quant kernels (BULWARK_COMPUTE, docs/compute.md)."""

    backend: str  # "cpu" or "cuda"
    device: str  # e.g. "2 CPU cores, numba parallel (omp)" or the GPU's name
    numba: bool  # False when BULWARK_NUMBA=0 (the plain NumPy kernels)
    reason: str  # why this backend: the setting, or what detection found


class InDoubtOut(msgspec.Struct):
    """Orders approved but never acknowledged by their broker that could not be resolved yet
    (looked up by client order id at start-up and every few seconds). /api/status answers
    anyone: the count and the brokers only; the orders themselves are named to those who
    may see them (the console's overview, the notification, the kill-switch record)."""

    count: int
    brokers: list[str]
    checked_at: datetime | None


class HeldJobOut(msgspec.Struct):
    """A leased background job this process runs, since it took the job's lease."""

    job: str
    since: datetime


class JobLeasesOut(msgspec.Struct):
    """This process's share of the background jobs that run once across the deployment
    (docs/reliability.md): the jobs it runs now (`held`) and those another process holds
    (`waiting`: this one takes each over within `lease_seconds` of its holder's death)."""

    lease_seconds: float
    held: list[HeldJobOut]
    waiting: list[str]


class StatusOut(msgspec.Struct):
    status: str
    version: str
    time: datetime
    components: list[ComponentStatus]
    settings: dict[str, Any]
    compute: ComputeOut | None = None  # None where no compute backend is wired
    inference: InferenceOut | None = None  # the models' runtime and provider
    orders_in_doubt: InDoubtOut | None = None  # None where no watch is wired
    data_quality: list[SourceQualityOut] | None = None  # market-data sources' grades
    jobs: JobLeasesOut | None = None  # the leased background jobs this process holds


async def run_probes(services: HealthServices | CoreServices) -> list[ComponentStatus]:
    """Each component's answer, within PROBE_TIMEOUT_S; probes run side by side.

    Cheap enough to be polled often: a deadline on the running task (asyncio.timeout), not a
    task per probe (asyncio.wait_for), and one probe (the memory store's) is simply awaited.
    """

    async def one(name: str) -> ComponentStatus:
        probe = services.probes[name]
        degrades = probe.degrades if isinstance(probe, Degrading) else None
        try:
            async with asyncio.timeout(PROBE_TIMEOUT_S):
                ok, details = await probe()
        except TimeoutError:
            ok, details = False, {"error": f"no answer in {PROBE_TIMEOUT_S} s"}
        except Exception as exc:
            ok, details = False, {"error": type(exc).__name__}
        return ComponentStatus(name, ok, dict(details), degrades is None, degrades)

    if len(services.probes) == 1:
        return [await one(next(iter(services.probes)))]
    return list(await asyncio.gather(*(one(name) for name in services.probes)))


@get(
    "/health",
    summary="Liveness: the process answers",
    exclude_from_auth=True,
    operation_class=PublicOperation,
)
async def get_health(request: Request[Any, Any, Any]) -> Liveness:
    # Probes read what they need from the request: no dependency for Litestar to resolve.
    return Liveness("ok", health_of(request).clock.now())


@get(
    "/ready",
    summary="Readiness: every required dependency answers (503 otherwise)",
    description=(
        "Names every configured dependency with its state. 503 when a required one (the "
        "store, this process's Kafka producer and emergency listener) does not answer; one "
        "the instance serves on without (Redis, the Kafka brokers) is listed under "
        "`degraded` with what degrades, and the answer stays 200."
    ),
    exclude_from_auth=True,
    operation_class=PublicOperation,
    responses={503: ResponseSpec(ReadyOut, description="An adapter does not answer")},
)
async def get_readiness(request: Request[Any, Any, Any]) -> Response[ReadyOut]:
    components = await run_probes(health_of(request))
    ok = all(c.ok for c in components if c.required)
    degraded = [c.name for c in components if not c.ok and not c.required]
    return Response(ReadyOut(ok, components, degraded), status_code=200 if ok else 503)


@get(
    "/api/status",
    summary="Each component's state, the version and the (redacted) settings",
    exclude_from_auth=True,
    operation_class=PublicOperation,
    responses=problem_responses(429),
)
async def get_status(request: Request[Any, Any, Any]) -> StatusOut:
    # Two dependencies here made Litestar run a task group per call (~5x the probe itself).
    services, http_config = core_of(request), request.app.state[HTTP_CONFIG_STATE_KEY]
    components = await run_probes(services)
    overall = "ok" if all(c.ok for c in components) else "degraded"
    return StatusOut(
        overall,
        http_config.version,
        services.clock.now(),
        components,
        dict(services.settings_summary),
        compute_out(services),
        inference_out(bundle_of(request, "inference")),
        in_doubt_out(services),
        data_quality_out(bundle_of(request, "market_data")),
        jobs_out(services),
    )


def inference_out(served: Any | None) -> InferenceOut | None:
    """The inference line: the served models' state, none where inference is not served."""
    return None if served is None else InferenceOut.from_domain(served.inference.info())


def in_doubt_out(services: CoreServices) -> InDoubtOut:
    snapshot = services.in_doubt.snapshot
    return InDoubtOut(
        snapshot.count,
        sorted({o.broker for o in snapshot.orders}),
        snapshot.checked_at,
    )


def jobs_out(services: CoreServices) -> JobLeasesOut | None:
    """The jobs line: none where no job runner is wired (the kill switch's own listener)."""
    if services.jobs is None:
        return None
    report = services.jobs.report()
    held = [HeldJobOut(job.name, job.since) for job in report.held]
    return JobLeasesOut(report.lease_seconds, held, list(report.waiting))


def compute_out(services: CoreServices) -> ComputeOut:
    info = services.compute.info()
    return ComputeOut(info.backend, info.device, info.numba, info.reason)
