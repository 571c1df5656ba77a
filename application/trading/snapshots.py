"""Loads what the gate reads: instruments, marks and trading state, into an account snapshot."""

from __future__ import annotations

from dataclasses import dataclass, field

from application.trading.gate_checks import GateChecks
from application.trading.halts import HaltLatch
from application.trading.policies import PolicyCache
from application.trading.trading_state import effective_state
from application.trading.trading_state_cache import Ticket, TradingStateCache
from domain.killswitch.state import TradingState
from domain.risk.flow import OrderFlow
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account, MissingMark
from domain.trading.instruments import Instrument
from domain.trading.orders import Origin, OriginKind
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataPort

_ANY = Origin(OriginKind.USER, "")


async def instrument_map(uow: UnitOfWork) -> dict[str, Instrument]:
    """Every instrument by symbol."""
    return {i.symbol: i for i in await uow.instruments.list()}


@dataclass(eq=False)
class SharedReads:
    """Reads the orders of one batch share: the instruments, and trading states per origin.

    One batch is decided in one unit of work under the account's lock, so what these
    reads return cannot change under it except through that unit of work. The trading states
    may come from `cache`, with the `ticket` taken before the unit of work began.
    """

    uow: UnitOfWork
    latch: HaltLatch | None = None
    cache: TradingStateCache | None = None
    ticket: Ticket | None = None
    _instruments: dict[str, Instrument] | None = field(init=False, default=None)
    _states: dict[tuple[str, Origin], TradingState | None] = field(init=False, default_factory=dict)
    # The compiled policies, and their generation when the batch's reads began.
    policies: PolicyCache | None = None
    policies_generation: int = 0
    # The group scopes (books) of an account, read with its own trading state.
    groups: GateChecks | None = None
    _rules_revision: int | None = field(init=False, default=None)

    async def rules_revision(self) -> int:
        """The risk rules' revision the batch decides on, asked once (before any rule is read)."""
        if self._rules_revision is None:
            if self.policies is None:
                self._rules_revision = await self.uow.risk_rules.revision()
            else:
                self._rules_revision = await self.policies.revision(
                    self.uow, self.policies_generation, self.cache, self.ticket
                )
        return self._rules_revision

    async def instruments(self) -> dict[str, Instrument]:
        if self._instruments is None:
            self._instruments = await instrument_map(self.uow)
        return self._instruments

    async def state(self, account_id: str, origin: Origin) -> TradingState | None:
        # Only an agent's own scope depends on the origin; users and strategies share one read.
        key = (account_id, origin if origin.kind is OriginKind.AGENT else _ANY)
        if key not in self._states:
            groups: tuple[str, ...] = ()
            if self.groups is not None and self.groups.has_groups:
                groups = await self.groups.scopes(account_id, await self.rules_revision())
            self._states[key] = await effective_state(
                self.uow, account_id, origin, self.latch, self.cache, self.ticket, groups
            )
        return self._states[key]


async def load_risk_view(
    uow: UnitOfWork,
    market: MarketDataPort,
    clock: Clock,
    account: Account,
    origin: Origin,
    flow: OrderFlow,
    extra_symbol: str | None = None,
    reads: SharedReads | None = None,
) -> AccountRiskView:
    """Snapshot `account` (plus `extra_symbol`'s mark) for the gate.

    Raises MissingMark naming the held symbols that have no price: the caller
    must fail closed rather than value a position at a guess.
    """
    reads = reads or SharedReads(uow)
    instruments = await reads.instruments()
    symbols = {*account.positions, *(o.symbol for o in account.open_orders.values())}
    if extra_symbol:
        symbols.add(extra_symbol)
    marks = await market.reference_prices(sorted(symbols))
    state = await reads.state(account.id, origin)
    missing = sorted(s for s in symbols if s not in marks and account.position_quantity(s))
    if missing:
        raise MissingMark(str(missing))
    return build_risk_view(
        account, instruments, marks, now=clock.now(), trading_state=state, flow=flow
    )
