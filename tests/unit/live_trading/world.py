"""The live trading context over in-memory adapters: a live and a paper account of alice's,
the live one on a live connection with the default limits, alice's KYC verified (unless asked
otherwise); the service, the gate's check and the limits' guard over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.connections import InMemoryConnectionStore
from adapters.memory.kyc_status import InMemoryKycStatuses
from adapters.memory.live_trading import InMemoryLiveOptInStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.live_trading.gate_check import LiveTradingCheck
from application.live_trading.limits import DefaultLimits, RequiredLimitsGuard
from application.live_trading.service import LiveOptInService
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from domain.kyc.status import KycRecord, KycStatus
from domain.live_trading.limits import LimitDefaults
from domain.principals import Principal, Role
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order, Origin, OriginKind, Side

ALICE = Principal("alice", Role.OWNER)
BOB = Principal("bob", Role.OWNER)
RITA = Principal("rita", Role.RISK_OFFICER)
LIVE = "acc-live"
PAPER = "acc-paper"
CONNECTION = "vc-live"
DEFAULTS = LimitDefaults(Decimal(250_000), Decimal("0.1"), 20, 200)
AT = datetime(2026, 1, 5, tzinfo=UTC)


def phrase(account_id: str = LIVE, connection_id: str = CONNECTION) -> str:
    return (
        f"I enable live trading with real money on account {account_id} "
        f"through connection {connection_id}"
    )


class CountingConnections(InMemoryConnectionStore):
    """Counts the connections read (the order path should read each once)."""

    reads = 0

    async def get(self, connection_id: str) -> VenueConnection | None:
        self.reads += 1
        return await super().get(connection_id)


class CountingOptIns(InMemoryLiveOptInStore):
    reads = 0

    async def get(self, key: str) -> Any:
        self.reads += 1
        return await super().get(key)


class CountingKyc(InMemoryKycStatuses):
    """Counts the KYC records read (a paper account's orders should read none)."""

    reads = 0

    async def get(self, user_id: str) -> KycRecord | None:
        self.reads += 1
        return await super().get(user_id)


@dataclass
class World:
    state: InMemoryStore
    connections: CountingConnections
    opt_ins: CountingOptIns
    audit: InMemoryAuditLog
    clock: FakeClock
    service: LiveOptInService
    check: LiveTradingCheck
    guard: RequiredLimitsGuard
    defaults: DefaultLimits
    kyc: CountingKyc

    def uow(self) -> Any:
        return unit_of_work_factory(self.state)()

    async def judged(self, account_id: str) -> tuple[Verdict, ...]:
        """The check's verdicts on a buy of the account (the check reads no view)."""
        async with self.uow() as uow:
            account = await uow.accounts.get(account_id)
            assert account is not None
            order = Order(
                "ord-1", "c-1", account_id, "AAPL", Side.BUY, Decimal(1),
                Origin(OriginKind.USER, account.owner_id),
            )  # fmt: skip
            return await self.check.check(
                uow, account, order, cast(AccountRiskView, None), Decimal(1)
            )

    async def acknowledged(self, principal: Principal = ALICE) -> None:
        await self.service.acknowledge(principal, LIVE, phrase())

    async def rule_ids(self, account_id: str = LIVE) -> dict[str, str]:
        async with self.uow() as uow:
            rules = await uow.risk_rules.list()
        return {r.rule_type.value: r.id for r in rules if r.account_id == account_id}


async def world(
    *, second_approver: bool = False, kyc: KycStatus | None = KycStatus.VERIFIED
) -> World:
    """The world; alice's KYC record has status `kyc` (None: she has no record)."""
    state = InMemoryStore()
    connections = CountingConnections()
    opt_ins = CountingOptIns()
    audit = InMemoryAuditLog()
    clock = FakeClock()
    statuses = CountingKyc()
    uow_factory = unit_of_work_factory(state)
    service = LiveOptInService(
        opt_ins, connections, uow_factory, clock, audit, statuses,
        second_approver=second_approver,
    )  # fmt: skip
    defaults = DefaultLimits(SequentialIds(), DEFAULTS)
    built = World(
        state, connections, opt_ins, audit, clock, service,
        LiveTradingCheck(opt_ins, connections, statuses, clock),
        RequiredLimitsGuard(opt_ins, audit, clock), defaults, statuses,
    )  # fmt: skip
    if kyc is not None:
        reason = None if kyc is KycStatus.VERIFIED else "identity: the passport is blurred"
        await statuses.save(KycRecord("alice", kyc, clock.now(), reason))
    await connections.add(
        VenueConnection(
            CONNECTION, "alice", "desk", VenueKind.parse("alpaca"), VenueEnvironment.LIVE, AT
        )
    )
    async with uow_factory() as uow:
        for account_id, broker in ((LIVE, CONNECTION), (PAPER, "paper")):
            account = Account(account_id, "alice", Decimal(10_000), broker=broker)
            await uow.accounts.add(account)
            await defaults.opened(uow, account)
        await uow.commit()
    return built
