"""The aggregation store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest

from adapters.memory.aggregation import InMemoryAggregationStore
from adapters.postgres.aggregation import SqlAggregationStore
from domain.aggregation.model import (
    AggregatedAccount,
    AggregatedHolding,
    AggregatedTransaction,
    ItemStatus,
    LinkedItem,
    account_id_for,
)
from domain.errors import Conflict
from ports.aggregation.aggregation import AggregationStore
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 11, 25, 15, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture
def repo(store: StoreUnderTest) -> AggregationStore:
    return store.adapter(InMemoryAggregationStore, SqlAggregationStore)


def item(item_id: str = "itm_1", owner: str = "u-1", provider: str = "plaid-1") -> LinkedItem:
    return LinkedItem(
        id=item_id, owner_id=owner, provider_item_id=provider, institution_id="ins_3",
        institution_name=None, access_token="bwk1.sealed.text", created_at=T0,
        portfolio_id="pf-1",
    )  # fmt: skip


def account(item_id: str = "itm_1", owner: str = "u-1", pid: str = "acc-a") -> AggregatedAccount:
    return AggregatedAccount(
        id=account_id_for(item_id, pid), item_id=item_id, owner_id=owner,
        provider_account_id=pid, name="Plaid 401k", mask="6666", type="investment",
        subtype="401k", current_balance=D("23631.9805"), currency="USD",
    )  # fmt: skip


def holding(item_id: str = "itm_1", security: str = "sec-1") -> AggregatedHolding:
    return AggregatedHolding(
        account_id=account_id_for(item_id, "acc-a"), security_id=security, symbol="MIPTX",
        name="Matthews Pacific Tiger", security_type="mutual fund", quantity=D("23.567"),
        cost_basis=None, institution_price=D("27"), institution_value=D("636.309"),
        currency="USD", as_of=date(2026, 11, 25),
    )  # fmt: skip


def txn(
    txn_id: str, day: int, amount: str = "72.1", item_id: str = "itm_1"
) -> AggregatedTransaction:
    return AggregatedTransaction(
        id=txn_id, account_id=account_id_for(item_id, "acc-a"), item_id=item_id,
        day=date(2026, 11, day), name="WALMART", amount=D(amount), currency="USD", pending=False,
    )  # fmt: skip


async def test_an_item_reads_back_exactly_and_only_for_its_owner(repo: AggregationStore) -> None:
    await repo.add_item(item())

    assert await repo.get_item("itm_1", "u-1") == item()
    assert await repo.get_item("itm_1", "u-2") is None
    assert await repo.item_by_provider_id("plaid-1") == item()
    assert await repo.items_of("u-2") == []
    assert await repo.items_of_portfolio("u-1", "pf-1") == [item()]
    assert await repo.items_of_portfolio("u-2", "pf-1") == []


async def test_a_provider_item_is_linked_once(repo: AggregationStore) -> None:
    await repo.add_item(item())

    with pytest.raises(Conflict):
        await repo.add_item(item("itm_2", "u-2"))


async def test_saving_an_item_keeps_its_status_cursor_and_portfolio(repo: AggregationStore) -> None:
    await repo.add_item(item())
    changed = replace(
        item(), status=ItemStatus.LOGIN_REQUIRED, error_code="ITEM_LOGIN_REQUIRED",
        cursor="c-2", last_synced_at=T0, portfolio_id=None,
    )  # fmt: skip

    await repo.save_item(changed)

    assert await repo.get_item("itm_1", "u-1") == changed


async def test_accounts_and_holdings_are_replaced_and_owner_scoped(repo: AggregationStore) -> None:
    await repo.add_item(item())
    await repo.replace_accounts("itm_1", [account(pid="acc-b"), account()])
    await repo.replace_holdings("itm_1", [holding("itm_1", "sec-2"), holding()])

    await repo.replace_holdings("itm_1", [holding()])

    accounts = await repo.accounts_of("u-1")
    assert [a.provider_account_id for a in accounts] == sorted(
        ["acc-a", "acc-b"], key=lambda p: account_id_for("itm_1", p)
    )
    assert accounts[0].current_balance in (D("23631.9805"),)
    assert await repo.holdings_of("u-1", "itm_1") == [holding()]
    assert await repo.accounts_of("u-2") == []
    assert await repo.holdings_of("u-2") == []


async def test_a_sync_page_upserts_removes_and_moves_the_cursor(repo: AggregationStore) -> None:
    await repo.add_item(item())
    await repo.apply_transactions("itm_1", [txn("t1", 12), txn("t2", 14)], [], "c-1")

    await repo.apply_transactions("itm_1", [txn("t1", 12, "72.14"), txn("t3", 15)], ["t2"], "c-2")

    found = await repo.transactions_of("u-1", "itm_1")
    assert [(t.id, t.amount) for t in found] == [("t3", D("72.1")), ("t1", D("72.14"))]
    stored = await repo.get_item("itm_1", "u-1")
    assert stored is not None and stored.cursor == "c-2"
    assert await repo.transactions_of("u-2", "itm_1") == []


async def test_removing_an_item_removes_what_it_held(repo: AggregationStore) -> None:
    await repo.add_item(item())
    await repo.replace_accounts("itm_1", [account()])
    await repo.replace_holdings("itm_1", [holding()])
    await repo.apply_transactions("itm_1", [txn("t1", 12)], [], "c-1")

    assert await repo.remove_item("itm_1", "u-2") is False
    assert await repo.remove_item("itm_1", "u-1") is True

    assert await repo.get_item("itm_1", "u-1") is None
    assert await repo.accounts_of("u-1") == []
    assert await repo.holdings_of("u-1") == []
    assert await repo.transactions_of("u-1", "itm_1") == []
    assert await repo.remove_item("itm_1", "u-1") is False


async def test_a_webhook_body_is_claimed_once(repo: AggregationStore) -> None:
    digest = "a" * 64

    first = await repo.claim_webhook(digest)
    again = await repo.claim_webhook(digest)

    assert (first, again) == (True, False)
    assert await repo.claim_webhook("b" * 64) is True
