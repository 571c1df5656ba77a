"""The incremental risk book equals a rebuilt snapshot after any sequence of events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account, MissingMark
from domain.trading.fills import Fill
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

D = Decimal
NOW = datetime(2024, 7, 10, 14, 0, tzinfo=UTC)
SYMBOLS = ("AAPL", "MSFT", "XOM", "ES", "ZZZ")  # ZZZ has no instrument: UNCLASSIFIED
INSTRUMENTS = {
    "AAPL": Instrument("AAPL", sector="TECH"),
    "MSFT": Instrument("MSFT", sector="TECH"),
    "XOM": Instrument("XOM", sector="ENERGY"),
    "ES": Instrument("ES", sector="INDEX", multiplier=D(50)),
}
COMPARED = (
    "equity",
    "positions",
    "gross_exposure",
    "net_exposure",
    "open_gross",
    "open_net",
    "open_buy_qty",
    "open_sell_qty",
    "open_order_count",
    "sector_exposure",
    "initial_requirement",
    "total_gross",
    "total_net",
    "day_loss",
    "drawdown_amount",
    "available_margin",
    "best_own_bid",
    "best_own_ask",
    "own_market_buys",
    "own_market_sells",
)

prices = st.decimals(min_value=D("0.01"), max_value=D("5000"), places=2)
quantities = st.integers(min_value=1, max_value=500).map(D)


@dataclass(frozen=True)
class Place:
    symbol: str
    side: Side
    order_type: OrderType
    quantity: Decimal
    limit: Decimal


@dataclass(frozen=True)
class FillSome:
    pick: int  # which open order (modulo their count)
    fraction: int  # of its remaining quantity, in 1/4 steps (1-4)
    price: Decimal


@dataclass(frozen=True)
class Cancel:
    pick: int


@dataclass(frozen=True)
class Outside:
    """A fill for an order the account does not know (the broker closed a position)."""

    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal


@dataclass(frozen=True)
class Mark:
    symbol: str
    price: Decimal


@dataclass(frozen=True)
class Look:
    """Take a view and compare it with a rebuilt one."""


places = st.builds(
    Place,
    st.sampled_from(SYMBOLS),
    st.sampled_from(list(Side)),
    st.sampled_from([OrderType.MARKET, OrderType.LIMIT, OrderType.LIMIT, OrderType.STOP]),
    quantities,
    prices,
)
events = st.one_of(
    places,
    places,
    places,
    st.builds(FillSome, st.integers(0, 50), st.integers(1, 4), prices),
    st.builds(Cancel, st.integers(0, 50)),
    st.builds(Outside, st.sampled_from(SYMBOLS), st.sampled_from(list(Side)), quantities, prices),
    st.builds(Mark, st.sampled_from(SYMBOLS), prices),
    st.just(Look()),
)


class World:
    """An account driven through the domain's own methods, and the marks of the market."""

    def __init__(self) -> None:
        self.account = Account(
            "acc-1", "owner-1", cash=D(1_000_000), start_of_day_equity=D(990_000)
        )
        self.account.peak_equity = D(1_010_000)
        self.marks = {s: D(100) for s in SYMBOLS}
        self.book = RiskBook(self.account, INSTRUMENTS)
        self.count = 0

    def apply(self, event: object) -> None:
        account = self.account
        self.count += 1
        if isinstance(event, Place):
            order = Order(
                id=f"o{self.count}",
                client_order_id=f"c{self.count}",
                account_id=account.id,
                symbol=event.symbol,
                side=event.side,
                quantity=event.quantity,
                origin=Origin(OriginKind.USER, "owner-1"),
                order_type=event.order_type,
                limit_price=event.limit if event.order_type is OrderType.LIMIT else None,
                stop_price=event.limit if event.order_type is OrderType.STOP else None,
            )
            order.mark_pending_submit()
            order.accept(f"b{self.count}")
            account.track_order(order)
        elif isinstance(event, FillSome | Cancel):
            open_orders = list(account.open_orders.values())
            if not open_orders:
                return
            order = open_orders[event.pick % len(open_orders)]
            if isinstance(event, Cancel):
                order.cancel()
                account.release_order(order)
                return
            quantity = max(D(1), (order.remaining_quantity * event.fraction / 4).to_integral())
            quantity = min(quantity, order.remaining_quantity)
            order.apply_fill(quantity, event.price)
            account.release_order(order)
            account.apply_fill(
                self._fill(order.symbol, order.side, quantity, event.price), _mult(order.symbol)
            )
        elif isinstance(event, Outside):
            fill = self._fill(event.symbol, event.side, event.quantity, event.price)
            account.apply_fill(fill, _mult(event.symbol))
        elif isinstance(event, Mark):
            self.marks[event.symbol] = event.price
            self.book.mark_changed(event.symbol)

    def _fill(self, symbol: str, side: Side, quantity: Decimal, price: Decimal) -> Fill:
        return Fill(
            f"f{self.count}", f"x{self.count}", self.account.id, symbol, side, quantity, price, NOW
        )

    def incremental(self, extra: str | None = None) -> AccountRiskView:
        wanted = self.book.pending(extra)
        self.book.refresh({s: self.marks[s] for s in wanted if s in self.marks}, extra)
        return self.book.view(now=NOW, trading_state=TradingState.ACTIVE)

    def rebuilt(self) -> AccountRiskView:
        return build_risk_view(
            self.account, INSTRUMENTS, self.marks, now=NOW, trading_state=TradingState.ACTIVE
        )


def _mult(symbol: str) -> Decimal:
    instrument = INSTRUMENTS.get(symbol)
    return instrument.multiplier if instrument is not None else D(1)


def assert_same(incremental: AccountRiskView, rebuilt: AccountRiskView) -> None:
    for name in COMPARED:
        assert getattr(incremental, name) == getattr(rebuilt, name), name
    for symbol, mark in incremental.marks.items():
        assert mark == rebuilt.marks[symbol], symbol


def replay_comparing(sequence: list[object]) -> None:
    """Apply `sequence` to a fresh world; the incremental view equals a rebuilt one after
    every look, and at the end."""
    world = World()
    world.incremental("AAPL")
    for event in sequence:
        world.apply(event)
        if isinstance(event, Look):
            assert_same(world.incremental("AAPL"), world.rebuilt())
    assert_same(world.incremental("AAPL"), world.rebuilt())


@settings(max_examples=150, deadline=None)
@given(st.lists(events, max_size=60))
def test_the_incremental_view_equals_a_rebuilt_one_after_any_sequence(
    sequence: list[object],
) -> None:
    replay_comparing(sequence)


# Mostly marks moving over held positions (a book's usual traffic): the revalue-in-place path,
# with positions opening and closing and orders coming and going between the moves.
mark_heavy = st.one_of(
    st.builds(Mark, st.sampled_from(SYMBOLS), prices),
    st.builds(Mark, st.sampled_from(SYMBOLS), prices),
    st.builds(Mark, st.sampled_from(SYMBOLS), prices),
    st.builds(Outside, st.sampled_from(SYMBOLS), st.sampled_from(list(Side)), quantities, prices),
    places,
    st.builds(Cancel, st.integers(0, 50)),
    st.just(Look()),
    st.just(Look()),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(mark_heavy, max_size=60))
def test_marks_moving_alone_revalue_held_positions_as_a_rebuild_would(
    sequence: list[object],
) -> None:
    replay_comparing(sequence)


def test_a_mark_that_moves_between_pending_and_a_fill_is_recomputed_in_full() -> None:
    # Arrange: a held position whose mark moved (pending() saw only that) ...
    world = World()
    world.apply(Outside("XOM", Side.BUY, D(10), D(50)))
    world.incremental("AAPL")
    world.apply(Mark("XOM", D(55)))
    wanted = world.book.pending("AAPL")

    # Act: ... then an order of that symbol is placed before the refresh
    world.apply(Place("XOM", Side.BUY, OrderType.LIMIT, D(5), D(54)))
    world.book.refresh({s: world.marks[s] for s in wanted if s in world.marks}, "AAPL")

    # Assert: the order counts (the symbol left the revalue-only path)
    assert_same(world.book.view(now=NOW, trading_state=TradingState.ACTIVE), world.rebuilt())


@settings(max_examples=40, deadline=None)
@given(st.lists(events, min_size=70, max_size=120))
def test_a_book_further_behind_than_the_change_log_rebuilds(sequence: list[object]) -> None:
    # Arrange: far more changes than the account's log remembers, with no look between
    world = World()
    world.incremental("AAPL")

    # Act
    for event in sequence:
        world.apply(event)
    for i in range(80):  # at least 80 more changes: the log keeps 64
        world.account.touch(SYMBOLS[i % len(SYMBOLS)])

    # Assert
    assert_same(world.incremental("AAPL"), world.rebuilt())


def test_a_changed_mark_not_announced_is_not_seen_until_marks_changed_all() -> None:
    # Arrange: a position valued at 100
    world = World()
    world.apply(Outside("MSFT", Side.BUY, D(10), D(100)))
    world.incremental()

    # Act: the market moves without telling the book, then the caller says it cannot tell
    world.marks["MSFT"] = D(120)
    stale = world.incremental().gross_exposure
    world.book.marks_changed_all()
    fresh = world.incremental().gross_exposure

    # Assert
    assert stale == D(1000)
    assert fresh == D(1200) == world.rebuilt().gross_exposure


def test_a_held_symbol_without_a_mark_fails_closed_and_stays_pending() -> None:
    # Arrange
    world = World()
    world.apply(Outside("XOM", Side.BUY, D(5), D(90)))

    # Act / Assert: no mark for the held symbol
    wanted = world.book.pending()
    with pytest.raises(MissingMark, match="XOM"):
        world.book.refresh({s: world.marks[s] for s in wanted if s != "XOM"})
    with pytest.raises(RuntimeError):
        world.book.view(now=NOW, trading_state=None)
    assert_same(world.incremental(), world.rebuilt())


def test_the_order_symbol_mark_is_fetched_once_and_then_followed() -> None:
    # Arrange
    world = World()
    world.incremental("AAPL")

    # Act
    again = world.book.pending("AAPL")
    world.apply(Mark("AAPL", D(150)))
    after_move = world.book.pending("AAPL")

    # Assert
    assert again == []
    assert after_move == ["AAPL"]
    assert world.incremental("AAPL").marks["AAPL"] == D(150)
