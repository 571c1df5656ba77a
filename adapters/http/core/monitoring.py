"""Stream monitoring: Kafka topic rates, latency and consumer lag; consumer restarts."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.params import FromPath

from adapters.http.core import CoreDep
from adapters.http.problems import problem_responses
from adapters.http.schemas.monitoring import (
    ConsumerRestartedOut,
    KafkaDisabledOut,
    KafkaReportOut,
)
from adapters.http.security import require_roles
from application.core.access import SEES_ALL
from domain.errors import NotFound
from domain.principals import Role


class MonitoringController(Controller):
    """`/api/v1/monitoring`"""

    path = "/monitoring"
    tags = ("monitoring",)

    @get(
        "/kafka",
        summary="Kafka streams: per-topic rate and latency, per-group lag, active alerts",
        description=(
            "Rates and end-to-end latency (from the record timestamp) over the last window; "
            "lag per partition and in total for each consumer group, read from the broker now "
            "(the last lag read, with `last_error`, when the broker does not answer). "
            '`{"enabled": false}` when Kafka is not configured. Risk officers, admins, viewers.'
        ),
        guards=[require_roles(*SEES_ALL)],
        responses=problem_responses(401, 403, 429),
    )
    async def kafka(self, core: CoreDep) -> KafkaReportOut | KafkaDisabledOut:
        if core.streams is None:
            return KafkaDisabledOut()
        return KafkaReportOut.from_domain(await core.streams.report())

    @post(
        "/kafka/consumers/{group:str}/restart",
        summary="Restart one of Bulwark's consumer groups (it resumes from its commits)",
        description=(
            "200 once the group's consumers are running again. 404 NOT_FOUND for a group this "
            "instance does not run (or when Kafka is not configured). Risk officers and admins."
        ),
        status_code=200,
        guards=[require_roles(Role.RISK_OFFICER, Role.ADMIN)],
        responses=problem_responses(401, 403, 404, 429),
    )
    async def restart_consumer(self, group: FromPath[str], core: CoreDep) -> ConsumerRestartedOut:
        if core.streams is None:
            raise NotFound(f"consumer group {group} not found: Kafka is not configured")
        await core.streams.restart_consumer(group)
        return ConsumerRestartedOut(group=group)


CONTROLLERS: list[Any] = [MonitoringController]
