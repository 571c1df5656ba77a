"""(g) of bench_pretrade: (d) with the account in a book of three, the book's limits judged
after the account's own gate, as the order path does (application/books/check.py).

Per order, on top of (d): the other two members' views from their held risk books (each
refreshed for what changed: one of their marks moves per order too), the three members'
figures (exposures, and the order's instrument across them), and the book's seven limits
judged on the aggregate (domain/books/limits.py). What the order path adds beyond this is
I/O: one read of the book's fence and one of each other member's stored version.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from application.books.check import figures
from application.books.holdings import Holdings
from domain.books.book import Book
from domain.books.limits import BookLimit, BookLimitKind, BookOrder, judge
from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy
from domain.risk.pricing import unit_price
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Side

D = Decimal
K = BookLimitKind
LIMITS = (
    BookLimit(K.GROSS_EXPOSURE, D(200_000_000)),
    BookLimit(K.NET_EXPOSURE, D(150_000_000)),
    BookLimit(K.POSITION, D(1_000_000)),
    BookLimit(K.DAILY_LOSS, D(5_000_000)),
    BookLimit(K.DRAWDOWN, D("0.5")),
    BookLimit(K.LEVERAGE, D(8)),
    BookLimit(K.ORDERS_PER_DAY, D(10_000_000)),
)


def member(account: Account, account_id: str) -> Account:
    """Another member like `account`: its positions and open orders, under its own id."""
    copy = replace(account, id=account_id, positions=dict(account.positions), open_orders={})
    for order in account.open_orders.values():
        twin = replace(order, account_id=account_id)
        copy.open_orders[twin.id] = twin
    return copy


def book_run(
    account: Account,
    instruments: dict[str, Instrument],
    marks: dict[str, Decimal],
    orders: list[Order],
    policy: Policy,
    now: datetime,
    iterations: int,
) -> list[int]:
    """(g): (d)'s loop, each order then judged by a book of `account` and two more."""
    others = [member(account, "acc-2"), member(account, "acc-3")]
    book = Book.of(
        id="bk-bench",
        owner_id=account.owner_id,
        name="bench",
        currency="USD",
        members=[account.id, *(o.id for o in others)],
        limits=LIMITS,
        created_at=now,
    )
    own = RiskBook(account, instruments)
    books = [RiskBook(o, instruments) for o in others]
    for b in (own, *books):
        b.pending()
        b.refresh(marks, None)
    held = {a.id: Holdings(a, book.instruments) for a in (account, *others)}
    flow = OrderFlow()
    rates = {"USD": D(1)}
    samples: list[int] = []
    clock = time.perf_counter_ns
    evaluate = policy.evaluate
    mine: list[Order] = []
    symbols = list(marks)
    for day_orders, i in enumerate(range(iterations // 10)):
        template = orders[i % 1000]
        order = Order(
            f"g{i}", f"cg{i}", template.account_id, template.symbol, template.side,
            template.quantity, template.origin, template.order_type,
            limit_price=template.limit_price,
        )  # fmt: skip
        symbol = symbols[i % 50]
        marks[symbol] = marks[symbol] + (D("0.01") if i % 2 else D("-0.01"))
        for b in (own, *books):
            b.mark_changed(symbol)  # a quote arrived: every member holding it is touched
        if len(mine) >= 20:
            old = mine.pop(0)
            old.cancel()
            account.release_order(old)
        t0 = clock()
        if own.pending(order.symbol):
            own.refresh(marks, order.symbol)
        view = own.view(now=now, trading_state=TradingState.ACTIVE, flow=flow)
        decision = evaluate(order, view)
        instrument = book.instruments.canonical(order.symbol)
        members = {account.id: figures(view, "USD", book, instrument, holdings=held[account.id])}
        for other, risk in zip(others, books, strict=True):
            if risk.pending(order.symbol):
                risk.refresh(marks, order.symbol)
            seen = risk.view(now=now, trading_state=None, flow=flow)
            members[other.id] = figures(seen, "USD", book, instrument, holdings=held[other.id])
        value = decision.quantity * unit_price(order, view.marks[order.symbol])
        breaches = judge(
            book.limits,
            members,
            rates,
            BookOrder(account.id, instrument, order.side is Side.BUY, decision.quantity, value),
            book.peak_equity,
            day_orders,
        )
        order.mark_pending_submit()
        account.track_order(order)
        samples.append(clock() - t0)
        assert decision.approved and not breaches, (decision.verdicts, breaches)
        order.accept(f"gb{i}")
        mine.append(order)
    for order in mine:
        order.cancel()
        account.release_order(order)
    return samples
