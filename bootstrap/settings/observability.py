"""Observability: Prometheus /metrics and OpenTelemetry traces."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Secret, Section


class ObservabilitySettings(Section, frozen=True, kw_only=True):
    """Prometheus /metrics and OpenTelemetry traces."""

    env_prefix: ClassVar[str] = ""

    # A bearer token every scrape must bring. Unset: /metrics is open in dev and test, and
    # answers 404 in prod (one line at start-up says so).
    metrics_token: Secret | None = None
    # `bulwark consume` serves its own /metrics (gate decisions from Kafka commands, broker
    # calls, process figures) on this port; 0: none. Same token rule as the API's /metrics.
    consume_metrics_port: Annotated[int, msgspec.Meta(ge=0, le=65535)] = 0
    consume_metrics_host: str = "127.0.0.1"
    # The bearer token Alertmanager brings to POST /api/v1/monitoring/alertmanager (its
    # alerts become `ops.alert` notifications to the desk). Unset: that route answers 401.
    alertmanager_token: Secret | None = None
    # The collector's base URL (http://host:4318; /v1/traces is added) or its full traces URL.
    # Each of these three wins over its standard OTEL_* variable when both are set.
    otlp_endpoint: Annotated[str, msgspec.Meta(pattern=r"^https?://[^\s/]+(/\S*)?$")] | None = None
    # Unset: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT, else tracing off.
    # service.name of the spans. Unset: OTEL_SERVICE_NAME, else "bulwark".
    otel_service_name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None
    # Share of new traces kept (a caller's sampled flag is followed: ParentBased). Unset:
    # OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG, else 1.0 (bootstrap/tracing.py).
    otel_sample_ratio: Annotated[float, msgspec.Meta(ge=0, le=1)] | None = None
