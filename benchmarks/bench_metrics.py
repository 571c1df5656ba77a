"""What the Prometheus measurements cost where they run: per request, per order, per broker call.

Each figure is CPU microseconds per call (process time, best of the rounds) beside its target,
all measured in one run so they compare side by side:
- RED recording in the edge layer (adapters/http/red.py), per request;
- the meter's gate decision and broker call records (adapters/metrics/meter.py), per order;
- a paper broker call through the metered wrapper against the bare adapter;
- one scrape of a registry holding the figures of a busy app (many routes, reasons, brokers).
The whole HTTP path with and without RED: `python -m benchmarks.bench_http_layers`.
Run: `.venv/bin/python -m benchmarks.bench_metrics [--calls N] [--rounds N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from decimal import Decimal

from prometheus_client import CollectorRegistry, generate_latest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.http.red import HttpRed
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.metrics.broker import MeteredBroker
from adapters.metrics.meter import PrometheusMeter
from benchmarks.http_driver import machine
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict

# Targets (us per call): a small share of what each path costs in the first place (the
# HTTP path ~100 us, a gate decision ~50 us, a paper broker call ~10 us).
TARGETS = {
    "RED record (edge, per request)": 2.0,
    "gate decision record (per order)": 3.0,
    "broker call record (per call)": 3.0,
    "paper open_orders, metered - bare": 5.0,
    "scrape of a busy app's figures": 20_000.0,
}
ROUTES = [f"/api/v1/resource{i}/{{id}}" for i in range(60)]


def best_us(calls: int, rounds: int, run: Callable[[int], None]) -> float:
    """The best round's process microseconds per call of `run(calls)`."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run(calls)
        best = min(best, (time.process_time() - started) / calls * 1e6)
    return best


def red_us(calls: int, rounds: int) -> float:
    red = HttpRed()

    def run(n: int) -> None:
        record = red.record
        for i in range(n):
            record("POST", "/api/v1/orders", 201, 0.0004 + (i & 7) * 0.0001)

    return best_us(calls, rounds, run)


def gate_us(calls: int, rounds: int) -> float:
    meter = PrometheusMeter()
    denied = Decision(
        False,
        Decimal(1),
        Decimal(1),
        (Verdict(ReasonCode.MAX_POSITION, Outcome.DENY, "bench", None, "no"),),
    )
    approved = Decision(True, Decimal(1), Decimal(1), ())

    def run(n: int) -> None:
        for i in range(n):
            meter.gate_decision(denied if i & 3 == 0 else approved, 0.00005)

    return best_us(calls, rounds, run)


def broker_record_us(calls: int, rounds: int) -> float:
    meter = PrometheusMeter()

    def run(n: int) -> None:
        for _ in range(n):
            meter.broker_call("paper", "submit", 0.0002, None)

    return best_us(calls, rounds, run)


def wrapper_us(calls: int, rounds: int) -> float:
    """Metered minus bare, per open_orders call of the paper broker (an event loop each)."""
    clock = FakeClock()
    paper = PaperBroker(InMemoryMarketData(clock), clock, SequentialIds(), PaperBrokerConfig())
    paper.seed_account("acc-1", Decimal(100_000))
    wrapped = MeteredBroker(paper, PrometheusMeter(), "paper")

    def runner(broker: PaperBroker | MeteredBroker) -> Callable[[int], None]:
        async def many(n: int) -> None:
            for _ in range(n):
                await broker.open_orders("acc-1")

        return lambda n: asyncio.run(many(n))

    return best_us(calls, rounds, runner(wrapped)) - best_us(calls, rounds, runner(paper))


def scrape_us(rounds: int) -> tuple[float, int]:
    """One scrape of a registry with 60 routes x 3 statuses, reasons and brokers recorded."""
    red, meter = HttpRed(), PrometheusMeter()
    for route in ROUTES:
        for status in (200, 404, 500):
            red.record("GET", route, status, 0.001)
    for code in ReasonCode:
        verdict = Verdict(code, Outcome.DENY, "bench", None, "no")
        meter.gate_decision(Decision(False, Decimal(1), Decimal(1), (verdict,)), 0.0001)
    for adapter in ("paper", "alpaca"):
        for operation in ("submit", "cancel", "cancel_all", "open_orders", "positions", "fills"):
            meter.broker_call(adapter, operation, 0.01, None)
    registry = CollectorRegistry()
    registry.register(red)
    registry.register(meter)
    size = len(generate_latest(registry))
    return best_us(20, rounds, lambda n: [generate_latest(registry) for _ in range(n)]), size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_metrics")
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    calls, rounds = args.calls, args.rounds
    scrape, size = scrape_us(rounds)
    figures = {
        "RED record (edge, per request)": red_us(calls, rounds),
        "gate decision record (per order)": gate_us(calls, rounds),
        "broker call record (per call)": broker_record_us(calls, rounds),
        "paper open_orders, metered - bare": wrapper_us(max(calls // 10, 1000), rounds),
        "scrape of a busy app's figures": scrape,
    }
    print(f"Prometheus measurements, CPU us per call, best of {rounds} round(s), {machine()}")
    print("| measurement | us | target | verdict |")
    print("| --- | --- | --- | --- |")
    for name, value in figures.items():
        target = TARGETS[name]
        verdict = "ok" if value <= target else "OVER"
        print(f"| {name} | {value:.2f} | <= {target:g} | {verdict} |")
    print(f"  the busy scrape: {size:,} bytes of exposition text")


if __name__ == "__main__":
    main()
