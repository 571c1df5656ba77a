"""The kill switch's stages, built in this one place: for the safety container (the API's kill
switch and the lane's, bootstrap/containers/safety.py) and the embedded service
(bootstrap/embedded.py).

KillSwitchService (application/safety/killswitch.py) composes six stages; what they share is
built here once: the memory kept for a store outage, the cancels at the brokers (the sequence's
and the store-down path's), the audit and the settings.
"""

from __future__ import annotations

from typing import TypeVar

from application.safety.killswitch import KillSwitchService
from application.safety.killswitch_access import KillSwitchAccess
from application.safety.killswitch_audit import KillSwitchAudit
from application.safety.killswitch_cancels import BrokerCancels, CancelPolicy
from application.safety.killswitch_closes import CollaredCloses
from application.safety.killswitch_commands import KillSwitchConfig, OrderSync
from application.safety.killswitch_engage import EngageSequence, EngageVerdict, ScopeHalt
from application.safety.killswitch_groups import ScopeGroups
from application.safety.killswitch_held import HeldRejection
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.killswitch_passcodes import KillSwitchPasscodes
from application.safety.killswitch_pending import PendingRecords
from application.safety.killswitch_reads import KillSwitchReads
from application.safety.killswitch_resume import ResumeScope
from application.safety.killswitch_store_down import StoreDownHalt
from application.trading.broker_router import BrokerRouter
from application.trading.halts import HaltLatch
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog, EventPublisher, Notifier
from ports.core.metrics import NO_METER, Meter
from ports.core.security import PasswordHasher
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

S = TypeVar("S", bound=KillSwitchService)


def wire_killswitch(
    service: type[S],
    uow_factory: UnitOfWorkFactory,
    brokers: BrokerRouter,
    publisher: EventPublisher,
    hasher: PasswordHasher,
    clock: Clock,
    ids: IdGenerator,
    audit: AuditLog,
    notifier: Notifier,
    latch: HaltLatch,
    orders: OrderSync,
    config: KillSwitchConfig | None = None,
    *,
    meter: Meter = NO_METER,
    tracer: Tracer = NO_TRACER,
    memory: KillSwitchMemory | None = None,
    groups: ScopeGroups | None = None,
    marks: MarketDataPort | None = None,
) -> S:
    """`service` (KillSwitchService, or the lane's LaneKillSwitch) over its stages: access,
    passcodes, the engage sequence (its rejection of held orders too), the resume, the
    store-down path and the reads; `groups`: the group scopes (books) other contexts add;
    `marks`: the reference prices a flatten's collar is drawn around."""
    config = config or KillSwitchConfig()
    memory = memory or KillSwitchMemory()
    policy = CancelPolicy(config.first_retry, config.backoff, config.lock_wait)
    closes = None
    if marks is not None and config.flatten_collar is not None:
        closes = CollaredCloses(marks, ids, config.flatten_collar)
    cancels = BrokerCancels(brokers, latch, clock, policy, tracer, closes)
    switch_audit = KillSwitchAudit(audit, notifier, clock, memory)
    store_down = StoreDownHalt(
        uow_factory,
        memory,
        PendingRecords(uow_factory, memory, publisher, audit, switch_audit.completed),
        cancels,
        publisher,
        hasher,
        clock,
        ids,
        meter,
        max_failures=config.max_failures,
        retry_every=config.pending_retry,
    )
    access = KillSwitchAccess(uow_factory, memory, store_down, groups)
    passcodes = KillSwitchPasscodes(
        uow_factory, hasher, clock, memory, switch_audit, store_down, config
    )
    halt = ScopeHalt(uow_factory, publisher, latch, memory, tracer=tracer, groups=groups)
    verdict = EngageVerdict(
        uow_factory, publisher, clock, ids, orders, switch_audit.completed, config,
        meter=meter, tracer=tracer,
    )  # fmt: skip
    held = HeldRejection(uow_factory, publisher, clock, switch_audit, tracer=tracer)
    sequence = EngageSequence(
        clock, halt, cancels, held, store_down, verdict, config, tracer=tracer
    )
    resume = ResumeScope(
        uow_factory, access, passcodes, switch_audit, publisher, latch, clock, config
    )
    reads = KillSwitchReads(uow_factory, store_down, groups)
    return service(access, passcodes, sequence, resume, store_down, reads)
