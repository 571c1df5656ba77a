"""Wires the core with in-memory adapters and the paper broker (embedded mode, tests, benches)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier, InProcessEventBus
from adapters.memory.clock import FakeClock, SequentialIds, SystemClock, UuidGenerator
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork, unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from application.core.concurrency import KeyedLocks
from application.safety.agents import AgentService, HeartbeatMonitor
from application.safety.killswitch import KillSwitchConfig, KillSwitchService
from application.safety.killswitch_groups import ScopeGroups
from application.safety.margin import MarginService, MarginWatch
from application.safety.succession import SuccessionScheduler, SuccessionService
from application.safety.triggers import LossLimitWatch
from application.trading.orders import BrokerRouter, OrderService
from application.trading.policies import PolicyCache
from application.trading.risk import RiskService
from application.trading.risk_books import RiskBooks
from bootstrap.crash_rehearsal import CrashPlan, rehearsing, rehearsing_store
from bootstrap.killswitch_wiring import wire_killswitch
from domain.risk.analysis import HeadroomRater
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.trading.broker import BrokerPort


@dataclass
class Embedded:
    """Every adapter and service of an embedded Bulwark, reachable for tests."""

    clock: Clock
    ids: IdGenerator
    store: InMemoryStore
    market: InMemoryMarketData
    broker: PaperBroker
    bus: InProcessEventBus
    audit: InMemoryAuditLog
    notifier: InMemoryNotifier
    hasher: Argon2Hasher
    locks: KeyedLocks
    policies: PolicyCache
    orders: OrderService
    killswitch: KillSwitchService
    risk: RiskService
    agents: AgentService
    heartbeat_monitor: HeartbeatMonitor
    margin: MarginService
    margin_watch: MarginWatch
    loss_watch: LossLimitWatch
    succession: SuccessionService
    succession_scheduler: SuccessionScheduler
    extra_brokers: dict[str, object] = field(default_factory=dict)

    def uow(self) -> InMemoryUnitOfWork:
        return unit_of_work_factory(self.store)()

    async def open_account(
        self, account_id: str, owner_id: str, cash: Decimal, *, broker: str = "paper"
    ) -> Account:
        """Create an account here and at the paper broker, with start-of-day marks set."""
        account = Account(
            account_id, owner_id, cash, broker=broker, start_of_day_equity=cash, peak_equity=cash
        )
        async with self.uow() as uow:
            await uow.accounts.add(account)
            await uow.commit()
        if broker == "paper":
            self.broker.seed_account(account_id, cash)
        return account

    async def add_instrument(self, instrument: Instrument, price: Decimal) -> None:
        async with self.uow() as uow:
            await uow.instruments.add(instrument)
            await uow.commit()
        self.market.set_price(instrument.symbol, price)


def build_embedded(
    *,
    fake_clock: bool = True,
    broker_config: PaperBrokerConfig | None = None,
    killswitch_config: KillSwitchConfig | None = None,
    brokers: dict[str, object] | None = None,
    route_paper: Callable[[PaperBroker, Clock], BrokerPort] | None = None,
    restart_of: Embedded | None = None,
    crash: CrashPlan | None = None,
    scope_groups: ScopeGroups | None = None,
) -> Embedded:
    """A complete in-memory Bulwark. `brokers` adds named broker adapters beside "paper";
    `route_paper` wraps the paper broker the services call (`broker` stays the bare one).

    `restart_of`: fresh services over that one's store, market, paper broker, clock and ids
    (what an in-process crash leaves behind). `crash`: the order path dies at its point
    (bootstrap/crash_rehearsal.py). `scope_groups`: the group scopes (books) its kill switch
    knows."""
    if restart_of is None:
        clock: Clock = FakeClock() if fake_clock else SystemClock()
        ids: IdGenerator = SequentialIds() if fake_clock else UuidGenerator()
        store = InMemoryStore()
        market = InMemoryMarketData(clock)
        broker = PaperBroker(market, clock, ids, broker_config or PaperBrokerConfig())
        market.subscribe(broker.on_quote)
    else:
        clock, ids, store = restart_of.clock, restart_of.ids, restart_of.store
        market, broker = restart_of.market, restart_of.broker
    uow_factory = unit_of_work_factory(store)
    bus = InProcessEventBus()
    audit = InMemoryAuditLog()
    notifier = InMemoryNotifier()
    hasher = Argon2Hasher.fast() if fake_clock else Argon2Hasher()
    locks = KeyedLocks()
    policies = PolicyCache()
    paper: BrokerPort = broker if route_paper is None else route_paper(broker, clock)
    routes: dict[str, BrokerPort] = {"paper": paper, **(brokers or {})}  # type: ignore[dict-item]
    orders_uow: UnitOfWorkFactory = uow_factory
    if crash is not None:  # the rehearsal's wrappers, as bootstrap/containers/ puts them
        routes, orders_uow = (
            rehearsing("test", routes, crash),
            rehearsing_store("test", uow_factory, crash),
        )
    router = BrokerRouter(routes)
    orders = OrderService.assemble(
        orders_uow, router, market, bus, clock, ids, policies, locks,
        books=RiskBooks(market, market),
    )  # fmt: skip
    killswitch = wire_killswitch(
        KillSwitchService, uow_factory, router, bus, hasher, clock, ids, audit, notifier,
        orders.latch, orders, killswitch_config, groups=scope_groups, marks=market,
    )  # fmt: skip
    risk = RiskService(uow_factory, market, clock, ids, policies, audit, HeadroomRater(), orders)
    return Embedded(
        clock,
        ids,
        store,
        market,
        broker,
        bus,
        audit,
        notifier,
        hasher,
        locks,
        policies,
        orders,
        killswitch,
        risk,
        AgentService(uow_factory, bus, clock, audit),
        HeartbeatMonitor(uow_factory, killswitch, bus, clock, audit, notifier),
        MarginService(uow_factory, market),
        MarginWatch(uow_factory, market, killswitch, bus, clock, audit, notifier),
        LossLimitWatch(uow_factory, market, killswitch, clock, audit, notifier, locks=locks),
        SuccessionService(uow_factory, bus, clock, audit),
        SuccessionScheduler(uow_factory, killswitch, market, bus, clock, audit, notifier),
        dict(brokers or {}),
    )
