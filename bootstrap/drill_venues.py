"""The venue families `bulwark drill venues` halts together: one entry each in VENUES.

A family opens one venue for a drill: the bare adapter (the truth the drill asks), serving
the drill's account with the drill's instrument quoted and the account's cash funded. The
real adapters run against in-process simulators of their venues' APIs served on loopback
(adapters/brokers/simulators/), so the adapter's HTTP client, wire parsing and error mapping
all run and nothing outside the process is touched; the paper family is the paper broker.
A new family (Interactive Brokers, Tradier, ...) is one more entry: its name, what it runs,
and how it opens.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, aclosing, asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from domain.killswitch.drill import BrokerFaults
from ports.core.clock import Clock
from ports.trading.broker import BrokerPort

# A family's adapter, simulator and libraries load when a drill opens it (ccxt takes
# seconds), and the drill's world when it runs: the table itself is light, for the console.
if TYPE_CHECKING:
    from adapters.brokers.ccxt import CcxtBroker
    from application.safety.venue_drill import DrillVenue, VenueDrill
    from bootstrap.embedded import Embedded

SPOT_QUOTE = "USD"  # the simulated spot venues list the drill's instrument against USD


@dataclass(frozen=True, slots=True)
class VenueSetup:
    """What a venue needs for a drill: the account it serves, the instrument it quotes at
    `price`, the account's cash, and the clock of its adapter."""

    account_id: str
    symbol: str
    price: Decimal
    cash: Decimal
    clock: Clock


OpenVenue = Callable[[VenueSetup], AbstractAsyncContextManager[BrokerPort]]


@dataclass(frozen=True, slots=True)
class VenueFamily:
    """A kind of venue a drill can halt: `--venue NAME`, what the drill runs there, and how
    it opens (the bare adapter, closed when the drill ends)."""

    name: str
    runs: str
    open: OpenVenue


@asynccontextmanager
async def open_paper(setup: VenueSetup) -> AsyncIterator[BrokerPort]:
    from adapters.memory.clock import UuidGenerator
    from adapters.memory.marketdata import InMemoryMarketData
    from bootstrap.brokers import build_paper_broker

    board = InMemoryMarketData(setup.clock)
    board.set_price(setup.symbol, setup.price)
    broker = build_paper_broker(board, setup.clock, UuidGenerator())
    broker.seed_account(setup.account_id, setup.cash)
    yield broker


@asynccontextmanager
async def open_alpaca(setup: VenueSetup) -> AsyncIterator[BrokerPort]:
    from adapters.alpaca.http import AlpacaCredentials
    from adapters.brokers.alpaca import AlpacaBrokerConfig, connect_alpaca_broker
    from adapters.brokers.simulators.alpaca import KEY_ID, SECRET, AlpacaSimulator
    from adapters.brokers.simulators.server import VenueServer

    venue = AlpacaSimulator(cash=setup.cash)
    await venue.set_price(setup.symbol, setup.price)
    async with VenueServer() as server:
        venue.install(server)
        broker = connect_alpaca_broker(
            AlpacaCredentials(KEY_ID, SECRET),
            setup.clock,
            base_url=server.url,
            accounts=frozenset({setup.account_id}),
            config=AlpacaBrokerConfig(stream=False),  # fills are not what a halt waits on
        )
        async with aclosing(broker):
            yield broker


@asynccontextmanager
async def open_binance(setup: VenueSetup) -> AsyncIterator[BrokerPort]:
    from adapters.brokers.simulators.binance import BinanceSpotSimulator, Pair
    from adapters.brokers.simulators.server import VenueServer

    venue = BinanceSpotSimulator((Pair(setup.symbol, SPOT_QUOTE),))
    venue.fund(SPOT_QUOTE, setup.cash)
    await venue.set_price(setup.symbol, setup.price)
    async with VenueServer() as server:
        venue.install(server)
        accounts = frozenset({setup.account_id})
        async with aclosing(simulated_binance(server.url, setup.clock, accounts=accounts)) as ccxt:
            yield ccxt


def simulated_binance(
    url: str,
    clock: Clock,
    *,
    quote: str = SPOT_QUOTE,
    accounts: frozenset[str] | None = None,
    watch: tuple[str, ...] = (),
) -> CcxtBroker:
    """A CcxtBroker on ccxt's binance class, its spot API pointed at a Binance simulator."""
    from adapters.brokers.ccxt import CcxtBrokerConfig, connect_ccxt_broker
    from adapters.brokers.simulators.binance import API_KEY, BINANCE_SPOT_OPTIONS, SECRET

    api = f"{url}/api/v3"
    broker = connect_ccxt_broker(
        "binance",
        clock,
        api_key=API_KEY,
        secret=SECRET,
        config=CcxtBrokerConfig(quote=quote, watch=watch),
        accounts=accounts,
        options=BINANCE_SPOT_OPTIONS,
        api_urls={"public": api, "private": api},
        rate_limit_ms=0.001,
        timeout_ms=2_000,
    )
    broker.exchange.timeout_on_exit = 0  # ccxt's pause for closing TLS; the simulator is HTTP
    return broker


VENUES: dict[str, VenueFamily] = {
    family.name: family
    for family in (
        VenueFamily("paper", "the paper broker, in-process", open_paper),
        VenueFamily(
            "alpaca",
            "the Alpaca adapter on a simulator of Alpaca's trading API v2 (loopback HTTP)",
            open_alpaca,
        ),
        VenueFamily(
            "ccxt:binance",
            "the CCXT adapter (ccxt's binance) on a simulator of Binance's spot API v3 "
            "(loopback HTTP)",
            open_binance,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class VenueChoice:
    """A venue family the drill halts, and the faults it shows during the halt."""

    family: VenueFamily
    faults: BrokerFaults

    @property
    def name(self) -> str:
        return self.family.name

    def describe(self) -> str:
        """As --venue spells it: `alpaca`, `paper=keep_on_cancel`."""
        faults = self.faults.describe()
        return self.name if not self.faults.active else f"{self.name}={faults}"


def drill_account(venue: str) -> str:
    """The drill's account routed to `venue`."""
    return "drill-" + venue.replace(":", "-")


@dataclass
class VenueWorld:
    """An embedded Bulwark routing one drill account to each chosen venue, and the drill."""

    embedded: Embedded
    venues: tuple[DrillVenue, ...]
    drill: VenueDrill


@asynccontextmanager
async def venue_world(
    choices: tuple[VenueChoice, ...], owner_id: str, symbol: str, price: Decimal, cash: Decimal
) -> AsyncIterator[VenueWorld]:
    """Each venue opened (its simulator served) and routed to by name, with `owner_id`'s
    drill account there holding `cash`, and `symbol` quoted at `price` everywhere."""
    from adapters.brokers.paper.drill import FaultSwitch, faulty
    from adapters.memory.clock import SystemClock
    from application.safety.venue_drill import DrillVenue, VenueDrill, VenueTape
    from bootstrap.embedded import build_embedded
    from domain.trading.instruments import Instrument

    clock = SystemClock()
    async with AsyncExitStack() as stack:
        venues: list[DrillVenue] = []
        for choice in choices:
            account = drill_account(choice.name)
            setup = VenueSetup(account, symbol, price, cash, clock)
            truth = await stack.enter_async_context(choice.family.open(setup))
            venues.append(
                DrillVenue(
                    choice.name, account, choice.faults, truth, FaultSwitch(), VenueTape(clock)
                )
            )
        embedded = build_embedded(
            fake_clock=False,
            brokers={v.name: faulty(v.truth, v.switch, clock, v.tape) for v in venues},
        )
        await embedded.add_instrument(Instrument(symbol, sector="Drill"), price)
        for venue in venues:
            await embedded.open_account(venue.account_id, owner_id, cash, broker=venue.name)
        drill = VenueDrill(embedded.killswitch, embedded.orders, embedded.clock, embedded.audit)
        yield VenueWorld(embedded, tuple(venues), drill)
