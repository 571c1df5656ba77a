"""The performance guard's yardstick: a frozen pure-Python workload shaped like the order path.

The guard (benchmarks/guard.py) divides each hot-path benchmark's speed by this workload's speed,
measured in turns with it in the same run (in a process of its own: `serve`), so the figure it
keeps is about the code and not about how fast, or how busy, the machine is. The workload does the
order path's kind of work without touching the project's code: frozen dataclasses built per order,
Decimal arithmetic and quantising, dict reads and updates, an asyncio lock per account, tasks
gathered in batches, a small event record per order. It must not change: a change to it moves every
ratio, and asks for a new baseline (`make bench-baseline`) in the same commit.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum

ACCOUNTS = 16
IN_FLIGHT = 64
CENT = Decimal("0.01")
LIMITS = {"max_quantity": Decimal(10_000), "max_notional": Decimal(1_000_000)}


class Side(Enum):
    BUY = "buy"
    SELL = "sell"


@dataclass(frozen=True, slots=True)
class Ticket:
    """An order as a command: who, what, how many."""

    account: str
    symbol: str
    side: Side
    quantity: Decimal
    sequence: int


@dataclass(frozen=True, slots=True)
class Verdict:
    approved: bool
    reasons: tuple[str, ...]
    notional: Decimal


@dataclass
class Book:
    """One account's cash, positions and record, behind its lock."""

    cash: Decimal
    positions: dict[str, Decimal] = field(default_factory=dict)
    events: list[dict[str, object]] = field(default_factory=list)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def decide(ticket: Ticket, book: Book, price: Decimal) -> Verdict:
    notional = (ticket.quantity * price).quantize(CENT, rounding=ROUND_HALF_EVEN)
    reasons: list[str] = []
    if ticket.quantity > LIMITS["max_quantity"]:
        reasons.append("MAX_ORDER_QUANTITY")
    if notional > LIMITS["max_notional"]:
        reasons.append("MAX_ORDER_NOTIONAL")
    held = book.positions.get(ticket.symbol, Decimal(0))
    after = held + ticket.quantity if ticket.side is Side.BUY else held - ticket.quantity
    if ticket.side is Side.BUY and notional > book.cash:
        reasons.append("BUYING_POWER")
    if abs(after) * price > LIMITS["max_notional"] * 2:
        reasons.append("MAX_POSITION_SIZE")
    return Verdict(not reasons, tuple(reasons), notional)


async def submit(ticket: Ticket, book: Book, prices: dict[str, Decimal]) -> Verdict:
    async with book.lock:
        price = prices[ticket.symbol]
        verdict = decide(ticket, book, price)
        if verdict.approved:
            signed = ticket.quantity if ticket.side is Side.BUY else -ticket.quantity
            book.positions[ticket.symbol] = book.positions.get(ticket.symbol, Decimal(0)) + signed
            book.cash -= signed * price
        book.events.append(
            {
                "type": "order.decided",
                "id": f"{ticket.account}-{ticket.sequence}",
                "symbol": ticket.symbol,
                "side": ticket.side.value,
                "quantity": str(ticket.quantity),
                "notional": str(verdict.notional),
                "reasons": list(verdict.reasons),
            }
        )
        if len(book.events) > 256:
            del book.events[:128]
    await asyncio.sleep(0)  # a hand-off, as a store or broker call gives
    return verdict


async def _account(name: str, book: Book, prices: dict[str, Decimal], rounds: int) -> int:
    approved = 0
    per_account = IN_FLIGHT // ACCOUNTS
    symbols = list(prices)
    for round_no in range(rounds):
        side = Side.BUY if round_no % 2 == 0 else Side.SELL
        tickets = [
            Ticket(name, symbols[(round_no + i) % len(symbols)], side, Decimal(1 + i), round_no)
            for i in range(per_account)
        ]
        verdicts = await asyncio.gather(*(submit(t, book, prices) for t in tickets))
        approved += sum(v.approved for v in verdicts)
    return approved


async def workload(orders: int) -> int:
    """`orders` simulated orders over ACCOUNTS accounts, IN_FLIGHT at a time; approved count."""
    prices = {f"S{i:02d}": Decimal(100) + Decimal(i) / 4 for i in range(8)}
    books = {f"ref-{i}": Book(Decimal(10_000_000)) for i in range(ACCOUNTS)}
    rounds = max(2, orders // IN_FLIGHT)
    counts = await asyncio.gather(*(_account(n, b, prices, rounds) for n, b in books.items()))
    return sum(counts)


STEP_ORDERS = 2 * IN_FLIGHT


def serve() -> None:
    """Answer each line `steps` on stdin with `orders cpu_seconds`: that many steps, timed.

    The guard runs the reference in this process of its own, started with nothing of the
    project imported, so that nothing the project sets up in its process (tasks on its event
    loop, hooks, collector settings) slows the yardstick along with the code it measures.
    """
    loop = asyncio.new_event_loop()
    for line in sys.stdin:
        steps = int(line)
        gc.collect()
        gc.disable()
        began = time.process_time()
        for _ in range(steps):
            loop.run_until_complete(workload(STEP_ORDERS))
        cpu = time.process_time() - began
        gc.enable()
        print(steps * STEP_ORDERS, repr(cpu), flush=True)
    loop.close()


if __name__ == "__main__":
    serve()
