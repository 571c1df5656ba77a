"""Performance regression guard: the hot paths' speed as ratios to a reference, against records.

Measures, in one process and one short run, the pre-trade gate alone and the risk book + gate
(bench_pretrade's fixture), `OrderService.submit` on the memory store and on SQLite
(bench_orders' container, accounts and load; bench_store's provisioning) and POST
/api/v1/orders through the whole HTTP app called in-process (bench_http_layers' ASGI driver),
and the notification dispatcher working off a SQLite outbox (bench_notify_backlog's drain).

A sample alternates short slices of the benchmark with slices of the frozen reference workload
(benchmarks/guard_reference.py) of about the same length, so both meet the same machine: its
speed, and how busy the other processes keep it, cancel in the sample's ratio (the benchmark's
operations per CPU second over the reference's). The reference runs in a process of its own,
with nothing of the project imported, while this one waits: in this process the project's
event loop tasks and hooks would slow the yardstick along with the code it measures, and hide
a regression of that kind. A benchmark's figure is the median of its
samples' ratios over the rounds; the benchmarks take turns, round after round. The figures are
judged against benchmarks/baseline.json (guard_compare.py): one more than the tolerance (15 %)
below its record fails the guard if a second run, in a fresh process, finds it below too (the
better of its two figures is judged), so that one unlucky run on a busy machine does not fail
a landing while a real regression fails both.

Timing is CPU time of the process (time.process_time), not wall time: on a shared 2-core
machine the other processes take the CPU away for stretches that wall time counts and CPU time
does not. The collector is off while a sample is timed and runs between samples, as timeit
does. pyperf (well kept; the runner of CPython's benchmark suite) supplies the machine
description recorded beside each figure (its metadata: CPU model and count, Python, platform)
and the format of `--dump` (the raw samples, which `python -m pyperf stats|hist|compare_to`
read). Its Runner does not run the benchmarks: it measures one benchmark at a time, each in a
series of fresh worker processes that import the project and build their fixtures again, so it
can neither interleave the reference with the benchmark nor fit in the minute or so this guard
may take; pytest-benchmark times inside pytest (the project keeps timings out of its tests),
and asv builds an environment per commit (minutes).

Run: `.venv/bin/python -m benchmarks.guard` (`make bench-guard`; exit status 1 on a failure);
`--record --runs 3` writes the medians of three runs to the baseline (`make bench-baseline`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pyperf  # type: ignore[import-untyped]

from benchmarks.guard_compare import Record, better_of, compare

BASELINE = Path(__file__).with_name("baseline.json")
TOLERANCE = 0.15
ROUNDS = 7  # samples per benchmark in a run
Step = Callable[[], Awaitable[int]]  # one slice of a benchmark: the operations it did


@dataclass
class Subject:
    """One guarded benchmark: its step, slices per sample, and what its samples measured."""

    name: str
    step: Step
    slices: int
    unit: str
    reference_steps: int = 1  # reference steps per slice: about as long as one of ours
    slice_cpu: float = 0.0  # CPU seconds of our last sample's slices, and of its reference steps
    reference_step_cpu: float = 0.0
    speeds: list[float] = field(default_factory=list)
    references: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [s / r for s, r in zip(self.speeds, self.references, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def spread(self) -> float:
        """Median absolute deviation of the samples' ratios, as a fraction of their median."""
        middle = self.ratio
        return statistics.median(abs(r - middle) for r in self.ratios) / middle

    async def sample(self, reference: Reference) -> None:
        """`slices` slices of ours, each after `reference_steps` of the reference's; GC off."""
        ours = theirs = 0
        our_cpu = their_cpu = 0.0
        clock = time.process_time
        gc.collect()
        gc.disable()
        try:
            for _ in range(self.slices):
                orders, cpu = reference.run(self.reference_steps)
                theirs, their_cpu = theirs + orders, their_cpu + cpu
                began = clock()
                ours += await self.step()
                our_cpu += clock() - began
        finally:
            gc.enable()
        self.speeds.append(ours / our_cpu)
        self.references.append(theirs / their_cpu)
        self.slice_cpu = our_cpu / self.slices
        self.reference_step_cpu = their_cpu / (self.slices * self.reference_steps)

    def calibrate(self) -> None:
        """Reference steps per slice from the last sample, so both take turns of one length."""
        self.reference_steps = max(1, round(self.slice_cpu / self.reference_step_cpu))
        self.speeds.clear()
        self.references.clear()


class Reference:
    """The reference workload in a process of its own (guard_reference.serve), run on demand."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.guard_reference"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, steps: int) -> tuple[int, float]:
        """`steps` steps of the reference, while this process waits: orders, CPU seconds."""
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(f"{steps}\n")
        self._process.stdin.flush()
        orders, cpu = self._process.stdout.readline().split()
        return int(orders), float(cpu)

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        self._process.wait(10)


def gate_subjects() -> list[Subject]:
    """The gate alone against a prepared snapshot, and the incremental risk book + the gate."""
    from benchmarks.bench_pretrade import all_rules, build_fixture, incremental_run, new_orders
    from domain.killswitch.state import TradingState
    from domain.risk.gate import compile_policy
    from domain.risk.view import build_risk_view

    account, instruments, marks = build_fixture()
    policy = compile_policy(account.id, account.owner_id, all_rules())
    now = datetime(2026, 1, 7, 15, 0, tzinfo=UTC)
    orders = new_orders(account.id, marks)
    snapshot = build_risk_view(
        account, instruments, marks, now=now, trading_state=TradingState.ACTIVE
    )
    evaluate = policy.evaluate

    async def gate() -> int:
        for order in orders * 3:
            evaluate(order, snapshot)
        return 3 * len(orders)

    async def book() -> int:
        # its own copy of the marks: the run moves them, and over many steps they would drift
        # past the gate's price collar
        incremental_run(account, instruments, dict(marks), orders, policy, now, 4_000)
        return 400

    return [
        Subject("gate alone", gate, 8, "decisions"),
        Subject("risk book + gate", book, 8, "decisions"),
    ]


async def order_subject(stack: AsyncExitStack, store: Any, name: str, slices: int) -> Subject:
    """`OrderService.submit` as bench_orders drives it: 16 accounts, 64 in flight, 128 a step."""
    from benchmarks.bench_orders import WARM_UP, Load, open_container, seed

    container = await open_container(store)

    async def close() -> None:
        await container.shutdown_resources()  # type: ignore[misc]

    stack.push_async_callback(close)
    accounts = await seed(container, 16)
    await Load(container.trading.orders(), accounts, 64).run(WARM_UP)

    # On SQL the committed events are published after the answer (the outbox pump): a step
    # ends when its events are published, so each slice pays for its own (the bus handlers:
    # the ledger's fill path, notices, the hub) and no backlog grows past the measurement.
    idle = getattr(container.core.publisher(), "idle", None)

    async def step() -> int:  # a buying round and a selling one: the accounts stay flat
        done = await Load(container.trading.orders(), accounts, 64).run(2)
        if idle is not None:
            await idle()
        return done

    return Subject(name, step, slices, "orders")


NOTIFY_STEP = 1_000  # deliveries a step sends: two dispatcher passes of its default batch
NOTIFY_SLICES = 4


async def notify_subject(stack: AsyncExitStack, rounds: int) -> Subject:
    """The dispatcher working off a SQLite outbox of WebSocket pushes (bench_notify_backlog's
    drain): a backlog seeded once, for every sample of the run, 1,000 deliveries a step."""
    from benchmarks.bench_notify_backlog import drain_of

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
    samples = rounds + 1  # the warm-up's and the rounds'
    drain = await drain_of(folder, NOTIFY_STEP * NOTIFY_SLICES * samples * 5 // 4)

    async def dispose() -> None:
        await drain.engine.dispose()

    stack.push_async_callback(dispose)

    async def step() -> int:
        before = drain.pushed
        while drain.pushed - before < NOTIFY_STEP:
            if not await drain.dispatcher.run_once():
                raise RuntimeError("the notification backlog ran out")
        return drain.pushed - before

    return Subject("notification delivery, SQLite", step, NOTIFY_SLICES, "deliveries")


HTTP_ENV = {
    "BULWARK_DEMO": "true",
    "BULWARK_ENV": "dev",
    "BULWARK_DATABASE_URL": "memory://",
    "BULWARK_API_RATE_PER_MINUTE": "1000000",
    "BULWARK_LOG_LEVEL": "warning",
    "BULWARK_LOG_FORMAT": "json",
    "BULWARK_KILL_SWITCH_LANE": "false",
    "BULWARK_LOOP_WATCHDOG_MS": "0",
}


async def http_subject(stack: AsyncExitStack, slices: int) -> Subject:
    """POST /api/v1/orders through the whole app (memory store), called in-process, in turn."""
    from benchmarks.bench_http_layers import ASGIApp, call, per_request_us
    from bootstrap.app import create_app

    os.environ.update(HTTP_ENV)
    bulwark = create_app()
    app = cast(ASGIApp, bulwark)
    await stack.enter_async_context(bulwark.lifespan())
    login = json.dumps({"username": "demo", "password": "demo-password-1"}).encode()
    status, body = await call(app, "/api/v1/auth/login", {}, login)
    if status != 200:
        raise RuntimeError(f"login: {status} {body[:200]!r}")
    headers = {"Authorization": f"Bearer {json.loads(body)['access_token']}"}

    async def step() -> int:  # 32 buys, then 32 sells (bench_http_layers' alternation)
        await per_request_us(app, headers, 64)
        return 64

    return Subject("HTTP order path", step, slices, "requests")


async def measure(stores: dict[str, Any], rounds: int) -> list[Subject]:
    """Every subject `rounds` times, in turn."""
    async with AsyncExitStack() as stack:
        subjects = gate_subjects()
        subjects.append(await order_subject(stack, stores["memory"], "orders, memory store", 8))
        subjects.append(await order_subject(stack, stores["sqlite"], "orders, SQLite", 5))
        subjects.append(await http_subject(stack, 4))
        subjects.append(await notify_subject(stack, rounds))
        reference = Reference()
        stack.callback(reference.close)
        for s in subjects:  # warm: first-use paths and caches; then slices of equal length
            await s.sample(reference)
            s.calibrate()
        gc.collect()
        gc.freeze()  # the fixtures: out of the collector's way
        for _ in range(rounds):
            for s in subjects:
                await s.sample(reference)
        return subjects


@dataclass
class RunResult:
    subjects: list[Subject]
    seconds: float

    def figures(self) -> dict[str, float]:
        return {s.name: s.ratio for s in self.subjects}


def run_once(rounds: int) -> RunResult:
    """One run: the stores provisioned, every benchmark measured; stores removed after."""
    from benchmarks.bench_store import provisioned

    began = time.perf_counter()
    with contextlib.ExitStack() as stack:
        stores = {kind: stack.enter_context(provisioned(kind)) for kind in ("memory", "sqlite")}
        subjects = asyncio.run(measure(stores, rounds))
    return RunResult(subjects, time.perf_counter() - began)


def machine() -> str:
    """This machine in a line, from pyperf's metadata."""
    meta = pyperf.Run([1.0], metadata={"name": "guard"}).get_metadata()
    return (
        f"{meta.get('cpu_model_name', 'unknown CPU')}, {meta.get('cpu_count', '?')} CPUs, "
        f"Python {meta.get('python_version', sys.version.split()[0])}, "
        f"{meta.get('platform', sys.platform)}"
    )


def report(result: RunResult) -> None:
    width = max(len(s.name) for s in result.subjects)
    print(f"Performance guard, {machine()}")
    print(f"  {'benchmark':<{width}}  {'per CPU s':>10}  {'reference':>9}  {'ratio':>8}  spread")
    for s in result.subjects:
        print(
            f"  {s.name:<{width}}  {statistics.median(s.speeds):>10,.0f}  "
            f"{statistics.median(s.references):>9,.0f}  {s.ratio:>8.4f}  {s.spread:>6.1%}  "
            f"({len(s.ratios)} samples, {s.unit})"
        )
    print(f"  (reference: simulated orders per CPU s; run took {result.seconds:.0f} s)")


def dump(result: RunResult, path: Path) -> None:
    """The raw samples as a pyperf suite: CPU seconds per operation, ours and the reference's."""
    benches = []
    for s in result.subjects:
        for name, speeds in ((s.name, s.speeds), (f"{s.name} (reference)", s.references)):
            run = pyperf.Run([1 / v for v in speeds], metadata={"name": name, "unit": "second"})
            benches.append(pyperf.Benchmark([run]))
    pyperf.BenchmarkSuite(benches).dump(str(path), replace=True)


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """The apps' start-up warnings to a file, shown only if the run fails."""
    with tempfile.TemporaryFile() as log:
        saved = os.dup(2)
        os.dup2(log.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            log.seek(0)
            sys.stderr.write(log.read()[-4000:].decode(errors="replace"))
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def load_records(path: Path) -> dict[str, Record]:
    data = json.loads(path.read_text())
    return {
        name: Record(entry["ratio"], entry["machine"]) for name, entry in data["benchmarks"].items()
    }


def record(path: Path, runs: int, rounds: int) -> None:
    """`runs` separate runs (fresh processes); the median of each figure to the baseline."""
    figures: dict[str, list[float]] = {}
    for n in range(runs):
        print(f"run {n + 1} of {runs}", flush=True)
        for name, ratio in child_run(rounds).items():
            figures.setdefault(name, []).append(ratio)
    described = machine()
    baseline = {
        "about": (
            "Each ratio: the benchmark's operations per CPU second over the reference "
            "workload's (benchmarks/guard_reference.py), the median of `runs` runs of the "
            "guard; written by `make bench-baseline` (python -m benchmarks.guard --record)."
        ),
        "recorded": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "runs": runs,
        "rounds": rounds,
        "benchmarks": {
            name: {
                "ratio": round(statistics.median(values), 6),
                "runs": [round(v, 6) for v in values],
                "machine": described,
            }
            for name, values in figures.items()
        },
    }
    path.write_text(json.dumps(baseline, indent=2) + "\n")
    print(f"wrote {path}")
    for name, values in figures.items():
        spread = (max(values) - min(values)) / statistics.median(values)
        print(f"  {name}: {statistics.median(values):.4f} (runs {values}, range {spread:.1%})")


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.guard", description=__doc__)
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="a fraction (0.15)")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--record", action="store_true", help="write the baseline")
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    parser.add_argument("--dump", type=Path, help="the raw samples, as a pyperf JSON file")
    parser.add_argument("--figures", type=Path, help=argparse.SUPPRESS)  # a child run's output
    args = parser.parse_args(argv)
    if args.record:
        record(args.baseline, args.runs, args.rounds)
        return 0
    records = None if args.figures else load_records(args.baseline)
    with quiet_stderr():
        result = run_once(args.rounds)
    report(result)
    if args.dump:
        dump(result, args.dump)
    if args.figures:
        args.figures.write_text(json.dumps(result.figures()))
    if records is None:
        return 0
    figures = result.figures()
    elsewhere = {r.machine for r in records.values()} - {machine()}
    if elsewhere:
        print(f"note: records taken on another machine ({'; '.join(sorted(elsewhere))})")
    verdict = compare(figures, records, args.tolerance)
    if not verdict.ok and any(name in figures for name in verdict.failed):
        print(verdict.table)
        print(f"below the tolerance: {', '.join(verdict.failed)}; confirming in a fresh run")
        figures = better_of(figures, child_run(args.rounds), verdict.failed)
        verdict = compare(figures, records, args.tolerance)
        print("judged on the better of the two runs for those:")
    print(verdict.message)
    return 0 if verdict.ok else 1


def child_run(rounds: int) -> dict[str, float]:
    """A run of the guard in a fresh process (its report printed); its figures."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        argv = [sys.executable, "-m", "benchmarks.guard", "--rounds", str(rounds)]
        subprocess.run([*argv, "--figures", str(out)], check=True)
        figures: dict[str, float] = json.loads(out.read_text())
        return figures


if __name__ == "__main__":
    sys.exit(main())
