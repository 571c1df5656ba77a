"""The AI reviewer's fallback when its endpoint hangs: how long a review takes to answer.

A local chat-completions server (tests/chat_completions_server.py) accepts every request and
never answers. `--reviews` reviews of a stored order run `--concurrency` at a time through
the ReviewService with the budget `--budget` (2 s, BULWARK_REVIEW_BUDGET_SECONDS' default);
each is answered by the rules rater when the budget runs out. The figure is the p99 of the
answer times (from the call to the stored review, the gate figures' recomputation included).
Target: p99 within the budget + 50 ms, so a hung model costs a caller the budget and no more.
Run: `.venv/bin/python -m benchmarks.bench_reviewer [--reviews N] [--concurrency N] [--budget S]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass

from benchmarks.http_driver import machine
from domain.risk.review import ReviewFallback
from tests.chat_completions_server import ChatCompletionsServer
from tests.integration.review.kit import ALICE, desk, place

SLACK_S = 0.050


@dataclass(frozen=True)
class Result:
    reviews: int
    concurrency: int
    budget_s: float
    p50_s: float
    p99_s: float
    max_s: float
    fallbacks: int  # reviews answered by the rules for a timeout (all of them, when it works)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reviews", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--budget", type=float, default=2.0)
    return parser.parse_args(argv)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def _measure(args: argparse.Namespace) -> Result:
    async with ChatCompletionsServer() as server:
        server.script(*["hang"] * (args.reviews + 10))
        d = await desk(server.base_url, budget_s=args.budget)
        order_id = await place(d.e, 10)
        gate = asyncio.Semaphore(args.concurrency)
        times: list[float] = []
        fallbacks = 0

        async def one() -> None:
            nonlocal fallbacks
            async with gate:
                started = time.perf_counter()
                stored = await d.reviews.review_order(ALICE, order_id)
                times.append(time.perf_counter() - started)
                fallbacks += stored.review.fallback is ReviewFallback.TIMEOUT

        await asyncio.gather(*(one() for _ in range(args.reviews)))
    return Result(
        args.reviews, args.concurrency, args.budget, statistics.median(times),
        percentile(times, 0.99), max(times), fallbacks,
    )  # fmt: skip


def measure(args: argparse.Namespace) -> Result:
    return asyncio.run(_measure(args))


def report(result: Result) -> None:
    target = result.budget_s + SLACK_S
    met = "met" if result.p99_s <= target else "NOT met"
    print(f"reviewer fallback, endpoint hanging ({machine()})")
    print(
        f"  {result.reviews:,} reviews, {result.concurrency} at a time, budget "
        f"{result.budget_s:.3f} s: {result.fallbacks:,} answered by the rules (timeout)"
    )
    print(f"  p50 {result.p50_s:.3f} s, max {result.max_s:.3f} s")
    print(f"  p99 {result.p99_s:.3f} s  target <= {target:.3f} s (budget + 50 ms) -> {met}")


def main(argv: list[str] | None = None) -> None:
    report(measure(parse(argv)))


if __name__ == "__main__":
    main()
