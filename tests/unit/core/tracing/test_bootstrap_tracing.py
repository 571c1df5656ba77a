"""bootstrap/tracing.py: off without an endpoint; OTLP/HTTP export, sampling, flush when on."""

from __future__ import annotations

import pytest
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from adapters.tracing.messages import NO_MESSAGE_TRACING
from bootstrap.settings import SettingsError, load_settings
from bootstrap.tracing import build_tracing, traces_url
from ports.tracing import NO_TRACER
from tests.otlp_collector import otlp_collector


def settings(**env: str):  # type: ignore[no-untyped-def]
    return load_settings({f"BULWARK_{k.upper()}": v for k, v in env.items()}, env_file=None)


def test_without_an_endpoint_tracing_is_off() -> None:
    # Act
    tracing = build_tracing(settings())

    # Assert
    assert tracing.provider is None
    assert tracing.tracer is NO_TRACER
    assert tracing.messages is NO_MESSAGE_TRACING
    tracing.shutdown()  # nothing to flush, nothing raised


def test_an_endpoint_configures_batched_otlp_http_export_with_the_settings() -> None:
    # Act
    tracing = build_tracing(
        settings(
            otlp_endpoint="http://collector:4318",
            otel_service_name="bulwark-eu",
            otel_sample_ratio="0.25",
        )
    )

    # Assert
    try:
        provider = tracing.provider
        assert provider is not None
        [processor] = provider._active_span_processor._span_processors
        assert isinstance(processor, BatchSpanProcessor)
        exporter = processor._batch_processor._exporter
        assert isinstance(exporter, OTLPSpanExporter)
        assert exporter._endpoint == "http://collector:4318/v1/traces"
        assert provider.resource.attributes["service.name"] == "bulwark-eu"
        assert provider.sampler.get_description().startswith(
            "ParentBased{root:TraceIdRatioBased{0.25}"
        )
        assert tracing.tracer.enabled and tracing.messages.enabled
    finally:
        tracing.shutdown()


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("http://c:4318", "http://c:4318/v1/traces"),
        ("http://c:4318/", "http://c:4318/v1/traces"),
        ("https://c/otlp/v1/traces", "https://c/otlp/v1/traces"),
    ],
)
def test_a_base_url_gets_the_traces_path(given: str, url: str) -> None:
    assert traces_url(given) == url


@pytest.mark.parametrize(
    ("name", "value"),
    [("otlp_endpoint", "collector:4318"), ("otlp_endpoint", "ftp://c"), ("otel_sample_ratio", "2")],
)
def test_bad_tracing_settings_are_refused_naming_the_variable(name: str, value: str) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        settings(**{name: value})

    # Assert
    assert f"BULWARK_{name.upper()}" in raised.value.message
    assert "\n" not in raised.value.message


def test_spans_reach_the_collector_as_protobuf_when_the_process_stops() -> None:
    with otlp_collector() as received:
        # Arrange
        tracing = build_tracing(settings(otlp_endpoint=received.url, otel_service_name="b-test"))

        # Act
        with tracing.tracer.span("gate.evaluate", symbol="AAPL") as span:
            span.set("approved", True)
        tracing.shutdown()

    # Assert
    [(path, content_type, _)] = received.requests
    assert path == "/v1/traces"
    assert content_type == "application/x-protobuf"
    [(service, sent)] = received.spans()
    assert service == "b-test"
    assert sent.name == "gate.evaluate"
    attributes = {a.key: a.value for a in sent.attributes}
    assert attributes["symbol"].string_value == "AAPL"
    assert attributes["approved"].bool_value is True
