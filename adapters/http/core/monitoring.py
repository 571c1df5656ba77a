"""Stream monitoring: Kafka topic rates, latency and consumer lag; consumer restarts; and
Alertmanager's webhook, whose alerts are told to the desk."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.exceptions import ClientException, SerializationException, ValidationException
from litestar.params import FromPath

from adapters.http.core import CoreDep
from adapters.http.core.monitoring_schemas import (
    AlertmanagerWebhookIn,
    AlertsRelayedOut,
    ConsumerRestartedOut,
    KafkaDisabledOut,
    KafkaReportOut,
)
from adapters.http.problems import NOT_CONFIGURED, problem_responses
from adapters.http.security import brings_bearer, carries_bearer, require_roles
from adapters.http.services import HTTP_CONFIG_STATE_KEY, HttpConfig
from application.core.access import SEES_ALL
from domain.errors import CapabilityNotConfigured, Unauthenticated
from domain.principals import Role

# The settings that add what these routes need where it is missing.
KAFKA_SETTING = "BULWARK_KAFKA_BOOTSTRAP"
ALERTMANAGER_SETTING = "BULWARK_ALERTMANAGER_TOKEN"


class MonitoringController(Controller):
    """`/api/v1/monitoring`"""

    path = "/monitoring"

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
    async def get_kafka_streams(self, core: CoreDep) -> KafkaReportOut | KafkaDisabledOut:
        if core.streams is None:
            return KafkaDisabledOut()
        return KafkaReportOut.from_domain(await core.streams.report())

    @post(
        "/kafka/consumers/{group:str}/restart",
        summary="Restart one of Bulwark's consumer groups (it resumes from its commits)",
        description=(
            "200 once the group's consumers are running again. 404 NOT_FOUND for a group this "
            "instance does not run; 409 CAPABILITY_NOT_CONFIGURED naming "
            f"{KAFKA_SETTING} where Kafka is not configured. Risk officers and admins."
        ),
        status_code=200,
        guards=[require_roles(Role.RISK_OFFICER, Role.ADMIN)],
        responses=problem_responses(401, 403, 404, 409, 429, notes={409: NOT_CONFIGURED}),
    )
    async def restart_kafka_consumer(
        self, group: FromPath[str], core: CoreDep
    ) -> ConsumerRestartedOut:
        if core.streams is None:
            raise CapabilityNotConfigured("Kafka streams", (KAFKA_SETTING,))
        await core.streams.restart_consumer(group)
        return ConsumerRestartedOut(group=group)

    @post(
        "/alertmanager",
        summary="Alertmanager's webhook: each firing or resolved alert told to the desk",
        description=(
            "Alertmanager's webhook payload, version 4 (`status`, `alerts[]` with `labels`, "
            "`annotations`, `startsAt`, `endsAt`), with `BULWARK_ALERTMANAGER_TOKEN` as a bearer "
            "token. Each alert becomes one `ops.alert` notification to every active admin and "
            "risk officer (subject `[FIRING] <alertname>: <summary>`; a firing alert labelled "
            "`severity=critical` is CRITICAL). 401 UNAUTHENTICATED without the token; 409 "
            f"CAPABILITY_NOT_CONFIGURED naming {ALERTMANAGER_SETTING} to a bearer token when "
            "none is configured (nobody may call it then); 400 for a body that is not that "
            "payload. "
            "deploy/alertmanager/alertmanager.yml points Alertmanager here."
        ),
        status_code=200,
        exclude_from_auth=True,
        responses=problem_responses(400, 401, 409, 413, 429, notes={409: NOT_CONFIGURED}),
    )
    async def receive_alertmanager_webhook(
        self, request: Request[Any, Any, Any], core: CoreDep
    ) -> AlertsRelayedOut:
        # The body is read first (past the body limit: 413), and decoded only for the holder
        # of the token: nobody else learns what the payload should look like.
        body = await request.body()
        config: HttpConfig = request.app.state[HTTP_CONFIG_STATE_KEY]
        token, relay = config.alertmanager_token, core.ops_alerts
        if token is None or relay is None:  # no token configured: nobody may call it
            if not brings_bearer(request):  # credentials first, as on every other route
                raise Unauthenticated(f"this route needs {ALERTMANAGER_SETTING} as a bearer token")
            raise CapabilityNotConfigured("the Alertmanager webhook", (ALERTMANAGER_SETTING,))
        if not carries_bearer(request, token):
            raise Unauthenticated(f"this route needs {ALERTMANAGER_SETTING} as a bearer token")
        payload = _webhook(body)
        alerts = [alert.to_domain() for alert in payload.alerts]
        sent = await relay.relay(alerts)
        return AlertsRelayedOut(alerts=len(alerts), notifications=sent)


def _webhook(body: bytes) -> AlertmanagerWebhookIn:
    """Alertmanager's payload, or 400: MALFORMED_JSON for text that is not JSON,
    VALIDATION_ERROR for JSON that is not the version 4 payload."""
    try:
        return msgspec.json.decode(body, type=AlertmanagerWebhookIn)
    except msgspec.ValidationError as error:
        raise ValidationException(detail=f"not Alertmanager's version 4 payload: {error}") from None
    except msgspec.DecodeError as error:
        raise ClientException(detail=str(error)) from SerializationException(str(error))


CONTROLLERS: list[Any] = [MonitoringController]
