"""Contract of the trading repositories and the unit of work, on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from application.safety import killswitch_held
from application.safety.killswitch_held import held_in_scope
from domain.errors import ConcurrentUpdate
from domain.killswitch.state import Scope
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument, OptionRight
from domain.trading.orders import (
    Channel,
    Order,
    OrderStatus,
    OrderType,
    Origin,
    OriginKind,
    Side,
    TimeInForce,
)
from ports.core.repositories import OrderCursor, OrderSearch
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
AGENT = Origin(OriginKind.AGENT, "agent-1")


def _order(n: int, account: str = "acc-1", **kw: object) -> Order:
    fields: dict[str, object] = {
        "id": f"ord-{n:03d}",
        "client_order_id": f"cl-{n}",
        "account_id": account,
        "symbol": "AAPL",
        "side": Side.BUY,
        "quantity": Decimal("10"),
        "origin": AGENT,
        "created_at": T0 + timedelta(seconds=n),
    }
    fields.update(kw)
    return Order(**fields)  # type: ignore[arg-type]


async def _save(store: StoreUnderTest, *objects: object) -> None:
    async with store.uow() as uow:
        for obj in objects:
            if isinstance(obj, Account):
                await uow.accounts.add(obj)
            elif isinstance(obj, Order):
                await uow.orders.add(obj)
            elif isinstance(obj, Instrument):
                await uow.instruments.add(obj)
        await uow.commit()


async def test_an_order_round_trips_every_field(store: StoreUnderTest) -> None:
    order = _order(
        1,
        order_type=OrderType.STOP_LIMIT,
        time_in_force=TimeInForce.GTC,
        limit_price=Decimal("187.1250"),
        stop_price=Decimal("186.5"),
        reduce_only=True,
        idempotency_key="idem-1",
        quantity=Decimal("0.000001"),
        side=Side.SELL,
    )
    order.deny(("MAX_QTY", "PRICE_COLLAR"))
    await _save(store, order)

    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")

    assert loaded is not None
    assert (loaded.limit_price, loaded.stop_price) == (Decimal("187.1250"), Decimal("186.5"))
    assert loaded.quantity == Decimal("0.000001")
    assert loaded.requested_quantity == Decimal("0.000001")
    assert loaded.status is OrderStatus.DENIED
    assert loaded.deny_reasons == ("MAX_QTY", "PRICE_COLLAR")
    assert loaded.origin == AGENT
    assert loaded.order_type is OrderType.STOP_LIMIT
    assert loaded.time_in_force is TimeInForce.GTC
    assert loaded.side is Side.SELL
    assert loaded.reduce_only is True
    assert loaded.created_at == T0 + timedelta(seconds=1)
    assert loaded.created_at.tzinfo is not None


async def test_nothing_is_kept_without_commit(store: StoreUnderTest) -> None:
    async with store.uow() as uow:
        await uow.orders.add(_order(1))
        await uow.accounts.add(Account("acc-1", "u-1", Decimal(1000)))

    async with store.uow() as uow:
        assert await uow.orders.get("ord-001") is None
        assert await uow.accounts.get("acc-1") is None


async def test_changes_to_a_loaded_order_are_saved_at_commit_without_add(
    store: StoreUnderTest,
) -> None:
    await _save(store, _order(1))
    async with store.uow() as uow:
        order = await uow.orders.get("ord-001")
        assert order is not None
        order.mark_pending_submit()
        order.accept("brk-9")
        order.apply_fill(Decimal("4"), Decimal("101.25"))
        await uow.commit()

    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")

    assert loaded is not None
    assert loaded.status is OrderStatus.PARTIALLY_FILLED
    assert loaded.broker_order_id == "brk-9"
    assert loaded.filled_quantity == Decimal("4")
    assert loaded.average_fill_price == Decimal("101.25")


async def test_every_field_an_order_may_change_after_it_is_placed_is_saved(
    store: StoreUnderTest,
) -> None:
    # Arrange
    await _save(store, _order(1), _order(2))
    approved_at = T0 + timedelta(minutes=1)

    # Act: one held, approved by one person, released to a reduced quantity and filled; the
    # other refused by its reviewer, each change in a unit of work of its own
    async with store.uow() as uow:
        held, refused = await uow.orders.get("ord-001"), await uow.orders.get("ord-002")
        assert held is not None and refused is not None
        held.hold(("FOUR_EYES",))
        refused.hold(("LARGE_NOTIONAL",))
        await uow.commit()
    async with store.uow() as uow:
        held, refused = await uow.orders.get("ord-001"), await uow.orders.get("ord-002")
        assert held is not None and refused is not None
        held.approve_held("u-2", name="Ada", at=approved_at)
        refused.reject_held("u-3", "not today")
        await uow.commit()
    async with store.uow() as uow:
        held = await uow.orders.get("ord-001")
        assert held is not None
        held.mark_pending_submit(Decimal("6"))
        held.accept("brk-1")
        held.apply_fill(Decimal("6"), Decimal("99.5"))
        await uow.commit()
    async with store.uow() as uow:
        filled, canceled = await uow.orders.get("ord-001"), await uow.orders.get("ord-002")

    # Assert
    assert filled is not None and canceled is not None
    assert filled.status is OrderStatus.FILLED
    assert filled.hold_reasons == ("FOUR_EYES",)
    assert [(a.approver_id, a.name, a.at) for a in filled.approvals] == [
        ("u-2", "Ada", approved_at)
    ]
    assert (filled.quantity, filled.requested_quantity) == (Decimal("6"), Decimal("10"))
    assert (filled.broker_order_id, filled.filled_quantity) == ("brk-1", Decimal("6"))
    assert filled.average_fill_price == Decimal("99.5")
    assert filled.deny_reasons == ()
    assert canceled.status is OrderStatus.CANCELED
    assert canceled.deny_reasons == ("not today",)
    assert canceled.hold_reasons == ("LARGE_NOTIONAL",)


async def test_an_order_added_in_place_of_the_one_loaded_is_saved_whole(
    store: StoreUnderTest,
) -> None:
    # Arrange
    await _save(store, _order(1))
    replacement = _order(
        1, symbol="MSFT", order_type=OrderType.LIMIT, limit_price=Decimal("410.5"), side=Side.SELL
    )

    # Act
    async with store.uow() as uow:
        assert await uow.orders.get("ord-001") is not None
        await uow.orders.add(replacement)
        await uow.commit()
    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")

    # Assert
    assert loaded is not None
    assert (loaded.symbol, loaded.side, loaded.order_type) == ("MSFT", Side.SELL, OrderType.LIMIT)
    assert loaded.limit_price == Decimal("410.5")


async def test_orders_are_found_by_idempotency_key_and_client_id_per_account(
    store: StoreUnderTest,
) -> None:
    await _save(store, _order(1, idempotency_key="k"), _order(2, account="acc-2"))

    async with store.uow() as uow:
        by_key = await uow.orders.by_idempotency_key("acc-1", "k")
        other_account = await uow.orders.by_idempotency_key("acc-2", "k")
        by_client = await uow.orders.by_client_order_id("acc-2", "cl-2")
        wrong_account = await uow.orders.by_client_order_id("acc-1", "cl-2")

    assert by_key is not None and by_key.id == "ord-001"
    assert other_account is None
    assert by_client is not None and by_client.id == "ord-002"
    assert wrong_account is None


async def test_one_object_per_order_inside_a_unit_of_work(store: StoreUnderTest) -> None:
    await _save(store, _order(1, idempotency_key="k"))

    async with store.uow() as uow:
        first = await uow.orders.get("ord-001")
        again = await uow.orders.by_idempotency_key("acc-1", "k")
        listed = await uow.orders.list("acc-1")

    assert first is again
    assert listed[0] is first


async def test_search_pages_newest_first_with_filters(store: StoreUnderTest) -> None:
    orders = [_order(n, account="acc-1" if n % 2 else "acc-2") for n in range(1, 11)]
    orders[2].deny(("X",))
    await _save(store, *orders)

    async with store.uow() as uow:
        page1 = await uow.orders.search(OrderSearch(account_ids=("acc-1",), limit=2))
        cursor = OrderCursor(page1[-1].created_at or T0, page1[-1].id)
        page2 = await uow.orders.search(OrderSearch(account_ids=("acc-1",), after=cursor, limit=2))
        denied = await uow.orders.search(OrderSearch(statuses=frozenset({OrderStatus.DENIED})))
        none = await uow.orders.search(OrderSearch(account_ids=()))
        everyone = await uow.orders.search(OrderSearch(limit=100))
        sells = await uow.orders.search(OrderSearch(side=Side.SELL))
        by_origin = await uow.orders.search(OrderSearch(origin_id="agent-1", limit=3))

    assert [o.id for o in page1] == ["ord-009", "ord-007"]
    assert [o.id for o in page2] == ["ord-005", "ord-003"]
    assert [o.id for o in denied] == ["ord-003"]
    assert none == []
    assert [o.id for o in everyone] == [f"ord-{n:03d}" for n in range(10, 0, -1)]
    assert sells == []
    assert len(by_origin) == 3


async def test_a_held_order_is_stored_found_by_status_and_released(
    store: StoreUnderTest,
) -> None:
    held = _order(1)
    held.hold(("MAX_ORDER_NOTIONAL",))
    await _save(store, held, _order(2))

    async with store.uow() as uow:
        found = await uow.orders.search(OrderSearch(statuses=frozenset({OrderStatus.HELD})))
        open_ones = await uow.orders.list("acc-1", open_only=True)
        assert [o.id for o in found] == ["ord-001"]
        found[0].mark_pending_submit()
        await uow.commit()

    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")

    assert (found[0].deny_reasons, found[0].hold_reasons) == ((), ("MAX_ORDER_NOTIONAL",))
    assert open_ones == []  # a held order is not open: it counts against no limit
    assert loaded is not None and loaded.status is OrderStatus.PENDING_SUBMIT
    assert (loaded.deny_reasons, loaded.hold_reasons) == ((), ("MAX_ORDER_NOTIONAL",))


async def test_a_held_order_denied_on_approval_keeps_both_reasons(store: StoreUnderTest) -> None:
    # Arrange: held by two HOLD rules, then denied by a BLOCK rule when decided again
    held = _order(1)
    held.hold(("MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS"))
    await _save(store, held, _order(2))
    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")
        assert loaded is not None
        loaded.approve_held("ro-1", name="rita", at=T0 + timedelta(minutes=1))
        loaded.deny(("MAX_ORDER_QUANTITY",))
        await uow.commit()

    # Act
    async with store.uow() as uow:
        again = await uow.orders.get("ord-001")
        never_held = await uow.orders.get("ord-002")

    # Assert
    assert again is not None and again.status is OrderStatus.DENIED
    assert again.deny_reasons == ("MAX_ORDER_QUANTITY",)
    assert again.hold_reasons == ("MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS")
    assert [a.approver_id for a in again.approvals] == ["ro-1"]
    assert never_held is not None and never_held.hold_reasons == ()


async def test_the_kill_switchs_search_finds_every_held_order_of_each_scope_page_by_page(
    store: StoreUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: held orders of an agent and of a person on two accounts, and an open one;
    # pages of two, so the search must follow its cursor.
    monkeypatch.setattr(killswitch_held, "PAGE", 2)
    person = Origin(OriginKind.USER, "agent-1")  # a user whose id is the agent's: not the agent
    orders = [
        _order(1),
        _order(2, account="acc-2"),
        _order(3, origin=person),
        _order(4),
        _order(5, account="acc-2", origin=person),
        _order(6),
    ]
    for order in orders[:5]:
        order.hold(("MAX_ORDER_NOTIONAL",))
    await _save(store, *orders)

    # Act
    async with store.uow() as uow:
        found = {
            scope.key: sorted(o.id for o in await held_in_scope(uow, scope))
            for scope in (
                Scope.account("acc-1"),
                Scope.agent("agent-1"),
                Scope.global_(),
                Scope.account("acc-9"),
            )
        }

    # Assert
    assert found == {
        "account:acc-1": ["ord-001", "ord-003", "ord-004"],
        "agent:agent-1": ["ord-001", "ord-002", "ord-004"],
        "global:*": ["ord-001", "ord-002", "ord-003", "ord-004", "ord-005"],
        "account:acc-9": [],
    }


async def test_a_held_orders_first_approval_is_stored_with_it(store: StoreUnderTest) -> None:
    # Arrange: four eyes; the first of two approvals given to a stored held order
    held = _order(1)
    held.hold(("MAX_ORDER_NOTIONAL",))
    await _save(store, held)
    async with store.uow() as uow:
        loaded = await uow.orders.get("ord-001")
        assert loaded is not None
        loaded.add_approval("ro-1", 2, name="rita", at=T0 + timedelta(minutes=1))
        await uow.commit()

    # Act: read again, as a restarted process would
    async with store.uow() as uow:
        again = await uow.orders.get("ord-001")
        untouched = await uow.orders.search(OrderSearch(statuses=frozenset({OrderStatus.HELD})))

    # Assert
    assert again is not None and again.status is OrderStatus.HELD
    assert [(a.approver_id, a.name, a.at) for a in again.approvals] == [
        ("ro-1", "rita", T0 + timedelta(minutes=1))
    ]
    assert untouched[0].approved_by("ro-1")


async def test_an_orders_channel_is_stored_and_internal_by_default(store: StoreUnderTest) -> None:
    # Arrange
    mcp = _order(1, origin=Origin(OriginKind.AGENT, "agent-1", Channel.MCP))
    await _save(store, mcp, _order(2))

    # Act
    async with store.uow() as uow:
        one, two = await uow.orders.get("ord-001"), await uow.orders.get("ord-002")

    # Assert
    assert one is not None and one.origin.channel is Channel.MCP
    assert two is not None and two.origin.channel is Channel.INTERNAL


async def test_list_open_only_and_limit(store: StoreUnderTest) -> None:
    working = _order(1)
    working.mark_pending_submit()
    done = _order(2)
    done.deny(("X",))
    await _save(store, working, done, _order(3, account="acc-2"))

    async with store.uow() as uow:
        open_orders = await uow.orders.list("acc-1", open_only=True)
        newest = await uow.orders.list(limit=1)

    assert [o.id for o in open_orders] == ["ord-001"]
    assert [o.id for o in newest] == ["ord-003"]


async def test_account_round_trips_with_positions_and_open_orders(store: StoreUnderTest) -> None:
    account = Account("acc-1", "u-1", Decimal("100000.00"), peak_equity=Decimal("100000.00"))
    order = _order(1)
    order.mark_pending_submit()
    account.track_order(order)
    fill = Fill("f-1", "ord-001", "acc-1", "AAPL", Side.BUY, Decimal("4"), Decimal("101.25"), T0)
    order.accept("b-1")
    order.apply_fill(fill.quantity, fill.price)
    account.apply_fill(fill, Decimal("1"))
    await _save(store, account, order)

    async with store.uow() as uow:
        loaded = await uow.accounts.get("acc-1")
        same_order = await uow.orders.get("ord-001")

    assert loaded is not None
    assert loaded.cash == Decimal("100000.00") - Decimal("405.00")
    assert loaded.positions["AAPL"].quantity == Decimal("4")
    assert loaded.positions["AAPL"].average_price == Decimal("101.25")
    assert loaded.peak_equity == Decimal("100000.00")
    assert list(loaded.open_orders) == ["ord-001"]
    assert loaded.open_orders["ord-001"] is same_order


async def test_account_changes_are_saved_and_removed_positions_deleted(
    store: StoreUnderTest,
) -> None:
    account = Account("acc-1", "u-1", Decimal(1000))
    account.apply_fill(Fill("f1", "o", "acc-1", "AAPL", Side.BUY, Decimal(1), Decimal(10), T0))
    account.apply_fill(Fill("f2", "o", "acc-1", "MSFT", Side.BUY, Decimal(1), Decimal(20), T0))
    await _save(store, account)

    async with store.uow() as uow:
        loaded = await uow.accounts.get("acc-1")
        assert loaded is not None
        del loaded.positions["MSFT"]
        loaded.apply_fill(Fill("f3", "o", "acc-1", "AAPL", Side.SELL, Decimal(1), Decimal(15), T0))
        loaded.start_day(Decimal(1005))
        await uow.commit()

    async with store.uow() as uow:
        again = await uow.accounts.get("acc-1")
        by_owner = await uow.accounts.list("u-1")
        others = await uow.accounts.list("u-2")

    assert again is not None
    assert set(again.positions) == {"AAPL"}
    assert again.positions["AAPL"].quantity == 0
    assert again.positions["AAPL"].realized_pnl == Decimal(5)
    assert again.start_of_day_equity == Decimal(1005)
    assert [a.id for a in by_owner] == ["acc-1"]
    assert others == []


async def test_concurrent_account_updates_conflict_instead_of_losing_one(
    store: StoreUnderTest,
) -> None:
    if store.kind == "memory":
        pytest.skip("one shared object per account in memory: there is no stale copy to write")
    await _save(store, Account("acc-1", "u-1", Decimal(1000)))

    async with store.uow() as first, store.uow() as second:
        a = await first.accounts.get("acc-1")
        b = await second.accounts.get("acc-1")
        assert a is not None and b is not None
        a.cash += 1
        b.cash += 2
        await first.commit()
        with pytest.raises(ConcurrentUpdate):
            await second.commit()

    async with store.uow() as uow:
        final = await uow.accounts.get("acc-1")
    assert final is not None
    assert final.cash == Decimal(1001)
    assert final.version == 1


async def test_fills_are_append_only_and_idempotent(store: StoreUnderTest) -> None:
    f1 = Fill("f-1", "o-1", "acc-1", "AAPL", Side.BUY, Decimal("1.5"), Decimal("10.01"), T0)
    f2 = Fill(
        "f-2", "o-2", "acc-1", "AAPL", Side.SELL, Decimal("1"), Decimal("11"), T0, Decimal("0.35")
    )
    await store.save("fills", f2, f1)
    await store.save("fills", f1)

    async with store.uow() as uow:
        all_fills = await uow.fills.list("acc-1")
        one_order = await uow.fills.list("acc-1", "o-2")
        other = await uow.fills.list("acc-2")
        stored = await uow.fills.stored(["f-1", "f-404", "f-2"])
        none_asked = await uow.fills.stored([])

    assert all_fills == [f1, f2]
    assert one_order == [f2]
    assert other == []
    assert (stored, none_asked) == ({"f-1", "f-2"}, set())


async def test_instruments_round_trip_including_option_terms(store: StoreUnderTest) -> None:
    option = Instrument(
        "AAPL 260320C00200000",
        AssetClass.OPTION,
        sector="TECH",
        multiplier=Decimal(100),
        underlying="AAPL",
        strike=Decimal("200.00"),
        expiry=date(2026, 3, 20),
        right=OptionRight.CALL,
    )
    equity = Instrument("AAPL", tick_size=Decimal("0.01"), sector="TECH")
    await _save(store, option, equity)

    async with store.uow() as uow:
        loaded = await uow.instruments.get(option.symbol)
        listed = await uow.instruments.list()
        missing = await uow.instruments.get("NOPE")

    assert loaded == option
    assert listed == [equity, option]
    assert missing is None
