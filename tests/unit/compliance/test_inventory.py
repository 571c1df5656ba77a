"""The control inventory use case over the in-memory adapters: who sees which accounts and
books, the last breach from one search of each account's denials, the drills through their
port (none on record: never), an agent refused, another owner's account not found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore
from adapters.memory.books import InMemoryBookStore
from adapters.memory.clock import FakeClock
from adapters.memory.compliance import InMemoryDrillRecords, NoDrillRecords
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.compliance.inventory import ControlInventory, InventoryQuery
from domain.agents.heartbeat import Agent
from domain.books.book import Book
from domain.books.limits import BookLimit, BookLimitKind
from domain.compliance.controls import ControlFinding, ControlKind, Coverage, DrillRecord
from domain.compliance.findings import PlatformControls
from domain.compliance.inventory import AccountInventory
from domain.compliance.status import Status
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.trading.accounts import Account
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.core.repositories import OrderSearch
from ports.core.unit_of_work import UnitOfWork

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ALICE, BOB = Principal("alice", Role.OWNER), Principal("bob", Role.OWNER)
OFFICER, VIEWER = Principal("ro-1", Role.RISK_OFFICER), Principal("v-1", Role.VIEWER)


class Desk:
    """An in-memory store with Alice's two accounts in a book and Bob's one account."""

    def __init__(self, drills: InMemoryDrillRecords | NoDrillRecords | None = None) -> None:
        self.store = InMemoryStore()
        self.books = InMemoryBookStore()
        self.searches = 0
        self.inventory = ControlInventory(
            self.uow, self.books, InMemoryAccountRuleSettingsStore(),
            drills or NoDrillRecords(), PlatformControls(), FakeClock(NOW),
        )  # fmt: skip

    def uow(self) -> UnitOfWork:
        uow = InMemoryUnitOfWork(self.store)
        search = uow.orders.search

        async def counted(criteria: OrderSearch) -> list[Order]:
            self.searches += 1
            return await search(criteria)

        uow.orders.search = counted  # type: ignore[method-assign]
        return uow

    async def seed(self) -> None:
        async with InMemoryUnitOfWork(self.store) as uow:
            for account_id, owner in (("a-1", "alice"), ("a-2", "alice"), ("b-1", "bob")):
                await uow.accounts.add(Account(account_id, owner, Decimal(100_000)))
            rules: tuple[tuple[RuleType, dict[str, object]], ...] = (
                (RuleType.PRICE_COLLAR, {"max_pct": "0.05"}),
                (RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100}),
            )
            for index, (rule_type, params) in enumerate(rules):
                await uow.risk_rules.add(
                    RiskRule(f"r-{index}", "alice", rule_type, params, RuleScope.ACCOUNT,
                             Action.BLOCK, account_id="a-1")
                )  # fmt: skip
            await uow.agents.add(Agent("bot-1", "alice", account_ids=("a-1",)))
            for minutes, code in ((30, "MAX_ORDER_QUANTITY"), (10, "MAX_ORDER_QUANTITY")):
                order = Order(
                    f"o-{minutes}", f"c-{minutes}", "a-1", "AAPL", Side.BUY, Decimal(500),
                    Origin(OriginKind.USER, "alice"), created_at=NOW - timedelta(minutes=minutes),
                )  # fmt: skip
                order.deny((code,))
                await uow.orders.add(order)
            await uow.commit()
        limits = [BookLimit(BookLimitKind.DAILY_LOSS, Decimal("5000"))]
        await self.books.add(
            Book.of(id="bk-1", owner_id="alice", name="desk", currency="USD",
                    members=["a-1", "a-2"], limits=limits, created_at=NOW)
        )  # fmt: skip


def finding(account: AccountInventory, requirement_id: str, kind: ControlKind) -> ControlFinding:
    judged = next(r for r in account.requirements if r.requirement.id == requirement_id)
    return next(f for f in judged.findings if f.kind is kind)


@pytest.fixture
async def desk() -> Desk:
    built = Desk()
    await built.seed()
    return built


async def test_an_owner_sees_their_accounts_and_books_with_one_denial_search_each(
    desk: Desk,
) -> None:
    # Act
    found = await desk.inventory.inventory(ALICE, InventoryQuery())

    # Assert
    assert [a.account_id for a in found.accounts] == ["a-1", "a-2"]
    assert [b.book_id for b in found.books] == ["bk-1"]
    assert desk.searches == 2
    size = finding(found.accounts[0], "sec-15c3-5-c1ii", ControlKind.MAX_ORDER_QUANTITY)
    assert size.coverage is Coverage.FULL
    assert size.last_breach == NOW - timedelta(minutes=10)
    loss = finding(found.accounts[1], "rts6-art17", ControlKind.BOOK_DAILY_LOSS)
    assert loss.coverage is Coverage.FULL
    book_loss = next(r for r in found.books[0].requirements if r.requirement.id == "rts6-art17")
    assert book_loss.status is Status.PARTLY_MET  # the entity-level exposure is not Bulwark's


async def test_a_requirement_met_on_one_account_is_a_gap_on_another_without_its_rules(
    desk: Desk,
) -> None:
    found = await desk.inventory.inventory(ALICE, InventoryQuery())

    statuses = {
        a.account_id: next(r for r in a.requirements if r.requirement.id == "sec-15c3-5-c1ii")
        for a in found.accounts
    }
    assert statuses["a-1"].status is Status.PARTLY_MET  # no DUPLICATE_ORDER
    assert statuses["a-2"].status is Status.GAP


async def test_the_desk_and_the_viewer_see_every_owner_or_one(desk: Desk) -> None:
    every = await desk.inventory.inventory(OFFICER, InventoryQuery())
    bobs = await desk.inventory.inventory(OFFICER, InventoryQuery(owner_id="bob"))
    viewed = await desk.inventory.inventory(VIEWER, InventoryQuery())

    assert [a.account_id for a in every.accounts] == ["a-1", "a-2", "b-1"]
    assert [a.account_id for a in bobs.accounts] == ["b-1"] and bobs.books == ()
    assert [a.account_id for a in viewed.accounts] == ["a-1", "a-2", "b-1"]


async def test_one_account_brings_its_books_and_their_members_denials(desk: Desk) -> None:
    found = await desk.inventory.inventory(ALICE, InventoryQuery(account_id="a-2"))

    assert [a.account_id for a in found.accounts] == ["a-2"]
    assert [b.book_id for b in found.books] == ["bk-1"]
    assert desk.searches == 2  # a-2, and a-1 the other member


async def test_another_owners_account_or_owner_is_not_found(desk: Desk) -> None:
    with pytest.raises(NotFound):
        await desk.inventory.inventory(BOB, InventoryQuery(account_id="a-1"))
    with pytest.raises(NotFound):
        await desk.inventory.inventory(BOB, InventoryQuery(owner_id="alice"))
    with pytest.raises(NotFound):
        await desk.inventory.inventory(OFFICER, InventoryQuery(owner_id="bob", account_id="a-1"))


async def test_an_agent_is_refused(desk: Desk) -> None:
    with pytest.raises(Forbidden):
        await desk.inventory.inventory(Principal("bot-1", Role.AGENT), InventoryQuery())


async def test_drills_come_through_their_port_and_none_on_record_reads_never() -> None:
    # Arrange: a drill of Alice's paper accounts
    drills = InMemoryDrillRecords()
    drills.record("alice", DrillRecord("paper", NOW - timedelta(days=1), passed=True))
    drilled, undrilled = Desk(drills), Desk()
    await drilled.seed()
    await undrilled.seed()

    # Act
    with_drill = await drilled.inventory.inventory(ALICE, InventoryQuery(account_id="a-1"))
    without = await undrilled.inventory.inventory(ALICE, InventoryQuery(account_id="a-1"))

    # Assert
    kill = finding(with_drill.accounts[0], "rts6-art12", ControlKind.KILL_SWITCH)
    assert kill.last_test == DrillRecord("paper", NOW - timedelta(days=1), True)
    never = finding(without.accounts[0], "rts6-art12", ControlKind.KILL_SWITCH)
    assert never.last_test is None
    book_kill = next(
        r for r in with_drill.books[0].requirements if r.requirement.id == "rts6-art12"
    )
    assert book_kill.findings[0].last_test is not None


async def test_the_agents_granted_an_account_are_judged_for_it(desk: Desk) -> None:
    found = await desk.inventory.inventory(ALICE, InventoryQuery())

    granted = finding(found.accounts[0], "finra-2026-agents-scope", ControlKind.AGENT_SCOPED_RULES)
    lone = finding(found.accounts[1], "finra-2026-agents-scope", ControlKind.AGENT_SCOPED_RULES)
    assert granted.coverage is Coverage.NONE
    assert lone.coverage is Coverage.NOT_APPLICABLE
