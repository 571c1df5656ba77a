"""The kill switch on a book's scope: every member account halted and cancelled at once, one
record, the owner's alone to pull, the members latched in this process until resumed."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.memory.books import InMemoryBookStore
from application.books.scope_group import BookScopeGroup
from application.safety.killswitch_groups import ScopeGroups
from application.trading.halts import HaltLatch
from bootstrap.embedded import Embedded, build_embedded
from domain.books.book import Book
from domain.errors import Forbidden, NotFound, StoreUnavailable
from domain.killswitch.state import Scope, TradingState
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    BUY,
    CASH,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    add_rule,
    halt,
    limit,
    resume,
    seed,
    set_passcodes,
)

T0 = datetime(2026, 11, 28, 12, tzinfo=UTC)
SECOND = "acc-3"  # OWNER's second account, in the book
OUTSIDE = "acc-4"  # OWNER's account outside the book
BOOK = Scope.book("bk-desk")


def desk_book(*members: str) -> Book:
    return Book.of(
        id=BOOK.id, owner_id=OWNER.id, name="desk", currency="USD", members=members,
        limits=(), created_at=T0,
    )  # fmt: skip


@pytest.fixture
async def books() -> InMemoryBookStore:
    store = InMemoryBookStore()
    await store.add(desk_book(ACCOUNT, SECOND))
    return store


@pytest.fixture
async def e(books: InMemoryBookStore) -> Embedded:
    """OWNER's ACCOUNT and SECOND in the book, OUTSIDE not; each with one resting buy."""
    groups = ScopeGroups()
    groups.add(BookScopeGroup(books))
    e = await seed(build_embedded(scope_groups=groups))
    await e.open_account(SECOND, OWNER.id, CASH)
    await e.open_account(OUTSIDE, OWNER.id, CASH)
    await set_passcodes(e, OWNER, STRANGER, OFFICER)
    for account in (ACCOUNT, SECOND, OUTSIDE):
        await e.orders.submit(limit(BUY, 10, "95", account_id=account))
    return e


async def open_orders(e: Embedded, account_id: str) -> list[Order]:
    async with e.uow() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        return list(account.open_orders.values())


def member_order(account_id: str) -> Order:
    return Order(
        id="o-x", client_order_id="c-x", account_id=account_id, symbol="AAPL", side=Side.BUY,
        quantity=Decimal(1), origin=Origin(OriginKind.USER, OWNER.id),
    )  # fmt: skip


async def test_pulling_a_book_cancels_every_member_in_one_record_and_nothing_outside(
    e: Embedded,
) -> None:
    # Act
    record = await e.killswitch.activate(halt(BOOK))

    # Assert
    assert record.scope == BOOK and record.broker_confirmed is True
    assert record.orders_cancelled == 2
    assert {a for b in record.brokers for a in b.accounts} == {ACCOUNT, SECOND}
    assert await open_orders(e, ACCOUNT) == [] and await open_orders(e, SECOND) == []
    assert len(await open_orders(e, OUTSIDE)) == 1
    states = {s.scope: s.state for s in await e.killswitch.status()}
    assert states[BOOK] is TradingState.HALTED


async def test_the_members_are_latched_until_the_book_is_resumed(e: Embedded) -> None:
    # Arrange
    latch = e.orders.latch
    await e.killswitch.activate(halt(BOOK))
    halted = (latch.blocks(member_order(ACCOUNT)), latch.blocks(member_order(OUTSIDE)))

    # Act
    await e.killswitch.resume(resume(BOOK))

    # Assert
    assert halted == (BOOK.key, None)
    assert latch.blocks(member_order(ACCOUNT)) is None


async def test_a_book_is_its_owners_alone_to_pull(e: Embedded) -> None:
    # Act / Assert: another owner's book is not found; an agent may not pull a book
    with pytest.raises(NotFound):
        await e.killswitch.activate(halt(BOOK, principal=STRANGER))
    with pytest.raises(NotFound):
        await e.killswitch.activate(halt(Scope.book("bk-none")))
    with pytest.raises(Forbidden):
        await e.killswitch.halt_as_agent(AGENT, BOOK, "runaway")
    assert len(await open_orders(e, ACCOUNT)) == 1


async def test_a_supervisor_pulls_any_book_and_sees_it_in_the_owners_status(e: Embedded) -> None:
    # Act
    record = await e.killswitch.activate(halt(BOOK, principal=OFFICER))
    seen = {s.scope: s.state for s in await e.killswitch.status_for(OWNER)}
    unseen = {s.scope for s in await e.killswitch.status_for(STRANGER)}

    # Assert
    assert record.orders_cancelled == 2
    assert seen[BOOK] is TradingState.HALTED
    assert BOOK not in unseen and Scope.account(OTHER_ACCOUNT) in unseen


async def test_an_order_held_for_a_person_in_a_member_is_rejected(e: Embedded) -> None:
    # Arrange: a held order on SECOND (a quantity over 1 is held for a person)
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": "1"}, action=Action.HOLD)
    held = await e.orders.submit(limit(BUY, 5, "95", account_id=SECOND))
    assert held.order.status is OrderStatus.HELD

    # Act
    record = await e.killswitch.activate(halt(BOOK))

    # Assert
    assert record.held_rejected == 1


async def test_the_members_last_read_answer_while_the_books_store_is_down(
    books: InMemoryBookStore,
) -> None:
    # Arrange
    group = BookScopeGroup(books)
    known = await group.members(BOOK.id)

    async def down(book_id: str) -> Book | None:
        raise StoreUnavailable("down")

    books.get = down  # type: ignore[method-assign]

    # Act
    again = await group.members(BOOK.id)

    # Assert
    assert known is not None and again == known
    assert known.account_ids == (ACCOUNT, SECOND)
    with pytest.raises(StoreUnavailable):
        await group.members("bk-never-read")


def test_the_latch_covers_a_groups_accounts_only_while_the_group_is_halted() -> None:
    # Arrange
    latch = HaltLatch()
    latch.cover(BOOK.key, (ACCOUNT,))  # not halted: nothing covered
    before = latch.blocks(member_order(ACCOUNT))
    latch.halt(BOOK.key, T0)
    latch.cover(BOOK.key, (ACCOUNT,))

    # Act
    during = latch.blocks(member_order(ACCOUNT))
    latch.observe(BOOK.key, TradingState.ACTIVE, T0.replace(hour=13))  # resumed elsewhere
    after = latch.blocks(member_order(ACCOUNT))

    # Assert
    assert (before, during, after) == (None, BOOK.key, None)
