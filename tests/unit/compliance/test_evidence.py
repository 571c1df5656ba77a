"""The evidence pack over the in-memory adapters: its sections for a scope and a period, the
digest of its canonical content, its audit entry (the anchor) and its verification, and the
scope rules (an agent refused, another owner's account or book not found)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore
from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.books import InMemoryBookStore
from adapters.memory.clock import FakeClock
from adapters.memory.compliance import NoDrillRecords
from adapters.memory.drills import InMemoryDrillRunStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.memory.surveillance import InMemorySurveillanceStore
from application.compliance.evidence import (
    ACTION,
    EvidencePacks,
    EvidenceQuery,
    InvalidEvidenceQuery,
    breaches_per_day,
    canonical_json,
    digest_of,
    rules_for,
)
from application.compliance.inventory import ControlInventory
from application.core.audit_log import AuditLogService
from domain.books.book import Book
from domain.compliance.findings import PlatformControls
from domain.drills.runs import DrillOutcome, DrillRun
from domain.drills.schedule import DrillTarget
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import BrokerOutcome, KillSwitchEvent, TriggerType
from domain.principals import Principal, Role
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.surveillance.cases import Alert
from domain.surveillance.detections import AbusePattern, AlertSeverity, Detection, to_us
from domain.trading.accounts import Account
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.core.events import AuditEntry

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
SINCE, UNTIL = NOW - timedelta(days=7), NOW
ALICE, BOB = Principal("alice", Role.OWNER), Principal("bob", Role.OWNER)
ADMIN, AGENT = Principal("adm", Role.ADMIN), Principal("bot-1", Role.AGENT)


def event(event_id: str, scope: Scope, at: datetime) -> KillSwitchEvent:
    venue = BrokerOutcome("paper", ("a-1",), 2, 2, 0, True, 1)
    return KillSwitchEvent(
        id=event_id, user_id="alice", trigger_type=TriggerType.MANUAL, scope=scope,
        reason="drill", flatten=False, orders_cancelled=2, broker_confirmed=True,
        brokers=(venue,), triggered_at=at, halted_at=at, broadcast_at=at,
        cancel_sent_at=at, confirmed_at=at + timedelta(milliseconds=40), elapsed_ms=40.0,
    )  # fmt: skip


def detection(n: int, account: str, at: datetime) -> Detection:
    return Detection(
        pattern=AbusePattern.SPOOFING, owner_id="alice", symbol="AAPL",
        detected_us=to_us(at), started_us=to_us(at) - 1, score=0.8,
        severity=AlertSeverity.HIGH, accounts=(account,), agents=(), thresholds={},
        observed={}, orders=(), fills=(),
    )  # fmt: skip


class Desk:
    def __init__(self) -> None:
        self.store = InMemoryStore()
        self.uow = unit_of_work_factory(self.store)
        self.books = InMemoryBookStore()
        self.runs = InMemoryDrillRunStore()
        self.cases = InMemorySurveillanceStore()
        self.audit = InMemoryAuditLog()
        self.clock = FakeClock(NOW)
        inventory = ControlInventory(
            self.uow, self.books, InMemoryAccountRuleSettingsStore(), NoDrillRecords(),
            PlatformControls(), self.clock,
        )  # fmt: skip
        self.packs = EvidencePacks(
            inventory, self.uow, self.runs, self.cases, self.audit,
            AuditLogService(self.audit, self.uow), self.clock,
        )  # fmt: skip

    async def seed(self) -> None:
        async with self.uow() as uow:
            for account_id, owner in (("a-1", "alice"), ("a-2", "alice"), ("b-1", "bob")):
                await uow.accounts.add(Account(account_id, owner, Decimal(100_000)))
            await uow.risk_rules.add(
                RiskRule("r-1", "alice", RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 100},
                         RuleScope.ACCOUNT, Action.BLOCK, account_id="a-1")
            )  # fmt: skip
            await uow.risk_rules.add(
                RiskRule("r-2", "bob", RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5},
                         RuleScope.ACCOUNT, Action.BLOCK, account_id="b-1")
            )  # fmt: skip
            placed = (
                ("o-1", "a-1", 2, "MAX_ORDER_QUANTITY"),
                ("o-2", "a-1", 2, "PRICE_COLLAR"),
                ("o-3", "a-1", 1, "MAX_ORDER_QUANTITY"),
                ("o-4", "a-1", 30, "MAX_ORDER_QUANTITY"),  # before the period
                ("o-5", "b-1", 1, "MAX_ORDER_QUANTITY"),  # Bob's
            )
            for order_id, account, days, code in placed:
                order = Order(
                    order_id, f"c-{order_id}", account, "AAPL", Side.BUY, Decimal(500),
                    Origin(OriginKind.USER, "alice"), created_at=NOW - timedelta(days=days),
                )  # fmt: skip
                order.deny((code,))
                await uow.orders.add(order)
            await uow.kill_switch_events.add(
                event("ks-1", Scope.account("a-1"), NOW - timedelta(days=1))
            )
            await uow.kill_switch_events.add(
                event("ks-old", Scope.account("a-1"), NOW - timedelta(days=40))
            )
            await uow.kill_switch_events.add(
                event("ks-bob", Scope.account("b-1"), NOW - timedelta(days=1))
            )
            await uow.commit()
        await self.books.add(
            Book.of(id="bk-1", owner_id="alice", name="desk", currency="USD",
                    members=["a-1"], limits=[], created_at=NOW)
        )  # fmt: skip
        for run_id, days in (("dr-1", 3), ("dr-old", 20)):
            started = NOW - timedelta(days=days)
            await self.runs.add(
                DrillRun(run_id, "alice", None, DrillTarget.paper(), False, "", started,
                         started + timedelta(seconds=2), DrillOutcome.PASS, "", 35.0)
            )  # fmt: skip
        alerts = [
            Alert.raise_(detection(1, "a-1", NOW - timedelta(days=2)), NOW),
            Alert.raise_(detection(2, "a-2", NOW - timedelta(days=60)), NOW),
        ]
        await self.cases.record(alerts, None)
        await self.audit.record(AuditEntry("alice", "account.create", "account:a-1", "ok", SINCE))


@pytest.fixture
async def desk() -> Desk:
    built = Desk()
    await built.seed()
    return built


async def test_an_owners_pack_holds_each_section_of_their_scope_and_period(desk: Desk) -> None:
    # Act
    content = await desk.packs.assemble(ALICE, EvidenceQuery(SINCE, UNTIL))

    # Assert
    assert content["scope"]["accounts"] == ["a-1", "a-2"]
    assert [a["account_id"] for a in content["inventory"]["accounts"]] == ["a-1", "a-2"]
    assert [r["id"] for r in content["limits"]] == ["r-1"]
    days = {d["day"]: d["by_reason"] for d in content["breaches"]["per_day"]}
    assert days == {
        "2026-11-28": {"MAX_ORDER_QUANTITY": 1, "PRICE_COLLAR": 1},
        "2026-11-29": {"MAX_ORDER_QUANTITY": 1},
    }
    assert [e["id"] for e in content["activations"]["events"]] == ["ks-1"]
    assert content["activations"]["events"][0]["venues"][0]["broker"] == "paper"
    assert [r["id"] for r in content["drills"]["runs"]] == ["dr-1"]
    assert [c["accounts"] for c in content["surveillance"]["cases"]] == [["a-1"]]
    assert content["surveillance"]["cases"][0]["status"] == "open"
    assert content["audit"]["entries_in_scope"] == {"count": 1, "truncated": False}
    assert "verification" not in content["audit"]
    json.loads(canonical_json(content))  # plain JSON throughout


async def test_issuing_records_the_digest_in_the_audit_chain_and_verify_finds_it(
    desk: Desk,
) -> None:
    # Act
    pack = await desk.packs.issue(ALICE, EvidenceQuery(SINCE, UNTIL, account_id="a-1"))
    checked = await desk.packs.verify(json.loads(canonical_json(pack.content)), pack.digest)

    # Assert
    assert pack.digest == digest_of(pack.content)
    anchor = desk.audit.links[-1]
    assert (anchor.seq, anchor.entry.action, anchor.entry.target) == (
        pack.audit_seq, ACTION, "account:a-1"
    )  # fmt: skip
    assert anchor.entry.details["digest"] == pack.digest
    assert anchor.entry.details["chain_head_seq"] == pack.chain_head_seq == 1
    assert checked.ok and checked.entry is not None and checked.entry.seq == pack.audit_seq


async def test_a_changed_pack_does_not_verify(desk: Desk) -> None:
    pack = await desk.packs.issue(ALICE, EvidenceQuery(SINCE, UNTIL))
    tampered = json.loads(canonical_json(pack.content))
    tampered["limits"] = []

    checked = await desk.packs.verify(tampered, pack.digest)

    assert not checked.matches and checked.entry is None and not checked.ok


async def test_a_book_pack_holds_its_members_only(desk: Desk) -> None:
    content = await desk.packs.assemble(ALICE, EvidenceQuery(SINCE, UNTIL, book_id="bk-1"))

    assert content["scope"]["accounts"] == ["a-1"]
    assert content["scope"]["books"] == ["bk-1"]
    assert content["surveillance"]["cases"][0]["accounts"] == ["a-1"]


async def test_an_admin_gets_the_chain_verified(desk: Desk) -> None:
    content = await desk.packs.assemble(ADMIN, EvidenceQuery(SINCE, UNTIL, account_id="b-1"))

    assert content["audit"]["verification"]["ok"] is True
    assert content["audit"]["verification"]["checked"] == 1
    assert [e["id"] for e in content["activations"]["events"]] == ["ks-bob"]


async def test_an_agent_is_refused_and_another_owners_scope_is_not_found(desk: Desk) -> None:
    with pytest.raises(Forbidden):
        await desk.packs.issue(AGENT, EvidenceQuery(SINCE, UNTIL))
    with pytest.raises(NotFound):
        await desk.packs.issue(BOB, EvidenceQuery(SINCE, UNTIL, account_id="a-1"))
    with pytest.raises(NotFound):
        await desk.packs.issue(BOB, EvidenceQuery(SINCE, UNTIL, book_id="bk-1"))
    assert all(link.entry.action != ACTION for link in desk.audit.links)


@pytest.mark.parametrize(
    "query",
    [
        EvidenceQuery(UNTIL, SINCE),
        EvidenceQuery(NOW - timedelta(days=400), NOW),
        EvidenceQuery(SINCE, UNTIL, account_id="a-1", book_id="bk-1"),
        EvidenceQuery(datetime(2026, 1, 1), datetime(2026, 1, 2)),
    ],
)
async def test_a_bad_period_or_scope_is_refused(desk: Desk, query: EvidenceQuery) -> None:
    with pytest.raises(InvalidEvidenceQuery):
        await desk.packs.issue(ALICE, query)


def test_the_canonical_form_sorts_keys_and_the_digest_follows_it() -> None:
    assert canonical_json({"b": 1, "a": [Decimal("1.5"), NOW]}) == (
        b'{"a":["1.5","2026-11-30T15:00:00Z"],"b":1}'
    )
    assert digest_of({"b": 1, "a": 2}) == digest_of({"a": 2, "b": 1})


def test_breaches_without_a_reason_are_counted_unspecified() -> None:
    order = Order("o", "c", "a", "AAPL", Side.BUY, Decimal(1), Origin(OriginKind.USER, "u"),
                  created_at=NOW)  # fmt: skip
    order.deny(())

    assert breaches_per_day([order]) == [
        {"day": "2026-11-30", "total": 1, "by_reason": {"UNSPECIFIED": 1}}
    ]


def test_global_and_owner_wide_rules_apply_and_others_do_not() -> None:
    rules = [
        RiskRule("g", "adm", RuleType.MAX_ORDER_QUANTITY, scope=RuleScope.GLOBAL),
        RiskRule("own", "alice", RuleType.MAX_ORDER_QUANTITY),
        RiskRule("other", "bob", RuleType.MAX_ORDER_QUANTITY),
        RiskRule("elsewhere", "alice", RuleType.MAX_ORDER_QUANTITY, account_id="a-9"),
    ]

    assert [r["id"] for r in rules_for(rules, {"a-1": "alice"})] == ["g", "own"]
