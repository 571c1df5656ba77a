"""Reading the audit log: filtered, cursor-paged listings scoped by role, and the chain check.

Who sees what (docs/audit.md):
- risk officers and admins: every entry;
- owners and traders: the entries they are the actor of (by their user id: `actor`, or
  `actor_id` for a login attempt made with their username), and those whose subject is
  theirs: `user:<their id>`, `succession:<their id>`, and `account:<id>` / `agent:<id>` for
  the accounts and agents they own. Never by username: a username freed by an erasure and
  taken again leads to none of the erased person's entries. Nothing else, not even an entry
  about a resource they were once given;
- agents: 403 (the HTTP layer refuses them before this).
Verifying the chain is for admins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from application.core.access import SEES_ALL
from application.core.audit_chain import ChainBreak, ChainWalker
from application.core.cursors import decode_json_cursor, encode_json_cursor
from application.core.paging import Page, PageRequest, page_of
from domain.errors import DomainError, Forbidden
from domain.principals import Principal, Role
from ports.core.audit import AuditFilter, AuditTrail, ChainedEntry
from ports.core.unit_of_work import UnitOfWorkFactory

MAX_PAGE = 500
VERIFY_BATCH = 1000
_CURSOR_MAX = 128


class InvalidAuditQuery(DomainError):
    """A filter out of range (limit, an empty prefix, from after to)."""

    code = "INVALID_AUDIT_QUERY"


class InvalidAuditCursor(InvalidAuditQuery):
    """A cursor this service did not hand out."""

    code = "INVALID_CURSOR"


@dataclass(frozen=True, slots=True)
class AuditQuery(PageRequest):
    """A listing request. `action` ending in `.*` (`killswitch.*`) matches by prefix."""

    actor: str | None = None
    action: str | None = None
    subject: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    request_id: str | None = None


AuditPage = Page[ChainedEntry]


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The result of a walk: ok, how many entries were checked, the head, the first break."""

    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    broken: ChainBreak | None


Progress = Callable[[int], None]


@dataclass(eq=False)
class AuditLogService:
    """Use cases over the stored audit trail (the writes go through AuditLog.record)."""

    trail: AuditTrail
    uow_factory: UnitOfWorkFactory

    async def query(self, principal: Principal, query: AuditQuery) -> AuditPage:
        if principal.role is Role.AGENT:
            raise Forbidden("agents cannot read the audit log")
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidAuditQuery(f"limit must be 1..{MAX_PAGE}", field="limit")
        if query.since is not None and query.until is not None and query.since >= query.until:
            raise InvalidAuditQuery("from must be before to", field="from")
        wanted = _filter(query)
        if principal.role not in SEES_ALL:
            subjects = await self._subjects_of(principal)
            wanted = replace(wanted, visible_to=principal.id, visible_subjects=subjects)
        found = await self.trail.page(wanted, query.limit + 1)
        return page_of(found, query.limit, lambda entry: encode_cursor(entry.seq))

    async def verify(
        self,
        principal: Principal | None = None,
        expect_head: tuple[int, str] | None = None,
        progress: Progress | None = None,
        batch: int = VERIFY_BATCH,
    ) -> ChainReport:
        """Walk the whole chain, `batch` entries a read. principal None: the operator (CLI)."""
        if principal is not None and principal.role not in (Role.ADMIN, Role.SYSTEM):
            raise Forbidden("only an admin can verify the audit chain")
        walker = ChainWalker(expect_head)
        while True:
            links = await self.trail.chain(walker.last_seq, batch)
            broken = walker.feed(links) if links else walker.finish()
            if progress is not None and links:
                progress(walker.checked)
            if broken is not None:
                return ChainReport(False, walker.checked, walker.last_seq, walker.last_hash, broken)
            if len(links) < batch:
                broken = walker.finish()
                ok = broken is None
                return ChainReport(ok, walker.checked, walker.last_seq, walker.last_hash, broken)

    async def head(self) -> ChainedEntry | None:
        return await self.trail.head()

    async def _subjects_of(self, principal: Principal) -> list[str]:
        async with self.uow_factory() as uow:
            accounts = await uow.accounts.list(owner_id=principal.id)
            agents = await uow.agents.list(owner_id=principal.id)
        subjects = [f"user:{principal.id}", f"succession:{principal.id}"]
        subjects.extend(f"account:{account.id}" for account in accounts)
        subjects.extend(f"agent:{agent.id}" for agent in agents)
        return subjects


def _filter(query: AuditQuery) -> AuditFilter:
    action, prefix = query.action, None
    if action is not None and action.endswith("*"):
        prefix = action[:-1]
        action = None
        if not prefix.rstrip(".") or "*" in prefix:
            raise InvalidAuditQuery("a prefix needs a name before .*", field="action")
    before = decode_cursor(query.cursor) if query.cursor is not None else None
    return AuditFilter(
        actor=query.actor,
        action=action,
        action_prefix=prefix,
        subject=query.subject,
        outcome=query.outcome,
        since=query.since,
        until=query.until,
        request_id=query.request_id,
        before_seq=before,
    )


def encode_cursor(seq: int) -> str:
    """The opaque cursor of the position after (older than) entry `seq`."""
    return encode_json_cursor({"a": seq})


def decode_cursor(cursor: str) -> int:
    if not cursor or len(cursor) > _CURSOR_MAX:
        raise InvalidAuditCursor("this cursor was not handed out", field="cursor")
    try:
        seq = decode_json_cursor(cursor)["a"]
    except (ValueError, TypeError, KeyError):
        raise InvalidAuditCursor("this cursor was not handed out", field="cursor") from None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise InvalidAuditCursor("this cursor was not handed out", field="cursor")
    return seq
