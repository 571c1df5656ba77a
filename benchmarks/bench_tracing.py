"""What tracing costs: a span off and on, and a whole POST /api/v1/orders off and on.

(a) per step, in ns: the no-op tracer's span (tracing off: what the use cases pay per
    marked step), an OpenTelemetry span into a BatchSpanProcessor (tracing on: the span is
    queued, exported later on the exporter's own thread; here the exporter drops them), and
    the log processor that adds trace ids, outside a span;
(b) per request, in CPU us: the demo app's POST /api/v1/orders in-process (no sockets, the
    real submission through gate, store and paper broker, as bench_http_layers' `whole`)
    with tracing off, with it on (server span + batch/gate/store/broker spans, 6 a request)
    and on with a sample ratio of 0 (every span started, none recorded), taking turns round
    after round; the best round of each.
Run: `.venv/bin/python -m benchmarks.bench_tracing [--requests N] [--rounds N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from adapters.tracing.asgi import ServerSpans
from adapters.tracing.logs import add_trace_ids
from adapters.tracing.otel import OtelTracer
from benchmarks.bench_http_layers import measured_us, serving
from benchmarks.http_driver import machine
from ports.core.tracing import NO_TRACER, Tracer

# Target: with tracing off a marked step costs next to nothing (six steps an order). With it
# on, the figures are for information: the SDK's cost per recorded span, which the sample
# ratio (BULWARK_OTEL_SAMPLE_RATIO) scales down.
OFF_SPAN_TARGET_NS = 500


class Dropping(SpanExporter):
    """An exporter that accepts every batch and keeps nothing (no network in the figures)."""

    def __init__(self) -> None:
        self.spans = 0

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.spans += len(spans)
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        return None


ON_RATIO_0 = "tracing on, sample ratio 0"


def provider(ratio: float = 1.0) -> tuple[TracerProvider, Dropping]:
    exporter = Dropping()
    traced = TracerProvider(sampler=ParentBased(TraceIdRatioBased(ratio)))
    traced.add_span_processor(BatchSpanProcessor(exporter))
    return traced, exporter


def ns_per_call(work: Callable[[], object], calls: int) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter_ns()
        for _ in range(calls):
            work()
        best = min(best, (time.perf_counter_ns() - started) / calls)
    return best


def step_costs(calls: int) -> dict[str, float]:
    traced, _ = provider()
    on: Tracer = OtelTracer(traced.get_tracer("bench"))

    def span_with(tracer: Tracer) -> Callable[[], object]:
        def step() -> None:
            with tracer.span("gate.evaluate", symbol="AAPL") as span:
                span.set("approved", True)

        return step

    event = {"event": "request", "status": 201}
    costs = {
        "no-op span (tracing off)": ns_per_call(span_with(NO_TRACER), calls),
        "OpenTelemetry span, batched (tracing on)": ns_per_call(span_with(on), calls // 10),
        "log processor, outside a span": ns_per_call(
            lambda: add_trace_ids(None, "info", event), calls
        ),
    }
    traced.shutdown()
    return costs


async def request_costs(requests: int, rounds: int) -> tuple[dict[str, list[float]], int]:
    traced, exporter = provider()
    unsampled, _ = provider(0.0)
    results: dict[str, list[float]] = {"tracing off": [], "tracing on": [], ON_RATIO_0: []}
    async with serving("info") as bulwark:
        app = bulwark.app
        target: Any = app
        bulwark.variant("whole")
        orders = bulwark.orders
        edge = app.asgi_handler
        layers: dict[str, tuple[Any, Tracer]] = {
            "tracing off": (edge, NO_TRACER),
            "tracing on": (
                ServerSpans(edge, traced.get_tracer("bench.http")),
                OtelTracer(traced.get_tracer("bench")),
            ),
            ON_RATIO_0: (
                ServerSpans(edge, unsampled.get_tracer("bench.http")),
                OtelTracer(unsampled.get_tracer("bench")),
            ),
        }
        for _ in range(rounds):
            for name in results:
                app.asgi_handler, orders.tracer = layers[name]
                results[name].append(await measured_us(target, bulwark.headers, requests))
        app.asgi_handler = edge
        orders.tracer = NO_TRACER
    traced.shutdown()
    unsampled.shutdown()
    return results, exporter.spans


def report(steps: dict[str, float], requests: dict[str, list[float]], exported: int) -> None:
    print(f"tracing costs, {machine()}")
    print("| step | ns |")
    print("| --- | --- |")
    for name, ns in steps.items():
        print(f"| {name} | {ns:.0f} |")
    off_span = steps["no-op span (tracing off)"]
    verdict = "ok" if off_span <= OFF_SPAN_TARGET_NS else "OVER"
    print(f"  no-op span {off_span:.0f} ns, target <= {OFF_SPAN_TARGET_NS} ns: {verdict}")
    best = {name: min(values) for name, values in requests.items()}
    rounds = len(requests["tracing off"])
    print(f"POST /api/v1/orders in-process, whole submission, memory store, best of {rounds}")
    print("| variant | us per request |")
    print("| --- | --- |")
    for name, us in best.items():
        print(f"| {name} | {us:.1f} |")
    for name in ("tracing on", ON_RATIO_0):
        added = best[name] - best["tracing off"]
        print(f"  {name} adds {added:+.1f} us ({added / best['tracing off']:+.1%}) per request")
    print(f"  {exported:,} spans exported (sampled variant; none dropped if it is 6 a request)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_tracing")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--calls", type=int, default=200_000)
    args = parser.parse_args(argv)
    steps = step_costs(args.calls)
    requests, exported = asyncio.run(request_costs(args.requests, args.rounds))
    report(steps, requests, exported)


if __name__ == "__main__":
    main()
