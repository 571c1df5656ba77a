"""A person's data: everything Bulwark holds about a user, exported; a user erased on request.

Who may do what (docs/privacy.md):
- export: the user themselves, or an admin for anyone; anyone else is told the user does not
  exist (404), as for any resource of another's;
- erase: an admin only, never their own user; the caller names the user's username again to
  confirm.

Each export and erasure is audited (`privacy.export`, `privacy.erase`), naming the user by id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from application.core.audit_chain import REDACT_ACTION, redaction_digest, storable
from application.core.audit_log import MAX_PAGE, AuditLogService, AuditQuery
from application.identity.user_admin import UserAdminService
from application.privacy.audit_redaction import ErasedPerson, Pseudonymiser
from domain.drills.runs import DrillRun
from domain.errors import Conflict, DomainError, Forbidden, NotFound
from domain.identity.users import ERASED_PASSWORD_HASH, User
from domain.principals import Principal, Role
from domain.privacy.personal_data import (
    RETAINED,
    DataSection,
    PersonalDataExport,
    Retained,
    pseudonym,
    row_of,
    section,
)
from domain.retirement.plans import RetirementPlan
from ports.analytics.crypto_wallets import CryptoWalletStore
from ports.core.audit import AuditFilter, ChainedEntry, OrderJournalProjection
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.repositories import ORDERS_EPOCH, OrderCursor, OrderSearch
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.devices.devices import DeviceStore, LoginHistory
from ports.drills.store import DrillRunPage, DrillRunStore, DrillScheduleStore
from ports.notifications.notification_endpoints import NotificationEndpointStore
from ports.portfolio.portfolios import PortfolioStore
from ports.wealth.retirement_plans import RetirementPlanStore

T = TypeVar("T")
_PAGE = 500
_JOURNAL_TURN = 2_000  # journal entries chained per transaction before an erasure or export
# Login history kept per user is bounded by its retention; an export reads it all up to this.
_LOGINS = 100_000


class ErasureNotConfirmed(DomainError):
    """The confirmation does not name the user being erased."""

    code = "ERASURE_NOT_CONFIRMED"


class AlreadyErased(Conflict):
    """The user was erased before: nothing of theirs is left to erase."""

    code = "ALREADY_ERASED"


# Erases what a context holds of a person: (the admin erasing, the person) -> how many things.
OwnerEraser = Callable[[str, str], Awaitable[int]]


async def _nothing(actor: str, owner_id: str) -> int:
    return 0


@dataclass(frozen=True)
class PersonalDataSources:
    """Where a person's data lives beyond the unit of work's repositories; the erasers of the
    contexts that hold a person's secrets (venue connections, vault keys)."""

    portfolios: PortfolioStore
    endpoints: NotificationEndpointStore
    devices: DeviceStore
    logins: LoginHistory
    crypto_wallets: CryptoWalletStore
    retirement_plans: RetirementPlanStore
    drill_schedules: DrillScheduleStore | None = None
    drill_runs: DrillRunStore | None = None
    erase_connections: OwnerEraser = _nothing
    erase_vault_keys: OwnerEraser = _nothing
    erase_books: OwnerEraser = _nothing
    erase_oauth_grants: OwnerEraser = _nothing
    erase_drill_schedules: OwnerEraser = _nothing


@dataclass(frozen=True)
class ErasureReport:
    """What erasing a user did, and what it kept with the law's reason."""

    user_id: str
    pseudonym: str
    api_keys_revoked: int
    endpoints_removed: int
    devices_revoked: int
    retained: tuple[Retained, ...]
    crypto_wallets_removed: int = 0
    retirement_plans_removed: int = 0
    audit_entries_pseudonymised: int = 0
    connections_revoked: int = 0
    vault_keys_deleted: int = 0
    books_deleted: int = 0
    oauth_grants_revoked: int = 0
    drill_schedules_removed: int = 0


class PersonalDataService:
    """Exports a user's data and erases a user, each audited."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        sources: PersonalDataSources,
        audit_log: AuditLogService,
        audit: AuditLog,
        users: UserAdminService,
        clock: Clock,
        journal: OrderJournalProjection | None = None,
    ) -> None:
        self._uow = uow_factory
        # Placed orders' audit entries not yet chained: chained before the audit trail is
        # read, so an erasure pseudonymises them and an export lists them.
        self._journal = journal
        self._sources = sources
        self._audit_log = audit_log
        self._audit = audit
        self._users = users
        self._clock = clock

    async def export(self, caller: Principal, user_id: str) -> PersonalDataExport:
        """Every record about the user, as sections of text rows (secrets never included)."""
        if caller.role is Role.AGENT:
            raise Forbidden("agents cannot export a person's data")
        if caller.id != user_id and caller.role is not Role.ADMIN:
            raise NotFound(f"user {user_id} not found")
        async with self._uow() as uow:
            user = await _user(uow, user_id)
            sections = await self._stored(uow, user)
        sections += await self._beyond_store(user)
        sections.append(await self._audit_entries(user))
        export = PersonalDataExport(user.id, self._clock.now(), tuple(sections))
        await self._record(caller, "privacy.export", user.id, "exported", export.counts())
        return export

    async def erase(self, caller: Principal, user_id: str, confirm: str) -> ErasureReport:
        """Erases the user: sessions and agents' keys end, the login is closed, the name and
        email replaced by a pseudonym, contact endpoints removed, devices revoked, stored crypto
        wallets and retirement plans (with their contributions) removed, venue connections
        revoked and every vault key deleted, drill schedules removed; what the law requires is
        kept (RETAINED)."""
        if caller.role is not Role.ADMIN:
            raise NotFound(f"user {user_id} not found")
        if caller.id == user_id:
            raise Forbidden("an admin cannot erase their own user: ask another admin")
        async with self._uow() as uow:
            user = await _user(uow, user_id)
            live_keys = [key for key in await uow.api_keys.list(user_id) if not key.is_revoked]
        if user.erased:
            raise AlreadyErased(f"user {user_id} was erased already")
        if confirm != user.username:
            raise ErasureNotConfirmed(
                f"to erase user {user_id}, confirm with their username", field="confirm"
            )
        if user.active:  # its sessions end and its agents' keys are revoked, audited
            await self._users.deactivate(caller, user_id)
        keys = len(live_keys)
        async with self._uow() as uow:
            user = await _user(uow, user_id)
            await uow.users.add(_erased(user))
            await uow.commit()
        endpoints = await self._remove_endpoints(user_id)
        devices = await self._revoke_devices(user_id)
        wallets = await self._remove_crypto_wallets(user_id)
        plans = await self._sources.retirement_plans.remove_for(user_id)
        # Connections first: revoking one deletes its credentials; then every other vault key.
        connections = await self._sources.erase_connections(caller.id, user_id)
        vault_keys = await self._sources.erase_vault_keys(caller.id, user_id)
        books = await self._sources.erase_books(caller.id, user_id)
        grants = await self._sources.erase_oauth_grants(caller.id, user_id)
        drills = await self._sources.erase_drill_schedules(caller.id, user_id)
        person = ErasedPerson(user.id, user.username, user.email, pseudonym(user_id))
        rewritten = await self._pseudonymise_audit(caller, person, user)
        report = ErasureReport(
            user_id,
            person.pseudonym,
            keys,
            endpoints,
            devices,
            RETAINED,
            wallets,
            plans,
            rewritten,
            connections,
            vault_keys,
            books,
            grants,
            drills,
        )
        details = {
            "api_keys_revoked": keys,
            "endpoints_removed": endpoints,
            "devices_revoked": devices,
            "crypto_wallets_removed": wallets,
            "retirement_plans_removed": plans,
            "audit_entries_pseudonymised": rewritten,
            "connections_revoked": connections,
            "vault_keys_deleted": vault_keys,
            "books_deleted": books,
            "oauth_grants_revoked": grants,
            "drill_schedules_removed": drills,
            "retained": [r.what for r in RETAINED],
        }
        await self._record(caller, "privacy.erase", user_id, "erased", details)
        return report

    async def _pseudonymise_audit(self, caller: Principal, person: ErasedPerson, user: User) -> int:
        """Rewrite the person's audit entries to name no one, committed by one `audit.redact`
        entry (the chain stays verifiable: application/core/audit_chain.py)."""
        await self._chain_journal()
        trail = self._audit_log.trail
        mine = AuditFilter(
            visible_to=person.user_id,
            visible_subjects=[
                f"user:{person.user_id}",
                f"succession:{person.user_id}",
                f"login:{person.username}",
            ],
            # An entry older than the user is another person's who once had the name.
            since=user.created_at,
        )
        rewriter = Pseudonymiser(person)
        rewritten: dict[int, ChainedEntry] = {}
        before: int | None = None
        while True:
            page = await trail.page(dataclasses.replace(mine, before_seq=before), _PAGE)
            for link in page:
                entry = storable(rewriter.rewrite(link.entry))
                if link.redacted_by is None and entry != link.entry:
                    rewritten[link.seq] = dataclasses.replace(link, entry=entry)
            if len(page) < _PAGE:
                break
            before = page[-1].seq
        details = {"entries": len(rewritten), "digest": redaction_digest(rewritten.values())}
        commit = AuditEntry(
            caller.id, REDACT_ACTION, f"user:{person.user_id}", "ok", self._clock.now(), details
        )
        await trail.redact({seq: link.entry for seq, link in rewritten.items()}, commit)
        return len(rewritten)

    async def _stored(self, uow: UnitOfWork, user: User) -> list[DataSection]:
        accounts = await uow.accounts.list(owner_id=user.id)
        ids = tuple(account.id for account in accounts)
        orders = await _all_orders(uow, ids)
        fills = [fill for account_id in ids for fill in await uow.fills.list(account_id)]
        positions = [
            {"account_id": account.id, **row_of(position)}
            for account in accounts
            for position in account.positions.values()
        ]
        case = await uow.succession.get(user.id)
        succession = await uow.succession.beneficiaries(user.id)
        return [
            section("user", "the user's record (no password hash or MFA secret)", [user]),
            section(
                "api_keys",
                "agents' API keys, never their secrets",
                await uow.api_keys.list(user.id),
            ),
            section("sessions", "sign-in sessions", await uow.refresh_tokens.by_user(user.id)),
            section("workspaces", "workspaces of the user", await uow.workspaces.list(user.id)),
            section("accounts", "trading accounts the user owns", accounts),
            DataSection("positions", "positions held in those accounts", tuple(positions)),
            section("orders", "orders on those accounts, newest first", orders),
            section("fills", "fills of those orders", fills),
            section("agents", "agents the user registered", await uow.agents.list(user.id)),
            section("risk_rules", "the user's risk rules", await uow.risk_rules.list(user.id)),
            section("succession", "the user's succession case", [case] if case else []),
            section("beneficiaries", "beneficiaries the user named", succession),
        ]

    async def _beyond_store(self, user: User) -> list[DataSection]:
        sources = self._sources
        portfolios = await _paged(
            lambda after: sources.portfolios.list_portfolios(user.id, after=after, limit=_PAGE),
            lambda portfolio: portfolio.id,
        )
        endpoints = await sources.endpoints.list_for(user.id)
        devices = await sources.devices.for_user(user.id)
        logins = await sources.logins.recent(_LOGINS, user.id)
        wallets = await sources.crypto_wallets.list_for(user.id)
        # `tokens` would read as a secret's name: the contracts go out as `erc20_contracts`.
        wallet_rows = tuple(
            {**row_of(wallet), "erc20_contracts": ";".join(wallet.tokens)} for wallet in wallets
        )
        plans = await sources.retirement_plans.list_for(user.id)
        plan_rows = tuple(_plan_row(plan) for plan in plans)
        contributions = [
            c
            for plan in plans
            for c in await sources.retirement_plans.contributions(plan.account_id)
        ]
        schedules, runs = await self._drills(user.id)
        return [
            section("portfolios", "portfolios the user keeps", portfolios),
            section("notification_endpoints", "where notifications reach the user", endpoints),
            section("devices", "devices the user signed in from", devices),
            section("logins", "the user's login history", logins),
            DataSection("crypto_wallets", "crypto wallets the user keeps", wallet_rows),
            DataSection("retirement_plans", "retirement plans kept beside accounts", plan_rows),
            section("retirement_contributions", "contributions to those plans", contributions),
            DataSection("drill_schedules", "kill-switch drills the user schedules", schedules),
            DataSection("drill_runs", "kill-switch drills run for the user", runs),
        ]

    async def _drills(self, user_id: str) -> tuple[tuple[dict[str, str], ...], ...]:
        """The user's drill schedules and every drill run for them, each naming its target."""
        sources = self._sources
        schedules = (
            await sources.drill_schedules.owned_by(user_id) if sources.drill_schedules else []
        )
        runs = await _paged(
            lambda after: _drill_runs(sources.drill_runs, DrillRunPage(user_id, _PAGE, after)),
            lambda run: run.id,
        )
        return (
            tuple({**row_of(s), "target": s.target.key} for s in schedules),
            tuple({**row_of(r), "target": r.target.key} for r in runs),
        )

    async def _audit_entries(self, user: User) -> DataSection:
        """The audit entries the user would see of their own: those they are the actor of,
        or whose subject is theirs (their user, login, accounts, agents, succession)."""
        await self._chain_journal()
        as_user = Principal(user.id, user.role)
        rows: list[dict[str, str]] = []
        cursor: str | None = None
        while True:
            page = await self._audit_log.query(as_user, AuditQuery(cursor=cursor, limit=MAX_PAGE))
            rows += [
                {"seq": str(chained.seq), **row_of(chained.entry), "hash": chained.hash}
                for chained in page.items
            ]
            if page.next_cursor is None:
                return DataSection("audit", "audit entries about the user", tuple(rows))
            cursor = page.next_cursor

    async def _chain_journal(self) -> None:
        """The order journal's entries appended to the audit chain now, every one of them."""
        if self._journal is not None:
            while await self._journal.project(_JOURNAL_TURN) == _JOURNAL_TURN:
                pass

    async def _remove_endpoints(self, user_id: str) -> int:
        endpoints = self._sources.endpoints
        removed = [await endpoints.remove(e.id, user_id) for e in await endpoints.list_for(user_id)]
        return sum(removed)

    async def _remove_crypto_wallets(self, user_id: str) -> int:
        wallets = self._sources.crypto_wallets
        removed = [await wallets.remove(w.id, user_id) for w in await wallets.list_for(user_id)]
        return sum(removed)

    async def _revoke_devices(self, user_id: str) -> int:
        now = self._clock.now()
        revoked = 0
        for device in await self._sources.devices.for_user(user_id):
            if device.revoked_at is None:
                await self._sources.devices.save(dataclasses.replace(device, revoked_at=now))
                revoked += 1
        return revoked

    async def _record(
        self, caller: Principal, action: str, user_id: str, outcome: str, details: dict[str, Any]
    ) -> None:
        await self._audit.record(
            AuditEntry(caller.id, action, f"user:{user_id}", outcome, self._clock.now(), details)
        )


async def _user(uow: UnitOfWork, user_id: str) -> User:
    user = await uow.users.get(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return user


async def _all_orders(uow: UnitOfWork, account_ids: tuple[str, ...]) -> list[Any]:
    """Every order of the accounts, newest first, page by page."""
    if not account_ids:
        return []
    orders: list[Any] = []
    after: OrderCursor | None = None
    while True:
        page = await uow.orders.search(
            OrderSearch(account_ids=account_ids, after=after, limit=_PAGE)
        )
        orders += page
        if len(page) < _PAGE:
            return orders
        last = page[-1]
        after = OrderCursor(last.created_at or ORDERS_EPOCH, last.id)


async def _paged(
    fetch: Callable[[str | None], Awaitable[Sequence[T]]], key: Callable[[T], str]
) -> list[T]:
    """Every item of a keyset-paged listing."""
    items: list[T] = []
    after: str | None = None
    while True:
        page = await fetch(after)
        items += page
        if len(page) < _PAGE:
            return items
        after = key(page[-1])


def _erased(user: User) -> User:
    """The user's record once erased: a pseudonym for a name, no email, no password that can
    match, no MFA, closed."""
    return dataclasses.replace(
        user,
        username=pseudonym(user.id),
        email=None,
        password_hash=ERASED_PASSWORD_HASH,
        mfa_enabled=False,
        mfa_secret=None,
        backup_code_digests=[],
        pending_mfa_secret=None,
        pending_backup_code_digests=[],
        active=False,
    )


async def _drill_runs(store: DrillRunStore | None, page: DrillRunPage) -> Sequence[DrillRun]:
    return await store.page(page) if store is not None else []


def _plan_row(plan: RetirementPlan) -> dict[str, str]:
    """A retirement plan as text: the match tiers `band:rate;...`, the vesting schedule named."""
    row = row_of(plan)
    row["match_tiers"] = ";".join(f"{t.band}:{t.rate}" for t in plan.match_tiers)
    v = plan.vesting
    row["vesting"] = (
        "" if v is None else f"{v.kind.value} years={v.years} start={v.start} step={v.step}"
    )
    return row
