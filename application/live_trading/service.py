"""An account's opt-in to live trading: shown, acknowledged by its owner, approved by a second
person where the deployment asks for one, withdrawn by its owner, a risk officer or an admin.

An account whose connection is live (docs/venues.md: `environment` live) trades only once its
opt-in is enabled. The owner types the account's phrase (domain/live_trading/opt_in.py); the
account must have the four required limits (domain/live_trading/limits.py) when the owner
acknowledges and again when a second person approves. With a second approver configured, the
opt-in waits for a risk officer or an admin who is neither the owner nor whoever acknowledged.

The owner's KYC must be VERIFIED (domain/kyc/status.py) when they acknowledge and again when
a second person approves: otherwise KycNotVerified (KYC_NOT_VERIFIED) says the status and why.

Only the owner acknowledges (another's account answers NotFound, as an unknown one); an agent
is Forbidden at every step, a viewer at every change. Every step, and every refusal of one, is
audited (`live.opt_in`, `live.approve`, `live.withdraw`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.core.access import (
    account_seen,
    ensure_may_change,
    owned_account,
    sees_everything,
)
from domain.connections.connection import VenueConnection, is_connection_id
from domain.errors import DomainError, Forbidden
from domain.kyc.status import KycNotVerified, KycStatus, unverified
from domain.live_trading.limits import missing_limits, named
from domain.live_trading.opt_in import (
    LiveAlreadyEnabled,
    LiveApprovalPending,
    LiveLimitsMissing,
    LiveNotOptedIn,
    LiveOptIn,
    LiveOptInNotPending,
    LiveOptInNotRequired,
    LiveStatus,
    acknowledgement_phrase,
    check_acknowledgement,
)
from domain.principals import Principal, Role
from domain.risk.rules import RuleType
from domain.trading.account_profile import AccountClosed
from domain.trading.accounts import Account
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.identity.kyc_status import KycStatusStore
from ports.live_trading.opt_ins import LiveOptInStore

APPROVERS = frozenset({Role.RISK_OFFICER, Role.ADMIN})


@dataclass(frozen=True, slots=True)
class LiveTradingState:
    """An account's standing with live trading: its status, the phrase its owner types (for a
    live account), whether a second approver is needed, the required limits it lacks now, and
    the stored opt-in (who acknowledged and approved, and when), if any."""

    account_id: str
    connection_id: str | None
    status: LiveStatus
    phrase: str | None
    second_approver: bool
    missing_limits: tuple[RuleType, ...]
    opt_in: LiveOptIn | None = None


@dataclass(eq=False)
class LiveOptInService:
    """Show, acknowledge, approve and list opt-ins (see the module docstring)."""

    store: LiveOptInStore
    connections: ConnectionStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    audit: AuditLog
    kyc: KycStatusStore
    # BULWARK_LIVE_SECOND_APPROVER: an acknowledged opt-in waits for a second person.
    second_approver: bool = False

    async def show(self, principal: Principal, account_id: str) -> LiveTradingState:
        """The account's state, for its owner and for those who see every account."""
        _refuse_agents(principal)
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            rules = await uow.risk_rules.list()
        return await self._state(account, missing_limits(rules, account.id, account.owner_id))

    async def acknowledge(
        self, principal: Principal, account_id: str, typed: str
    ) -> LiveTradingState:
        """The owner's typed acknowledgement: enabled, or pending a second approver."""
        _refuse_agents(principal)
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            account = await owned_account(uow, principal, account_id)
            rules = await uow.risk_rules.list()
        if not account.is_open:
            raise AccountClosed(f"account {account.id} is {account.status.value}")
        connection = await self._live_connection(account)
        if connection is None:
            raise LiveOptInNotRequired(
                f"account {account.id} does not trade on a live connection: nothing to enable"
            )
        existing = await self.store.get(account.id)
        if existing is not None:
            raise _already(existing)
        try:
            check_acknowledgement(typed, account.id, connection.id)
            await self._require_kyc(account)
            _require_limits(missing_limits(rules, account.id, account.owner_id), account.id)
        except DomainError as refused:
            await self._record(principal, "live.opt_in", account, refused.code, connection.id)
            raise
        opt_in = LiveOptIn.acknowledged(
            account.id, account.owner_id, connection.id, self.clock.now(),
            second_approver=self.second_approver,
        )  # fmt: skip
        await self.store.put(opt_in)
        await self._record(principal, "live.opt_in", account, opt_in.status.value, connection.id)
        return await self._state(account, (), opt_in)

    async def approve(self, principal: Principal, account_id: str) -> LiveTradingState:
        """A second person's approval: a risk officer or an admin, never the owner."""
        _refuse_agents(principal)
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            rules = await uow.risk_rules.list()
        pending = await self.store.get(account.id)
        if pending is None:
            if await self._live_connection(account) is None:
                raise LiveOptInNotRequired(
                    f"account {account.id} does not trade on a live connection: nothing to approve"
                )
            raise LiveOptInNotPending(
                f"live trading of account {account.id} is not acknowledged by its owner yet"
            )
        try:
            _check_approver(principal, pending)
            approved = pending.approved(principal.id, self.clock.now())
            await self._require_kyc(account)
            _require_limits(missing_limits(rules, account.id, account.owner_id), account.id)
        except DomainError as refused:
            await self._record(
                principal, "live.approve", account, refused.code, pending.connection_id
            )
            raise
        await self.store.put(approved)
        await self._record(
            principal, "live.approve", account, approved.status.value, approved.connection_id
        )
        return await self._state(account, (), approved)

    async def withdraw(self, principal: Principal, account_id: str) -> LiveTradingState:
        """The opt-in withdrawn: the account's next live order is denied LIVE_NOT_ENABLED
        until its owner opts in again. Its owner, a risk officer or an admin may; what is open
        at the venue stays (the kill switch cancels)."""
        _refuse_agents(principal)
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            if principal.role in APPROVERS:
                account = await account_seen(uow, principal, account_id)
            else:
                account = await owned_account(uow, principal, account_id)
            rules = await uow.risk_rules.list()
        existing = await self.store.get(account.id)
        if existing is None or not await self.store.remove(account.id):
            refused = LiveNotOptedIn(
                f"live trading of account {account.id} is not opted in: nothing to withdraw"
            )
            connection = existing.connection_id if existing else account.broker
            await self._record(principal, "live.withdraw", account, refused.code, connection)
            raise refused
        await self._record(principal, "live.withdraw", account, "withdrawn", existing.connection_id)
        return await self._state(account, missing_limits(rules, account.id, account.owner_id))

    async def listed(
        self, principal: Principal, status: LiveStatus | None = None
    ) -> Sequence[LiveOptIn]:
        """The opt-ins the caller sees (every one for a risk officer, an admin or a viewer;
        a person's own otherwise), of `status` when given, oldest acknowledgement first."""
        _refuse_agents(principal)
        owner = None if sees_everything(principal) else principal.id
        return await self.store.listed(status, owner)

    async def _state(
        self, account: Account, missing: tuple[RuleType, ...], opt_in: LiveOptIn | None = None
    ) -> LiveTradingState:
        connection = await self._live_connection(account)
        if connection is None:
            return LiveTradingState(
                account.id, _route(account), LiveStatus.NOT_REQUIRED, None, False, missing
            )
        if opt_in is None:
            opt_in = await self.store.get(account.id)
        status = LiveStatus.PENDING_ACKNOWLEDGEMENT if opt_in is None else opt_in.status
        phrase = acknowledgement_phrase(account.id, connection.id)
        return LiveTradingState(
            account.id, connection.id, status, phrase, self.second_approver, missing, opt_in
        )

    async def _require_kyc(self, account: Account) -> None:
        """KycNotVerified unless the owner's KYC status is VERIFIED now."""
        now = self.clock.now()
        record = await self.kyc.get(account.owner_id) or unverified(account.owner_id, now)
        status, reason = record.standing(now)
        if status is not KycStatus.VERIFIED:
            raise KycNotVerified(
                f"live trading of account {account.id} needs its owner's KYC verified; it is "
                f"{status.value} ({reason or 'not verified'}): see GET /api/v1/kyc/status"
            )

    async def _live_connection(self, account: Account) -> VenueConnection | None:
        """The account's connection when it is a live one."""
        if not is_connection_id(account.broker):
            return None
        connection = await self.connections.get(account.broker)
        return connection if connection is not None and connection.live else None

    async def _record(
        self, principal: Principal, action: str, account: Account, outcome: str, connection: str
    ) -> None:
        details = {"connection_id": connection, "second_approver": self.second_approver}
        await self.audit.record(
            AuditEntry(
                principal.id, action, f"account:{account.id}", outcome, self.clock.now(), details
            )
        )


def _refuse_agents(principal: Principal) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("agents may not read or change an account's live trading")


def _check_approver(principal: Principal, pending: LiveOptIn) -> None:
    """Forbidden for anyone but a risk officer or an admin; the owner's own approval (or that
    of whoever acknowledged) is refused by the opt-in itself, naming the second approver."""
    if principal.id in (pending.owner_id, pending.acknowledged_by):
        return
    if principal.role not in APPROVERS:
        raise Forbidden("only a risk officer or an admin approves live trading")


def _route(account: Account) -> str | None:
    return account.broker if is_connection_id(account.broker) else None


def _already(existing: LiveOptIn) -> DomainError:
    if existing.enabled:
        return LiveAlreadyEnabled(f"live trading of account {existing.account_id} is enabled")
    return LiveApprovalPending(
        f"live trading of account {existing.account_id} is acknowledged and waits for a second "
        "person's approval (a risk officer or an admin)"
    )


def _require_limits(missing: tuple[RuleType, ...], account_id: str) -> None:
    if missing:
        raise LiveLimitsMissing(
            f"account {account_id} needs active BLOCK rules over all of its orders (account or "
            f"global scope) limiting {named(missing)} before it may trade live",
            tuple(t.value for t in missing),
        )
