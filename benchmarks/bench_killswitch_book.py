"""Kill switch over a book: one account at each of three simulated venues, 100 open orders at
each, the book's scope pulled, until every venue confirmed.

The venues are the real adapters against the in-process simulators of their APIs on loopback
HTTP (bootstrap/drill_venues.py): Alpaca's trading API v2, Binance's spot API v3 and Kraken's
spot REST API, the last two through ccxt. Each run builds a fresh embedded Bulwark on the
system clock routing one account to each venue, puts the three in one book, rests `--orders`
buy limits at each through the order service (the gate is real), then pulls the book and
reads the kill switch's record:

- activation -> every venue confirmed: the record's `elapsed_ms` (from the call until the last
  venue's open-order list came back empty), against the kill switch's deadline, 1.5 s, as p99;
- with `--flatten-runs`, the same with a position held at each venue and `flatten: true`: until
  every venue, asked again, showed no working order and no position (printed beside it; the
  deadline is what the closing orders' fills may take, not a target of its own).

Run: `.venv/bin/python -m benchmarks.bench_killswitch_book [--runs N] [--orders N]
[--flatten-runs N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from adapters.memory.books import InMemoryBookStore
from adapters.memory.clock import SystemClock
from application.books.scope_group import BookScopeGroup
from application.safety.killswitch_groups import ScopeGroups
from application.trading.orders import SubmitOrder
from bootstrap.drill_venues import VENUES, VenueSetup
from bootstrap.embedded import build_embedded
from domain.books.book import Book
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal, Role
from domain.trading.instruments import Instrument
from domain.trading.orders import OrderType, Origin, OriginKind, Side
from ports.trading.broker import BrokerPort

VENUE_NAMES = ("alpaca", "ccxt:binance", "ccxt:kraken")
SYMBOL = "SOL"
PRICE = Decimal(100)
CASH = Decimal(10_000_000)
OWNER = Principal("bench-owner", Role.OWNER)
BOOK = Scope.book("bk-bench")
DEADLINE_MS = 1_500.0  # the kill switch's default deadline (the seed's broker confirmation)


@dataclass(frozen=True, slots=True)
class BookFigures:
    """The runs' activation -> all venues confirmed (ms), halts and flattens."""

    halts: tuple[float, ...]
    flattens: tuple[float, ...]
    cancelled: int

    @staticmethod
    def p99(values: Sequence[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def account_of(venue: str) -> str:
    return "bench-" + venue.replace(":", "-")


@asynccontextmanager
async def three_venues() -> AsyncIterator[dict[str, BrokerPort]]:
    """The three simulated venues, served for all the runs, each adapter by its name."""
    clock = SystemClock()
    async with AsyncExitStack() as stack:
        adapters = {}
        for name in VENUE_NAMES:
            setup = VenueSetup(account_of(name), SYMBOL, PRICE, CASH, clock)
            adapters[name] = await stack.enter_async_context(VENUES[name].open(setup))
        yield adapters


async def one_run(
    adapters: dict[str, BrokerPort], orders: int, *, flatten: bool
) -> KillSwitchEvent:
    """A fresh Bulwark over the venues: the book, `orders` resting at each (and with
    `flatten` a position too), the book pulled; the kill switch's record."""
    books = InMemoryBookStore()
    groups = ScopeGroups()
    groups.add(BookScopeGroup(books))
    e = build_embedded(fake_clock=False, brokers=dict(adapters), scope_groups=groups)
    await e.add_instrument(Instrument(SYMBOL, sector="Bench"), PRICE)
    members = [account_of(name) for name in VENUE_NAMES]
    for name in VENUE_NAMES:
        await e.open_account(account_of(name), OWNER.id, CASH, broker=name)
    await books.add(
        Book.of(
            id=BOOK.id, owner_id=OWNER.id, name="bench", currency="USD", members=members,
            limits=(), created_at=datetime.now(UTC),
        )
    )  # fmt: skip
    origin = Origin(OriginKind.USER, OWNER.id)
    for account in members:
        if flatten:
            await _submit(
                e.orders, SubmitOrder(OWNER, account, SYMBOL, Side.BUY, Decimal(2), origin)
            )
            await e.orders.sync(account)
        for i in range(orders):
            price = Decimal(90) - Decimal(i % 50) / 10  # below the price: rests
            command = SubmitOrder(
                OWNER, account, SYMBOL, Side.BUY, Decimal(1), origin, OrderType.LIMIT,
                limit_price=price,
            )  # fmt: skip
            await _submit(e.orders, command)
    return await e.killswitch.trigger(BOOK, TriggerType.MANUAL, "benchmark", flatten=flatten)


async def _submit(service: object, command: SubmitOrder) -> None:
    result = await service.submit(command)  # type: ignore[attr-defined]
    if result.decision is None or not result.decision.approved:
        raise SystemExit(f"the benchmark's order was not approved: {result}")


async def measure(runs: int, orders: int, flatten_runs: int) -> BookFigures:
    halts: list[float] = []
    flattens: list[float] = []
    cancelled = 0
    async with three_venues() as adapters:
        for i in range(runs + flatten_runs):
            flatten = i >= runs
            event = await one_run(adapters, orders, flatten=flatten)
            if not event.broker_confirmed:
                raise SystemExit(f"run {i + 1}: not confirmed: {event.unconfirmed_brokers}")
            if flatten and not all(b.flat is True for b in event.brokers):
                raise SystemExit(f"run {i + 1}: not flat: {[b.broker for b in event.brokers]}")
            (flattens if flatten else halts).append(event.elapsed_ms)
            cancelled = max(cancelled, event.orders_cancelled)
            print(f"  run {i + 1}/{runs + flatten_runs}: {event.elapsed_ms:.1f} ms", flush=True)
    return BookFigures(tuple(halts), tuple(flattens), cancelled)


def report(figures: BookFigures, orders: int) -> str:
    venues = len(VENUE_NAMES)
    lines = [
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}",
        f"kill switch over a book: {venues} simulated venues ({', '.join(VENUE_NAMES)}) "
        f"x {orders} open orders",
        "| measure | runs | p50 ms | p99 ms | target |",
        "|---|---|---|---|---|",
    ]
    if figures.halts:
        halts = figures.halts
        p99 = BookFigures.p99(halts)
        verdict = "met" if p99 <= DEADLINE_MS else "MISSED"
        lines.append(
            f"| activation -> every venue confirmed | {len(halts)} | "
            f"{statistics.median(halts):.1f} | {p99:.1f} | p99 <= {DEADLINE_MS:,.0f} ({verdict}) |"
        )
    if figures.flattens:
        flats = figures.flattens
        lines.append(
            f"| with flatten: every venue flat | {len(flats)} | "
            f"{statistics.median(flats):.1f} | {BookFigures.p99(flats):.1f} | (printed beside) |"
        )
    lines.append(f"orders cancelled per activation: {figures.cancelled}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> BookFigures:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20, help="activations timed (default 20)")
    parser.add_argument("--orders", type=int, default=100, help="open orders per venue (100)")
    parser.add_argument("--flatten-runs", type=int, default=5, help="with flatten (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 0 or args.flatten_runs < 0 or args.orders < 1:
        parser.error("--runs and --flatten-runs are 0 or more, --orders 1 or more")
    figures = asyncio.run(measure(args.runs, args.orders, args.flatten_runs))
    print(report(figures, args.orders))
    return figures


if __name__ == "__main__":
    main()
