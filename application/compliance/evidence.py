"""The evidence pack: what a compliance officer hands a supervisor for a period and a scope,
signed by the SHA-256 of its canonical content and anchored in the audit chain.

A pack holds, for the period [`since`, `until`) and the scope (the caller's accounts, one
account, or one book):
- the control inventory (ControlInventory, with its scope rules: an agent Forbidden, an account
  or a book the caller may not see NotFound);
- the configured limits: the risk rules that apply to the scope's accounts;
- the breaches: the denials by reason code per day, from the orders placed in the period (read
  by pages, at most `max_orders`; past it `truncated` says so);
- the kill-switch drills of the scope's owners started in the period (at most `max_drills`);
- the kill-switch activations on the scope's scopes (global, each account, the book) in the
  period, each with its per-venue outcome (at most `max_events` a scope);
- the surveillance cases of the scope's owners detected in the period that name one of the
  scope's accounts, with their resolution (at most `max_cases`);
- the audit chain: its head; for an admin the whole chain's verification, for others the
  count of the audit entries of the period they may see (at most `max_entries`).

`issue` assembles the content, digests its canonical JSON (sorted keys, no spaces, UTF-8) and
records the audit entry `compliance.evidence_pack` (subject the scope, details the digest, the
period and the chain head before it), which anchors the pack in the chain. `verify` recomputes
a pack's digest and finds that entry. Pure helpers (`canonical_json`, `digest_of`,
`breaches_per_day`, `rules_for`) carry the logic the tests pin.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from application.compliance.inventory import ControlInventory, InventoryQuery
from application.core.audit_log import AuditLogService, AuditQuery
from domain.errors import DomainError, NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent
from domain.principals import Principal, Role
from domain.risk.reasons import RuleScope
from domain.risk.rules import RiskRule
from domain.surveillance.cases import Alert
from domain.trading.orders import Order, OrderStatus
from ports.core.audit import AuditFilter, ChainedEntry
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.repositories import OrderCursor, OrderPeriod
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.drills.store import DrillRunPage, DrillRunStore
from ports.surveillance.surveillance import AlertQuery, SurveillanceStore

ACTION = "compliance.evidence_pack"
FORMAT = "bulwark.evidence-pack/1"
MAX_DAYS = 366
MAX_ORDERS = 20_000
MAX_EVENTS = 500
MAX_DRILLS = 500
MAX_CASES = 1_000
MAX_ENTRIES = 10_000
# How many of the newest `compliance.evidence_pack` entries `verify` reads to find a digest.
VERIFY_SCAN = 5_000
_PAGE = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class InvalidEvidenceQuery(DomainError):
    """A period out of range, or both an account and a book."""

    code = "INVALID_EVIDENCE_QUERY"


@dataclass(frozen=True, slots=True)
class EvidenceQuery:
    """The period [since, until) and the scope: `account_id`, `book_id` or neither (all of the
    caller's accounts; a supervisor's: every owner's, as the inventory lists them)."""

    since: datetime
    until: datetime
    account_id: str | None = None
    book_id: str | None = None

    def check(self) -> None:
        if self.since.tzinfo is None or self.until.tzinfo is None:
            raise InvalidEvidenceQuery("from and to need a time zone", field="from")
        if self.since >= self.until:
            raise InvalidEvidenceQuery("from must be before to", field="from")
        if self.until - self.since > timedelta(days=MAX_DAYS):
            raise InvalidEvidenceQuery(f"a period is at most {MAX_DAYS} days", field="to")
        if self.account_id is not None and self.book_id is not None:
            raise InvalidEvidenceQuery("name an account or a book, not both", field="book_id")

    @property
    def subject(self) -> str:
        """The audit subject of a pack of this scope."""
        if self.account_id is not None:
            return f"account:{self.account_id}"
        if self.book_id is not None:
            return f"book:{self.book_id}"
        return "accounts"


@dataclass(frozen=True, slots=True)
class EvidencePack:
    """The pack's content (canonical-JSON-able), its digest and its audit entry's seq."""

    content: Mapping[str, Any]
    digest: str
    audit_seq: int | None
    chain_head_seq: int
    chain_head_hash: str


@dataclass(frozen=True, slots=True)
class PackVerification:
    """Whether the recomputed digest matches the pack's, and the audit entry that anchors it
    (None: not found among the newest VERIFY_SCAN packs on record)."""

    digest: str
    matches: bool
    entry: ChainedEntry | None

    @property
    def ok(self) -> bool:
        return self.matches and self.entry is not None


# -- pure helpers -------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """`value` as JSON data: dataclasses as objects, datetimes ISO 8601 (UTC), Decimals and
    enums as strings, tuples and sets as lists (sets sorted)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    return value


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """The canonical form the digest is taken of: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        plain(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def digest_of(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def breaches_per_day(orders: Iterable[Order]) -> list[dict[str, Any]]:
    """The denials by day (UTC) and reason code, oldest day first, codes sorted."""
    counts: Counter[tuple[str, str]] = Counter()
    for order in orders:
        if order.status is not OrderStatus.DENIED or order.created_at is None:
            continue
        day = order.created_at.astimezone(UTC).date().isoformat()
        for code in order.deny_reasons or ("UNSPECIFIED",):
            counts[(day, code)] += 1
    days: dict[str, dict[str, int]] = {}
    for (day, code), n in sorted(counts.items()):
        days.setdefault(day, {})[code] = n
    return [{"day": d, "total": sum(c.values()), "by_reason": c} for d, c in days.items()]


def rules_for(rules: Iterable[RiskRule], accounts: Mapping[str, str]) -> list[Mapping[str, Any]]:
    """The rules that apply to `accounts` (id -> owner): global ones, and those of an account
    in scope or, without an account, of an owner in scope; sorted by id."""
    owners = set(accounts.values())
    applying = []
    for rule in rules:
        if rule.scope is RuleScope.GLOBAL:
            applying.append(rule)
        elif rule.account_id is not None:
            if rule.account_id in accounts:
                applying.append(rule)
        elif rule.owner_id in owners:
            applying.append(rule)
    return [
        {
            "id": r.id,
            "name": r.name,
            "owner_id": r.owner_id,
            "rule_type": plain(r.rule_type),
            "scope": plain(r.scope),
            "scope_id": r.scope_id,
            "account_id": r.account_id,
            "action": plain(r.action),
            "is_active": r.is_active,
            "params": plain(r.params),
        }
        for r in sorted(applying, key=lambda r: r.id)
    ]


def activation(event: KillSwitchEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "scope": event.scope.key,
        "trigger_type": plain(event.trigger_type),
        "by": event.user_id,
        "reason": event.reason,
        "flatten": event.flatten,
        "triggered_at": iso(event.triggered_at),
        "halted_at": iso(event.halted_at),
        "confirmed_at": None if event.confirmed_at is None else iso(event.confirmed_at),
        "elapsed_ms": event.elapsed_ms,
        "orders_cancelled": event.orders_cancelled,
        "broker_confirmed": event.broker_confirmed,
        "store_unavailable": event.store_unavailable,
        "venues": [plain(b) for b in event.brokers],
        "unconfirmed_venues": list(event.unconfirmed_brokers),
    }


def case(alert: Alert) -> dict[str, Any]:
    d = alert.detection
    return {
        "id": alert.id,
        "pattern": plain(d.pattern),
        "severity": plain(d.severity),
        "owner_id": d.owner_id,
        "symbol": d.symbol,
        "accounts": list(d.accounts),
        "score": d.score,
        "detected_at": iso(detected_at(alert)),
        "status": plain(alert.status),
        "action": plain(alert.action),
        "action_detail": alert.action_detail,
        "note": alert.note,
        "closed_by": alert.closed_by,
        "closed_at": None if alert.closed_at is None else iso(alert.closed_at),
    }


def detected_at(alert: Alert) -> datetime:
    return _EPOCH + timedelta(microseconds=alert.detection.detected_us)


# -- the use case -------------------------------------------------------------------------


@dataclass(eq=False)
class EvidencePacks:
    """Assembles, signs and verifies evidence packs (see the module docstring)."""

    inventory: ControlInventory
    uow_factory: UnitOfWorkFactory
    drill_runs: DrillRunStore
    surveillance: SurveillanceStore
    audit: AuditLog
    audit_log: AuditLogService
    clock: Clock
    max_orders: int = MAX_ORDERS
    max_events: int = MAX_EVENTS
    max_drills: int = MAX_DRILLS
    max_cases: int = MAX_CASES
    max_entries: int = MAX_ENTRIES

    async def issue(self, principal: Principal, query: EvidenceQuery) -> EvidencePack:
        """Assemble the pack, digest it and record its audit entry."""
        content = await self.assemble(principal, query)
        digest = digest_of(content)
        head = await self.audit_log.head()
        head_seq, head_hash = (0, "") if head is None else (head.seq, head.hash)
        await self.audit.record(
            AuditEntry(
                principal.id, ACTION, query.subject, "issued", self.clock.now(),
                {
                    "digest": digest,
                    "from": iso(query.since),
                    "to": iso(query.until),
                    "chain_head_seq": head_seq,
                    "chain_head_hash": head_hash,
                },
            )
        )  # fmt: skip
        entry = await self.find_entry(digest)
        seq = None if entry is None else entry.seq
        return EvidencePack(content, digest, seq, head_seq, head_hash)

    async def verify(
        self, content: Mapping[str, Any], digest: str | None = None
    ) -> PackVerification:
        """Recompute the digest of `content`; compare it with `digest` (the pack's own, when
        given) and find the audit entry that anchors it."""
        found = digest_of(content)
        entry = await self.find_entry(found)
        return PackVerification(found, digest is None or digest == found, entry)

    async def find_entry(self, digest: str) -> ChainedEntry | None:
        before: int | None = None
        read = 0
        while read < VERIFY_SCAN:
            links = await self.audit_log.trail.page(
                AuditFilter(action=ACTION, before_seq=before), _PAGE
            )
            for link in links:
                if link.entry.details.get("digest") == digest:
                    return link
            read += len(links)
            if len(links) < _PAGE:
                return None
            before = links[-1].seq
        return None

    async def assemble(self, principal: Principal, query: EvidenceQuery) -> dict[str, Any]:
        """The pack's content (plain JSON data)."""
        query.check()
        inventory = await self.inventory.inventory(
            principal, InventoryQuery(account_id=query.account_id)
        )
        accounts = {a.account_id: a.owner_id for a in inventory.accounts}
        books = list(inventory.books)
        if query.book_id is not None:
            book = next((b for b in books if b.book_id == query.book_id), None)
            if book is None:
                raise NotFound(f"book {query.book_id} not found")
            books = [book]
            accounts = {m: o for m, o in accounts.items() if m in book.members}
            inventory_accounts = [a for a in inventory.accounts if a.account_id in accounts]
        else:
            inventory_accounts = list(inventory.accounts)
        owners = sorted(set(accounts.values()) | {b.owner_id for b in books})
        scopes = [Scope.global_(), *(Scope.account(a) for a in sorted(accounts))]
        scopes += [Scope.book(b.book_id) for b in books]
        async with self.uow_factory() as uow:
            rules = rules_for(await uow.risk_rules.list(), accounts)
            orders, orders_truncated = await self._orders(uow, query, sorted(accounts))
            events, events_truncated = await self._events(uow, query, scopes)
        drills, drills_truncated = await self._drills(query, owners)
        cases, cases_truncated = await self._cases(query, owners, set(accounts))
        audit = await self._audit(principal, query)
        return {
            "format": FORMAT,
            "generated_at": iso(self.clock.now()),
            "generated_by": principal.id,
            "period": {"from": iso(query.since), "to": iso(query.until)},
            "scope": {
                "subject": query.subject,
                "account_id": query.account_id,
                "book_id": query.book_id,
                "accounts": sorted(accounts),
                "books": sorted(b.book_id for b in books),
                "owners": owners,
            },
            "inventory": plain(
                {
                    "generated_at": inventory.generated_at,
                    "accounts": inventory_accounts,
                    "books": books,
                    "denials_read": inventory.denials_read,
                    "truncated": inventory.truncated,
                }
            ),
            "limits": rules,
            "breaches": {
                "per_day": breaches_per_day(orders),
                "orders_read": len(orders),
                "truncated": orders_truncated,
            },
            "drills": {"runs": drills, "truncated": drills_truncated},
            "activations": {"events": events, "truncated": events_truncated},
            "surveillance": {"cases": cases, "truncated": cases_truncated},
            "audit": audit,
        }

    async def _orders(
        self, uow: Any, query: EvidenceQuery, account_ids: Sequence[str]
    ) -> tuple[list[Order], bool]:
        if not account_ids:
            return [], False
        found: list[Order] = []
        after: OrderCursor | None = None
        while True:
            limit = min(_PAGE, self.max_orders - len(found))
            if limit <= 0:
                return found, True
            page = await uow.orders.in_period(
                OrderPeriod(query.since, query.until, tuple(account_ids), after, limit)
            )
            found.extend(page)
            if len(page) < limit:
                return found, False
            last = page[-1]
            after = OrderCursor(last.created_at, last.id)

    async def _events(
        self, uow: Any, query: EvidenceQuery, scopes: Sequence[Scope]
    ) -> tuple[list[dict[str, Any]], bool]:
        found: dict[str, KillSwitchEvent] = {}
        truncated = False
        for scope in scopes:
            listed: list[KillSwitchEvent] = await uow.kill_switch_events.list(
                scope.key, self.max_events
            )
            if len(listed) >= self.max_events and listed[-1].triggered_at >= query.since:
                truncated = True
            for event in listed:
                if query.since <= event.triggered_at < query.until:
                    found[event.id] = event
        ordered = sorted(found.values(), key=lambda e: (e.triggered_at, e.id))
        return [activation(e) for e in ordered], truncated

    async def _drills(
        self, query: EvidenceQuery, owners: Sequence[str]
    ) -> tuple[list[dict[str, Any]], bool]:
        runs: list[dict[str, Any]] = []
        for owner in owners:
            after: str | None = None
            while True:
                page = await self.drill_runs.page(DrillRunPage(owner, 50, after))
                for run in page:
                    if query.since <= run.started_at < query.until:
                        if len(runs) >= self.max_drills:
                            return runs, True
                        runs.append(
                            {
                                "id": run.id,
                                "owner_id": run.owner_id,
                                "target": plain(run.target),
                                "schedule_id": run.schedule_id,
                                "flatten": run.flatten,
                                "started_at": iso(run.started_at),
                                "finished_at": iso(run.finished_at),
                                "outcome": plain(run.outcome),
                                "reason": run.reason,
                                "time_to_halt_ms": run.time_to_halt_ms,
                                "venues": plain(run.venues),
                                "kill_switch_event_id": run.kill_switch_event_id,
                            }
                        )
                if len(page) < 50 or page[-1].started_at < query.since:
                    break
                after = page[-1].id
        runs.sort(key=lambda r: (r["started_at"], r["id"]))
        return runs, False

    async def _cases(
        self, query: EvidenceQuery, owners: Sequence[str], accounts: set[str]
    ) -> tuple[list[dict[str, Any]], bool]:
        cases: list[dict[str, Any]] = []
        for owner in owners:
            before: tuple[datetime, str] | None = None
            while True:
                page = await self.surveillance.find(
                    AlertQuery(owner_id=owner, before=before, limit=100)
                )
                for alert in page:
                    at = detected_at(alert)
                    if query.since <= at < query.until and accounts & set(alert.detection.accounts):
                        if len(cases) >= self.max_cases:
                            return cases, True
                        cases.append(case(alert))
                if len(page) < 100 or detected_at(page[-1]) < query.since:
                    break
                before = (detected_at(page[-1]), page[-1].id)
        cases.sort(key=lambda c: (c["detected_at"], c["id"]))
        return cases, False

    async def _audit(self, principal: Principal, query: EvidenceQuery) -> dict[str, Any]:
        head = await self.audit_log.head()
        out: dict[str, Any] = {
            "head_seq": 0 if head is None else head.seq,
            "head_hash": "" if head is None else head.hash,
        }
        if principal.role in (Role.ADMIN, Role.SYSTEM):
            report = await self.audit_log.verify(principal)
            out["verification"] = {
                "ok": report.ok,
                "checked": report.checked,
                "head_seq": report.head_seq,
                "head_hash": report.head_hash,
                "broken_at": None if report.broken is None else plain(report.broken),
            }
            return out
        count, cursor, truncated = 0, None, False
        while True:
            page = await self.audit_log.query(
                principal,
                AuditQuery(since=query.since, until=query.until, limit=_PAGE, cursor=cursor),
            )
            count += len(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
            if count >= self.max_entries:
                truncated = True
                break
        out["entries_in_scope"] = {"count": count, "truncated": truncated}
        return out
