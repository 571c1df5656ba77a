"""The order path without HTTP or Kafka, on the memory store, SQLite and PostgreSQL side by side.

`OrderService.submit` as the container wires it for `bulwark serve` (decide, record, send to
the paper broker, publish), background watchers off: `--accounts` accounts (16), `--in-flight`
submissions in flight at once (64, spread evenly over the accounts), market orders for 1 AAPL.
Each account alternates buying and selling in rounds as long as its in-flight share, so the
orders of one batch take one side (a buy and a sell decided together would be a SELF_MATCH)
and the accounts stay flat. Prints orders/s, wall and CPU (time.process_time) microseconds
per order for each store beside the order path's targets, and for SQLite and PostgreSQL
the raw writes of the same rows on the same database in the same run
(benchmarks/raw_write_reference.py) with the order path's share of them; `--profile` adds
where a submission's time goes on the memory store (cProfile, top 15 by cumulative time).
With the memory store, NautilusTrader's submit -> fill path in a BacktestEngine runs the same
orders in the same run (benchmarks/nautilus_backtest_path.py, in its own venv;
`--no-nautilus` skips it).
Run: `.venv/bin/python -m benchmarks.bench_orders [--store all] [--orders N] [--profile]`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal

from cryptography.fernet import Fernet
from dependency_injector import providers

from application.trading.order_commands import SubmitOrder
from application.trading.orders import OrderService
from benchmarks import nautilus_reference, raw_write_reference
from benchmarks.bench_http import cores, machine
from benchmarks.bench_store import STORES, Store, provisioned
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.gc_tuning import restore_gc, tune_gc
from bootstrap.logging import configure_logging
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.instruments import AssetClass, Instrument
from domain.trading.orders import Origin, OriginKind, Side

CASH = Decimal(10_000_000)
PRICE = Decimal(100)
WARM_UP = 4  # rounds per account before timing: caches, pools and first-use paths
# The targets: orders/s and CPU microseconds per order (None: no target set)
TARGETS: dict[str, tuple[float, float | None]] = {
    "memory": (10_000, 100.0),
    "sqlite": (5_000, None),
    "postgres": (5_000, None),
}
# The SQL order path's rate as a share of the raw writes of the same rows (the reference,
# benchmarks/raw_write_reference.py, measured in the same run on the same database): the
# figure that compares across machines
REFERENCE_SHARE = 0.30


@dataclass(frozen=True)
class Result:
    """One store's run: how many orders in how long, the CPU they took, what the gate said."""

    store: Store
    orders: int
    wall_s: float
    cpu_s: float
    approved: int
    reasons: Counter[str]
    not_flat: int  # accounts left holding AAPL after the run (0: every buy met its sell)
    # Batches whose trading states came from the store / from the order path's cache of them
    # (application/trading/trading_state_cache.py; None: no cache, every batch reads the store).
    state_reads: tuple[int, int] | None = None

    @property
    def per_s(self) -> float:
        return self.orders / self.wall_s if self.wall_s > 0 else 0.0

    def us(self, seconds: float) -> float:
        return seconds / self.orders * 1e6 if self.orders else float("nan")


async def no_background() -> AsyncIterator[None]:
    yield None


def settings_env(store: Store) -> dict[str, str]:
    return {
        "BULWARK_ENV": "dev",
        "BULWARK_DATABASE_URL": store.url,
        "BULWARK_LOG_LEVEL": "warning",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_KILL_SWITCH_LANE": "false",
        "BULWARK_LOOP_WATCHDOG_MS": "0",
        "BULWARK_SECRET_KEY": Fernet.generate_key().decode(),  # else a warning per container
    }


async def open_container(store: Store) -> ApplicationContainer:
    """The container as `bulwark serve` builds it, its watchers off, resources started, in
    the steady state a served process reaches: the start-up warm-up threads done (numba
    kernels and solver imports: seconds, holding the GIL the order path needs while they
    run), then the collector tuned as `serve` tunes it last (bootstrap/gc_tuning.py)."""
    settings = load_settings(settings_env(store), env_file=None)
    configure_logging(settings.core.log_level, settings.core.log_format)
    container = build_container(settings)
    container.background.override(providers.Resource(no_background))
    await container.init_resources()  # type: ignore[misc]
    for resource in (container.core.compute_warmup, container.analytics.optimizer_warmup):
        warming = await resource()  # type: ignore[misc]
        if warming is not None:
            await asyncio.to_thread(warming.join)
    return container


async def seed(container: ApplicationContainer, accounts: int) -> list[Account]:
    """`accounts` funded accounts (here and at the paper broker) and AAPL priced at 100."""
    opened = [
        Account(f"bench-{i}", f"owner-{i}", CASH, start_of_day_equity=CASH, peak_equity=CASH)
        for i in range(accounts)
    ]
    async with container.core.uow_factory()() as uow:
        if await uow.instruments.get("AAPL") is None:
            await uow.instruments.add(Instrument("AAPL", AssetClass.EQUITY, sector="Tech"))
        for account in opened:
            await uow.accounts.add(account)
        await uow.commit()
    container.core.market().set_price("AAPL", PRICE)
    for account in opened:
        container.core.paper_broker().seed_account(account.id, CASH)
    return opened


class Load:
    """Keeps `in_flight` submissions going, spread over the accounts, `total` in all."""

    def __init__(self, service: OrderService, accounts: list[Account], in_flight: int) -> None:
        self._service = service
        self._accounts = accounts
        self._per_account = max(1, in_flight // len(accounts))
        self.approved = 0
        self.reasons: Counter[str] = Counter()

    async def run(self, rounds: int) -> int:
        """Each account's share of the in-flight submissions, `rounds` times; orders sent."""
        await asyncio.gather(*(self._account(a, rounds) for a in self._accounts))
        return rounds * self._per_account * len(self._accounts)

    async def _account(self, account: Account, rounds: int) -> None:
        principal = Principal(account.owner_id, Role.OWNER)
        origin = Origin(OriginKind.USER, account.owner_id)
        for round_no in range(rounds):
            side = Side.BUY if round_no % 2 == 0 else Side.SELL
            cmd = SubmitOrder(principal, account.id, "AAPL", side, Decimal(1), origin)
            results = await asyncio.gather(
                *(self._service.submit(cmd) for _ in range(self._per_account))
            )
            for result in results:
                decision = result.decision
                if decision is not None and decision.approved:
                    self.approved += 1
                elif decision is not None:
                    self.reasons.update(code.value for code in decision.reasons)


async def measure(
    store: Store, args: argparse.Namespace, profile: cProfile.Profile | None = None
) -> Result:
    container = await open_container(store)
    gc_state = tune_gc(container.settings())
    try:
        accounts = await seed(container, args.accounts)
        warm = Load(container.trading.orders(), accounts, args.in_flight)
        await warm.run(WARM_UP)
        load = Load(container.trading.orders(), accounts, args.in_flight)
        per_round = max(1, args.in_flight // args.accounts) * args.accounts
        rounds = max(2, args.orders // per_round)
        rounds += rounds % 2  # an even number of rounds leaves every account flat
        if profile is not None:
            profile.enable()
        states = container.trading.trading_states()
        before = (states.misses, states.hits) if states is not None else (0, 0)
        began, cpu = time.perf_counter(), time.process_time()
        sent = await load.run(rounds)
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        if profile is not None:
            profile.disable()
        held = await holding(container, accounts)
        reads = None
        if states is not None:
            reads = (states.misses - before[0], states.hits - before[1])
        return Result(store, sent, wall, cpu, load.approved, load.reasons, held, reads)
    finally:
        await shutdown_in_order(container)
        restore_gc(gc_state)


async def holding(container: ApplicationContainer, accounts: list[Account]) -> int:
    """How many of the accounts hold AAPL, as the store has them."""
    held = 0
    async with container.core.uow_factory()() as uow:
        for account in accounts:
            stored = await uow.accounts.get(account.id)
            position = stored.positions.get("AAPL") if stored is not None else None
            held += position is not None and position.quantity != 0
    return held


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(result: Result) -> None:
    rate_target, cpu_target = TARGETS[result.store.kind]
    cpu_us, wall_us = result.us(result.cpu_s), result.us(result.wall_s)
    print(f"  {result.store.kind:9} {result.per_s:>9,.0f} orders/s  {wall_us:>7,.0f} us wall  "
          f"{cpu_us:>7,.0f} us CPU per order   ({result.store.about})")  # fmt: skip
    line = f"{'':12}target >= {rate_target:,.0f} orders/s -> {verdict(result.per_s >= rate_target)}"
    if cpu_target is not None:
        line += f"; <= {cpu_target:g} us CPU per order -> {verdict(cpu_us <= cpu_target)}"
    print(line)
    denied = result.orders - result.approved
    top = ", ".join(f"{code} {n:,}" for code, n in result.reasons.most_common(3))
    print(f"{'':12}{result.orders:,} orders in {result.wall_s:.2f} s: approved "
          f"{result.approved:,}, denied {denied:,}{f' ({top})' if top else ''}; accounts "
          f"holding AAPL after: {result.not_flat}")  # fmt: skip
    if result.state_reads is not None:
        stored, cached = result.state_reads
        print(f"{'':12}trading states: {stored:,} reads of the store, {cached:,} from the cache")


def report_reference(result: Result, reference: raw_write_reference.Reference) -> None:
    share = result.per_s / reference.per_s
    print(f"{'':12}raw writes of the same rows (the driver alone, {raw_write_reference.BATCH} "
          f"orders a transaction): {reference.per_s:,.0f} orders/s, {reference.cpu_us:,.0f} us "
          f"CPU per order; the order path is {share:.0%} of it, target >= "
          f"{REFERENCE_SHARE:.0%} -> {verdict(share >= REFERENCE_SHARE)}")  # fmt: skip


# The memory order path's target beside NautilusTrader's submit -> fill path: at least this
# share of its rate, for the same orders in the same run.
NAUTILUS_SHARE = 0.5


def compare_nautilus(memory: Result) -> None:
    """NautilusTrader's BacktestEngine filling the same orders, beside the memory store's run."""
    why = nautilus_reference.ensure_venv()
    if why is not None:
        print(f"  {why}")
        return
    try:
        reference = nautilus_reference.run_backtest(memory.orders)
    except RuntimeError as exc:
        print(f"  NautilusTrader comparison skipped: {exc}")
        return
    print(f"  NautilusTrader {reference.version} BacktestEngine, submit -> fill of the same orders "
          "(market, 1 AAPL, alternating sides;\n  strategy on a quote tick, RiskEngine, "
          "ExecutionEngine, simulated XNAS venue, portfolio; no HTTP, no store):")  # fmt: skip
    print(f"  {'nautilus':9} {reference.per_s:>9,.0f} orders/s  {'':>7}    wall  "
          f"{reference.cpu_us:>7,.0f} us CPU per order")  # fmt: skip
    share = memory.per_s / reference.per_s if reference.per_s else float("inf")
    cpu_ratio = memory.us(memory.cpu_s) / reference.cpu_us if reference.cpu_us else float("nan")
    print(f"{'':12}memory / NautilusTrader = {share:.2f}x the rate ({cpu_ratio:.2f}x the CPU "
          f"per order); target >= {NAUTILUS_SHARE:g}x the rate -> "
          f"{verdict(share >= NAUTILUS_SHARE)}")  # fmt: skip


def print_profile(profile: cProfile.Profile, orders: int, kind: str = "memory") -> None:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats(pstats.SortKey.CUMULATIVE).print_stats(15)
    if os.environ.get("BENCH_TOTTIME"):
        stats.sort_stats(pstats.SortKey.TIME).print_stats(40)
    print(f"\nWhere a submission's time goes, {kind} store, {orders:,} orders under cProfile "
          "(top 15 by cumulative time; cProfile itself slows every call):")  # fmt: skip
    print(out.getvalue().strip())


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--store", choices=(*STORES, "all"), default="all")
    parser.add_argument("--orders", type=int, default=4_000, help="per store (default 4,000)")
    parser.add_argument("--accounts", type=int, default=16)
    parser.add_argument("--in-flight", type=int, default=64)
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile on --store (the memory store for all)"
    )
    parser.add_argument(
        "--no-nautilus",
        action="store_true",
        help="skip NautilusTrader's submit -> fill path beside the memory store",
    )
    return parser.parse_args(argv)


def main() -> None:
    args = parse()
    kinds = STORES if args.store == "all" else (args.store,)
    load = f"{args.accounts} accounts, {args.in_flight} in flight, market orders for 1 AAPL"
    print(f"OrderService.submit (decide, record, paper broker, publish), {machine()}, {load}")
    print(f"  note: one process on {cores()} cores; CPU per order counts the whole process "
          "(the PostgreSQL server is another process and is not counted)")  # fmt: skip
    for kind in kinds:
        with provisioned(kind, args.database_url) as store:
            result = asyncio.run(measure(store, args, None))
            reference = raw_write_reference.measure(kind, store.url, result.orders)
        report(result)
        if reference is not None:
            report_reference(result, reference)
        if kind == "memory" and not args.no_nautilus:
            compare_nautilus(result)
    if args.profile:
        profiled = "memory" if args.store == "all" else args.store
        profile = cProfile.Profile()
        with provisioned(profiled, args.database_url) as store:
            result = asyncio.run(measure(store, args, profile))
        print_profile(profile, result.orders, profiled)


if __name__ == "__main__":
    main()
