"""A member's holdings kept incrementally from its account's change log always equal a walk
over its view's symbols, whatever orders are placed, closed and filled in whatever order."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from application.books.check import figures
from application.books.holdings import Holdings
from domain.books.book import Book
from domain.books.limits import BookLimit, BookLimitKind
from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Origin, OriginKind, Side

D = Decimal
AT = datetime(2026, 11, 28, 15, tzinfo=UTC)
SYMBOLS = ("BTC/USDT", "BTC/USD", "XBT", "AAPL", "ETH/USDT")
MARKS = dict.fromkeys(SYMBOLS, D(100))
INSTRUMENTS = {s: Instrument(s) for s in SYMBOLS}
BOOK = Book.of(
    id="bk-1", owner_id="o", name="desk", currency="USD", members=["a"],
    limits=[BookLimit(BookLimitKind.POSITION, D(10))], created_at=AT, aliases={"XBT": "BTC"},
)  # fmt: skip
ORIGIN = Origin(OriginKind.USER, "u")

# An operation: ("order", symbol index, buy?, quantity) | ("close", which) | ("fill", which, part)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("order"), st.integers(0, 4), st.booleans(), st.integers(1, 9)),
        st.tuples(st.just("close"), st.integers(0, 50)),
        st.tuples(st.just("fill"), st.integers(0, 50), st.integers(1, 9)),
    ),
    max_size=40,
)


def walked(view: object, instrument: str) -> Decimal:
    return figures(view, "USD", BOOK, instrument).holdings[instrument]  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(operations)
def test_kept_holdings_equal_a_walk_over_the_view(steps: list[tuple[object, ...]]) -> None:
    # Arrange
    account = Account("a", "o", D(1_000_000))
    risk = RiskBook(account, INSTRUMENTS)
    held = Holdings(account, BOOK.instruments)
    open_orders: list[Order] = []

    for n, step in enumerate(steps):
        # Act: one change to the account, then a view, as the order path takes them
        if step[0] == "order":
            _, index, buy, quantity = step
            side = Side.BUY if buy else Side.SELL
            symbol = SYMBOLS[int(str(index))]
            order = Order(f"o{n}", f"c{n}", "a", symbol, side, D(str(quantity)), ORIGIN)
            order.mark_pending_submit()
            account.track_order(order)
            open_orders.append(order)
        elif open_orders:
            order = open_orders[step[1] % len(open_orders)]  # type: ignore[operator]
            if step[0] == "close":
                order.cancel()
                account.release_order(order)
                open_orders.remove(order)
            else:
                part = min(order.remaining_quantity, D(step[2]))  # type: ignore[arg-type]
                if order.broker_order_id is None:
                    order.accept(f"b{n}")
                order.apply_fill(part, D(100))
                account.apply_fill(
                    Fill(f"f{n}", order.id, "a", order.symbol, order.side, part, D(100), AT)
                )
                if order.remaining_quantity <= 0:
                    account.release_order(order)
                    open_orders.remove(order)
                else:
                    account.touch(order)
        risk.pending()
        risk.refresh(MARKS, None)
        view = risk.view(now=AT, trading_state=TradingState.ACTIVE)

        # Assert: under every name, BTC counting XBT and both BTC pairs
        for instrument in ("BTC", "AAPL", "ETH", "XBT"):
            assert held.of(view, instrument) == walked(view, instrument), (step, instrument)
