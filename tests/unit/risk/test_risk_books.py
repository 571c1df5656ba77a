"""Risk books on the order path: marks followed, outages and old quotes fail closed, bounded."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from application.trading.orders import OrderResult, SubmitOrder
from application.trading.risk_books import ACCOUNT_TTL, RiskBooks
from bootstrap.embedded import Embedded
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType
from domain.trading.accounts import MissingMark
from domain.trading.orders import Origin, OriginKind, Side
from tests.kit.watches import ACCOUNT, OWNER, add_rule, fake_clock, hold

D = Decimal


async def buy(e: Embedded, quantity: str = "1", symbol: str = "AAPL") -> OrderResult:
    cmd = SubmitOrder(
        OWNER, ACCOUNT, symbol, Side.BUY, D(quantity), Origin(OriginKind.USER, OWNER.id)
    )
    return await e.orders.submit(cmd)


def books(e: Embedded) -> RiskBooks:
    assert e.orders.books is not None
    return e.orders.books


def reasons(result: OrderResult) -> set[ReasonCode]:
    assert result.decision is not None
    return set(result.decision.reasons)


async def test_a_quote_on_a_held_symbol_moves_the_next_decision(e: Embedded) -> None:
    # Arrange: 100 MSFT held, gross exposure capped at 30,000; at 250 that is 25,000
    await hold(e, ACCOUNT, "MSFT", D(100), D(250))
    await add_rule(e, RuleType.GROSS_EXPOSURE, {"max_gross": "30000"})
    approved = await buy(e)  # 25,000 + 100 of AAPL: within the cap
    rebuilds = books(e).rebuilds

    # Act: MSFT jumps to 300 (30,000 alone); no account change, only the quote
    e.market.set_price("MSFT", D(300))
    denied = await buy(e)

    # Assert: the book followed the quote without being rebuilt
    assert approved.decision is not None and approved.decision.approved
    assert ReasonCode.GROSS_EXPOSURE in reasons(denied)
    assert books(e).rebuilds == rebuilds


async def test_an_outage_makes_every_mark_fetched_again_and_fails_closed(e: Embedded) -> None:
    # Arrange: a held position, its book built
    await hold(e, ACCOUNT, "MSFT", D(10), D(250))
    await buy(e)

    # Act: the board goes down (no quote is updated, so no listener fires)
    e.market.set_down()
    denied = await buy(e)
    e.market.set_down(False)
    approved = await buy(e)

    # Assert
    assert ReasonCode.NO_REFERENCE_PRICE in reasons(denied)
    assert approved.decision is not None and approved.decision.approved


async def test_a_mark_older_than_the_maximum_age_is_not_used(e: Embedded) -> None:
    # Arrange: quotes expire after 5 s; the book holds MSFT's mark
    e.market.set_max_age(5)
    e.market.set_price("AAPL", D(100))
    e.market.set_price("MSFT", D(250))
    await hold(e, ACCOUNT, "MSFT", D(10), D(250))
    first = await buy(e)

    # Act: 6 s later AAPL is quoted again but MSFT is not
    fake_clock(e).advance(6)
    e.market.set_price("AAPL", D(100))
    stale = await buy(e)

    # Assert
    assert first.decision is not None and first.decision.approved
    assert ReasonCode.NO_REFERENCE_PRICE in reasons(stale)


async def test_a_failed_unit_of_work_forgets_the_account(e: Embedded) -> None:
    # Arrange: the account is held
    await buy(e)
    assert books(e)._held.get(ACCOUNT) is not None

    # Act
    books(e).forget(ACCOUNT)

    # Assert: gone, and the next order reads and holds it again
    assert books(e)._held.get(ACCOUNT) is None
    result = await buy(e)
    assert result.decision is not None and result.decision.approved
    assert books(e)._held.get(ACCOUNT) is not None


async def test_a_held_account_is_read_again_after_its_time_to_live(e: Embedded) -> None:
    # Arrange
    await buy(e)
    read_at = books(e)._held[ACCOUNT].read_at

    # Act
    fake_clock(e).advance(ACCOUNT_TTL.total_seconds() + 0.1)
    await buy(e)

    # Assert
    assert books(e)._held[ACCOUNT].read_at > read_at


async def test_at_most_capacity_accounts_are_held() -> None:
    # Arrange
    from bootstrap.embedded import build_embedded
    from domain.trading.instruments import Instrument

    e = build_embedded()
    await e.add_instrument(Instrument("AAPL"), D(100))
    ids = [f"acc-{i}" for i in range(5)]
    for account_id in ids:
        await e.open_account(account_id, OWNER.id, D(100_000))
    held = RiskBooks(e.market, e.market, capacity=3)
    e.orders.books = held

    # Act
    for account_id in ids:
        cmd = SubmitOrder(
            OWNER, account_id, "AAPL", Side.BUY, D(1), Origin(OriginKind.USER, OWNER.id)
        )
        await e.orders.submit(cmd)

    # Assert: the three most recently used
    assert list(held._held) == ids[-3:]


async def test_an_outage_with_no_account_change_still_fails_closed(e: Embedded) -> None:
    # Arrange: a held position and a book that needs nothing more
    await hold(e, ACCOUNT, "MSFT", D(10), D(250))
    held = RiskBooks(e.market, e.market)
    now = fake_clock(e).now()
    async with e.uow() as uow:
        account = await held.account(uow, ACCOUNT, now)
        assert account is not None
        instruments = await held.instruments(uow, now, "MSFT")
    flow = e.orders.policies.flow_for(ACCOUNT)
    await held.view(account, instruments, now=now, trading_state=None, flow=flow, symbol="MSFT")

    # Act: the board goes down; no quote moves, nothing in the account changes
    e.market.set_down()

    # Assert
    with pytest.raises(MissingMark, match="MSFT"):
        await held.view(account, instruments, now=now, trading_state=None, flow=flow, symbol="MSFT")


async def test_giving_kafka_partitions_up_drops_every_held_account() -> None:
    # Arrange: a consume process's container holding an account
    from bootstrap.containers.application import build_container
    from bootstrap.settings import load_settings

    container = build_container(
        load_settings({"BULWARK_ENV": "test", "BULWARK_DATABASE_URL": "memory://"}, env_file=None)
    )
    held = container.trading.risk_books()
    store = container.core.store()
    from domain.trading.accounts import Account

    store.accounts["acc-9"] = Account("acc-9", "u-9", D(1000))
    async with container.core.uow_factory()() as uow:
        await held.account(uow, "acc-9", fake_now())

    # Act: the runtime's hook on revocation
    container.trading.on_accounts_released()()

    # Assert
    assert held._held == {}


def fake_now() -> datetime:
    return datetime(2026, 1, 5, 15, 0, tzinfo=UTC)
