"""bootstrap/tracing.py: off without an endpoint; OTLP/HTTP export, sampling, flush when on;
the standard OTEL_* variables where the BULWARK_ settings are unset."""

from __future__ import annotations

import pytest
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from adapters.tracing.messages import NO_MESSAGE_TRACING
from bootstrap.settings import SettingsError, load_settings
from bootstrap.tracing import TracingChoice, build_tracing, choose_tracing, traces_url
from ports.core.tracing import NO_TRACER
from tests.otlp_collector import otlp_collector


def settings(**env: str):  # type: ignore[no-untyped-def]
    return load_settings({f"BULWARK_{k.upper()}": v for k, v in env.items()}, env_file=None)


def test_without_an_endpoint_tracing_is_off() -> None:
    # Act
    tracing = build_tracing(settings(), {})

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
        ),
        {},
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


def test_without_any_setting_or_variable_tracing_is_off() -> None:
    # Act
    choice = choose_tracing(settings(), {"OTEL_SERVICE_NAME": "desk"})

    # Assert
    assert choice is None


@pytest.mark.parametrize(
    ("environ", "url"),
    [
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318"}, "http://otel:4318/v1/traces"),
        (
            {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "https://otel/custom/path"},
            "https://otel/custom/path",
        ),
        (
            {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://generic:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://traces:4318/v1/traces",
            },
            "http://traces:4318/v1/traces",
        ),
    ],
)
def test_the_standard_endpoint_variables_turn_tracing_on_when_bulwarks_is_unset(
    environ: dict[str, str], url: str
) -> None:
    # Act
    choice = choose_tracing(settings(), environ)

    # Assert
    assert choice == TracingChoice(url, "bulwark", "parentbased_traceidratio", 1.0)


def test_bulwarks_settings_win_over_the_standard_variables() -> None:
    # Arrange
    environ = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318",
        "OTEL_SERVICE_NAME": "from-otel",
        "OTEL_TRACES_SAMPLER": "always_off",
        "OTEL_TRACES_SAMPLER_ARG": "0.5",
        "OTEL_SDK_DISABLED": "true",
    }
    own = settings(
        otlp_endpoint="http://bulwark:4318",
        otel_service_name="from-bulwark",
        otel_sample_ratio="0.25",
    )

    # Act
    choice = choose_tracing(own, environ)

    # Assert
    assert choice == TracingChoice(
        "http://bulwark:4318/v1/traces", "from-bulwark", "parentbased_traceidratio", 0.25
    )


def test_each_standard_variable_fills_in_only_the_setting_left_unset() -> None:
    # Arrange
    environ = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318",
        "OTEL_SERVICE_NAME": "from-otel",
        "OTEL_TRACES_SAMPLER": "traceidratio",
        "OTEL_TRACES_SAMPLER_ARG": "0.1",
    }

    # Act
    named = choose_tracing(settings(otel_service_name="from-bulwark"), environ)
    sampled = choose_tracing(settings(otel_sample_ratio="0.5"), environ)

    # Assert
    assert named == TracingChoice("http://otel:4318/v1/traces", "from-bulwark", "traceidratio", 0.1)
    assert sampled == TracingChoice(
        "http://otel:4318/v1/traces", "from-otel", "parentbased_traceidratio", 0.5
    )


@pytest.mark.parametrize(
    ("sampler", "arg", "description"),
    [
        ("always_on", None, "AlwaysOnSampler"),
        ("always_off", None, "AlwaysOffSampler"),
        ("traceidratio", "0.2", "TraceIdRatioBased{0.2}"),
        ("parentbased_always_on", None, "ParentBased{root:AlwaysOnSampler"),
        ("parentbased_always_off", None, "ParentBased{root:AlwaysOffSampler"),
        ("parentbased_traceidratio", "0.3", "ParentBased{root:TraceIdRatioBased{0.3}"),
        ("PARENTBASED_TRACEIDRATIO", None, "ParentBased{root:TraceIdRatioBased{1.0}"),
    ],
)
def test_the_standard_sampler_variables_build_the_sdks_sampler(
    sampler: str, arg: str | None, description: str
) -> None:
    # Arrange
    environ = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318", "OTEL_TRACES_SAMPLER": sampler}
    if arg is not None:
        environ["OTEL_TRACES_SAMPLER_ARG"] = arg

    # Act
    tracing = build_tracing(settings(), environ)

    # Assert
    try:
        assert tracing.provider is not None
        assert tracing.provider.sampler.get_description().startswith(description)
        assert tracing.provider.resource.attributes["service.name"] == "bulwark"
    finally:
        tracing.shutdown()


def test_otel_sdk_disabled_turns_off_only_tracing_the_standard_variables_configure() -> None:
    # Arrange
    environ = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318", "OTEL_SDK_DISABLED": "TRUE"}

    # Act
    standard = choose_tracing(settings(), environ)
    own = choose_tracing(settings(otlp_endpoint="http://bulwark:4318"), environ)
    not_disabled = choose_tracing(settings(), {**environ, "OTEL_SDK_DISABLED": "false"})

    # Assert
    assert standard is None
    assert own is not None and own.endpoint == "http://bulwark:4318/v1/traces"
    assert not_disabled is not None


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "otel:4318"}, "OTEL_EXPORTER_OTLP_ENDPOINT"),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "grpc://o"}, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
        (
            {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://o:4318", "OTEL_TRACES_SAMPLER": "xray"},
            "OTEL_TRACES_SAMPLER",
        ),
        (
            {
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://o:4318",
                "OTEL_TRACES_SAMPLER": "traceidratio",
                "OTEL_TRACES_SAMPLER_ARG": "2",
            },
            "OTEL_TRACES_SAMPLER_ARG",
        ),
    ],
)
def test_a_bad_standard_variable_is_refused_naming_it(environ: dict[str, str], named: str) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        choose_tracing(settings(), environ)

    # Assert
    assert raised.value.message.startswith(f"{named}:")
