"""The fill path: a fill the trading core books lands once in the portfolio holding the account.

Driven through the embedded Bulwark (OrderService, paper broker, event bus) and, for the
corner cases, through PortfolioFillBooking directly.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.portfolio_fills import PortfolioFillBooking
from bootstrap.embedded import Embedded, build_embedded
from domain.portfolio.holdings import holdings
from domain.portfolio.transactions import Transaction, TransactionKind, TransactionSource
from domain.tax.engine import compute_tax_ledger
from domain.tax.lots import TaxAccount
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import Side
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.kit.desk import ACCOUNT, ASK, BID, OWNER, SYMBOL, market, seed

D = Decimal
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


async def ledger_for(
    e: Embedded, *accounts: str
) -> tuple[InMemoryPortfolioStore, PortfolioFillBooking]:
    store = InMemoryPortfolioStore()
    await store.add_portfolio(
        Portfolio(
            "p-1", OWNER.id, "Main", "USD", T0,
            tuple(PortfolioAccount(a, a, "trading") for a in accounts),
        )
    )  # fmt: skip
    booking = PortfolioFillBooking(store)
    e.bus.subscribe_batch(FillBooked, booking.on_fills_booked)  # type: ignore[arg-type]
    return store, booking


def fill(fill_id: str, side: Side, quantity: str, price: str = "10", **changes: object) -> Fill:
    fields: dict[str, object] = {
        "id": fill_id, "order_id": "o-1", "account_id": "acc-1", "symbol": "AAPL",
        "side": side, "quantity": D(quantity), "price": D(price), "at": T0,
        "commission": D("0.35"), **changes,
    }  # fmt: skip
    return Fill(**fields)  # type: ignore[arg-type]


async def test_an_order_fill_books_a_buy_transaction_from_the_fill() -> None:
    # Arrange
    e = await seed(build_embedded())
    store, _ = await ledger_for(e, ACCOUNT)

    # Act
    result = await e.orders.submit(market(Side.BUY, 10))

    # Assert
    [tx] = await store.list_transactions("p-1")
    async with e.uow() as u:
        [stored_fill] = await u.fills.list(ACCOUNT)
    assert tx.kind is TransactionKind.BUY and tx.source is TransactionSource.FILL
    assert tx.external_id == stored_fill.id and tx.account_id == ACCOUNT
    assert (tx.symbol, tx.quantity, tx.price) == (SYMBOL, D(10), ASK)
    assert tx.fees == stored_fill.commission
    assert tx.trade_date == stored_fill.at.astimezone(UTC).date()
    assert result.order.filled_quantity == D(10)


async def test_a_replayed_fill_is_booked_once() -> None:
    store = InMemoryPortfolioStore()
    await store.add_portfolio(
        Portfolio("p-1", "u-1", "Main", "USD", T0, (PortfolioAccount("acc-1", "A", "trading"),))
    )
    booking = PortfolioFillBooking(store)
    event = FillBooked("acc-1", fill("f-1", Side.BUY, "3"))

    first = await booking.book(event.fill)
    await booking.on_fills_booked([event])
    again = await booking.book(event.fill)

    assert first is not None and again is None
    assert [t.external_id for t in await store.list_transactions("p-1")] == ["f-1"]
    # a replayed sale too
    await booking.book(fill("f-2", Side.SELL, "1"))
    assert await booking.book(fill("f-2", Side.SELL, "1")) is None
    assert len(await store.list_transactions("p-1")) == 2 and booking.unbooked == 0


class CountingStore(InMemoryPortfolioStore):
    """The memory store, counting the fill path's reads of which portfolio holds an account."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    async def portfolios_for_accounts(self, account_ids: Collection[str]) -> dict[str, Portfolio]:
        self.reads += 1
        return await super().portfolios_for_accounts(account_ids)

    async def portfolio_for_account(self, account_id: str) -> Portfolio | None:
        self.reads += 1
        return await super().portfolio_for_account(account_id)


async def test_a_commits_fills_land_in_their_portfolios_with_one_read_of_the_holders() -> None:
    # Arrange: two portfolios, and an account none holds
    store = CountingStore()
    for pid, account in (("p-1", "acc-1"), ("p-2", "acc-2")):
        await store.add_portfolio(
            Portfolio(pid, "u-1", pid, "USD", T0, (PortfolioAccount(account, account, "trading"),))
        )
    booking = PortfolioFillBooking(store)
    events = [
        FillBooked("acc-1", fill("f-1", Side.BUY, "3")),
        FillBooked("acc-2", fill("f-2", Side.BUY, "2", account_id="acc-2")),
        FillBooked("acc-9", fill("f-3", Side.BUY, "1", account_id="acc-9")),
        FillBooked("acc-1", fill("f-4", Side.SELL, "1")),
    ]

    # Act
    await booking.on_fills_booked(events)

    # Assert
    assert store.reads == 1
    assert [t.external_id for t in await store.list_transactions("p-1")] == ["f-1", "f-4"]
    assert [t.external_id for t in await store.list_transactions("p-2")] == ["f-2"]
    assert booking.booked == 3


async def test_one_fill_that_cannot_be_booked_leaves_the_others_of_its_commit_booked() -> None:
    # Arrange: the store refuses the second fill's write
    class Refusing(InMemoryPortfolioStore):
        async def add_transactions(self, portfolio_id: str, txs: Sequence[Transaction]) -> None:
            if any(t.external_id == "f-2" for t in txs):
                raise OSError("the disk is full")
            await super().add_transactions(portfolio_id, txs)

    store = Refusing()
    await store.add_portfolio(
        Portfolio("p-1", "u-1", "Main", "USD", T0, (PortfolioAccount("acc-1", "A", "trading"),))
    )
    booking = PortfolioFillBooking(store)
    events = [FillBooked("acc-1", fill(f"f-{i}", Side.BUY, "1")) for i in (1, 2, 3)]

    # Act
    await booking.on_fills_booked(events)

    # Assert
    assert [t.external_id for t in await store.list_transactions("p-1")] == ["f-1", "f-3"]


async def test_a_fill_of_an_account_no_portfolio_holds_books_nothing() -> None:
    store = InMemoryPortfolioStore()
    booking = PortfolioFillBooking(store)

    assert await booking.book(fill("f-1", Side.BUY, "3")) is None
    assert await store.transactions_of_owner("u-1") == []


async def test_a_sale_beyond_the_ledgers_position_is_not_booked() -> None:
    # Arrange: the account sold short (or held shares from before it joined the portfolio)
    store = InMemoryPortfolioStore()
    await store.add_portfolio(
        Portfolio("p-1", "u-1", "Main", "USD", T0, (PortfolioAccount("acc-1", "A", "trading"),))
    )
    booking = PortfolioFillBooking(store)
    await booking.book(fill("f-1", Side.BUY, "2"))

    # Act
    refused = await booking.book(fill("f-2", Side.SELL, "3"))

    # Assert
    assert refused is None and booking.unbooked == 1
    assert [t.external_id for t in await store.list_transactions("p-1")] == ["f-1"]


async def test_price_is_per_unit_of_quantity_and_the_date_follows_the_trade_zone() -> None:
    # Arrange: an option fill (multiplier 100) at 23:30 UTC, booked in New York time (UTC-5)
    store = InMemoryPortfolioStore()
    await store.add_portfolio(
        Portfolio("p-1", "u-1", "Main", "EUR", T0, (PortfolioAccount("acc-1", "A", "trading"),))
    )
    booking = PortfolioFillBooking(store, trade_zone=timezone(timedelta(hours=-5)))
    late = fill("f-1", Side.BUY, "2", "1.25", at=datetime(2026, 3, 3, 3, 30, tzinfo=UTC))

    # Act
    tx = await booking.book(late, currency="EUR", multiplier=D(100))

    # Assert
    assert tx is not None
    assert (tx.price, tx.currency, tx.gross) == (D("125.00"), "EUR", D("250.00"))
    assert tx.trade_date == datetime(2026, 3, 2).date()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.booleans(), st.integers(1, 40)), min_size=1, max_size=10))
async def test_the_ledgers_quantity_equals_the_positions_after_any_long_only_fills(
    steps: list[tuple[bool, int]],
) -> None:
    # Arrange
    e = await seed(build_embedded())
    store, booking = await ledger_for(e, ACCOUNT)

    # Act: buys, and sales of at most what is held (long only)
    for buy, quantity in steps:
        async with e.uow() as u:
            account = await u.accounts.get(ACCOUNT)
        held = account.position_quantity(SYMBOL) if account is not None else D(0)
        if buy:
            await e.orders.submit(market(Side.BUY, quantity))
        elif held > 0:
            await e.orders.submit(market(Side.SELL, min(D(quantity), held)))

    # Assert: the tax lots' quantity (the tax engine's) and the holdings equal the position
    async with e.uow() as u:
        account = await u.accounts.get(ACCOUNT)
    assert account is not None
    ledger = await store.list_transactions("p-1")
    lots = compute_tax_ledger(ledger, {ACCOUNT: TaxAccount(ACCOUNT)})
    assert lots.quantity(ACCOUNT, SYMBOL) == account.position_quantity(SYMBOL)
    assert holdings(ledger).quantity(ACCOUNT, SYMBOL) == account.position_quantity(SYMBOL)
    assert booking.unbooked == 0
    assert all(t.price in (ASK, BID) for t in ledger)
