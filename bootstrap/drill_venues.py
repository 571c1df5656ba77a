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
from typing import TYPE_CHECKING, Any, Protocol

from domain.killswitch.drill import BrokerFaults
from ports.core.clock import Clock
from ports.trading.broker import BrokerPort

# A family's adapter, simulator and libraries load when a drill opens it (ccxt takes
# seconds), and the drill's world when it runs: the table itself is light, for the console.
if TYPE_CHECKING:
    from adapters.brokers.ccxt import CcxtBroker
    from adapters.brokers.simulators.server import VenueServer
    from adapters.brokers.simulators.spot import SpotVenue
    from application.safety.venue_drill import DrillVenue, VenueDrill
    from bootstrap.embedded import Embedded

SPOT_QUOTE = "USD"  # the simulated spot venues list the drill's instrument against USD
KRAKEN_QUOTE = "ZUSD"  # as Kraken names the asset (its fiat assets carry a Z)


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


class Simulator(Protocol):
    """A venue simulator: its routes go onto a venue server."""

    def install(self, server: VenueServer) -> None: ...


class ClosingBroker(BrokerPort, Protocol):
    """A broker adapter holding connections until it is closed."""

    async def aclose(self) -> None: ...


@asynccontextmanager
async def served(
    venue: Simulator, connect: Callable[[str], ClosingBroker]
) -> AsyncIterator[BrokerPort]:
    """`venue` served on loopback, and the adapter `connect` points at its URL, closed (and
    the server stopped) when the drill ends."""
    from adapters.brokers.simulators.server import VenueServer

    async with VenueServer() as server:
        venue.install(server)
        async with aclosing(connect(server.url)) as adapter:
            yield adapter


@asynccontextmanager
async def open_alpaca(setup: VenueSetup) -> AsyncIterator[BrokerPort]:
    from adapters.alpaca.http import AlpacaCredentials
    from adapters.brokers.alpaca import AlpacaBroker, AlpacaBrokerConfig, connect_alpaca_broker
    from adapters.brokers.simulators.alpaca import KEY_ID, SECRET, AlpacaSimulator

    def connect(url: str) -> AlpacaBroker:
        return connect_alpaca_broker(
            AlpacaCredentials(KEY_ID, SECRET),
            setup.clock,
            base_url=url,
            accounts=frozenset({setup.account_id}),
            config=AlpacaBrokerConfig(stream=False),  # fills are not what a halt waits on
        )

    venue = AlpacaSimulator(cash=setup.cash)
    await venue.set_price(setup.symbol, setup.price)
    async with served(venue, connect) as broker:
        yield broker


def open_binance(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.binance import BinanceSpotSimulator, Pair

    venue = BinanceSpotSimulator((Pair(setup.symbol, SPOT_QUOTE),))
    return spot_venue(venue, SPOT_QUOTE, setup, simulated_binance)


def open_kraken(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.kraken import KrakenPair, KrakenSpotSimulator

    venue = KrakenSpotSimulator((KrakenPair(setup.symbol, KRAKEN_QUOTE),))
    return spot_venue(venue, KRAKEN_QUOTE, setup, simulated_kraken)


@asynccontextmanager
async def spot_venue(
    venue: SpotVenue,
    cash_asset: str,
    setup: VenueSetup,
    connect: Callable[..., CcxtBroker],
) -> AsyncIterator[BrokerPort]:
    """A simulated crypto spot venue funded in `cash_asset` and quoting the drill's symbol,
    and the CCXT broker `connect` puts on it."""
    venue.fund(cash_asset, setup.cash)
    await venue.set_price(setup.symbol, setup.price)
    accounts = frozenset({setup.account_id})
    async with served(venue, lambda url: connect(url, setup.clock, accounts=accounts)) as broker:
        yield broker


def simulated_binance(
    url: str,
    clock: Clock,
    *,
    quote: str = SPOT_QUOTE,
    accounts: frozenset[str] | None = None,
    watch: tuple[str, ...] = (),
) -> CcxtBroker:
    """A CcxtBroker on ccxt's binance class, its spot API pointed at a Binance simulator."""
    from adapters.brokers.ccxt import CcxtBrokerConfig
    from adapters.brokers.simulators.binance import API_KEY, BINANCE_SPOT_OPTIONS, SECRET

    api = f"{url}/api/v3"
    return _simulated_ccxt(
        "binance",
        clock,
        api_key=API_KEY,
        secret=SECRET,
        config=CcxtBrokerConfig(quote=quote, watch=watch),
        accounts=accounts,
        options=BINANCE_SPOT_OPTIONS,
        api_urls={"public": api, "private": api},
    )


def simulated_kraken(
    url: str, clock: Clock, *, quote: str = SPOT_QUOTE, accounts: frozenset[str] | None = None
) -> CcxtBroker:
    """A CcxtBroker on ccxt's kraken class, its API moved to a Kraken simulator."""
    from adapters.brokers.ccxt import CcxtBrokerConfig
    from adapters.brokers.simulators.kraken import API_KEY, SECRET

    return _simulated_ccxt(
        "kraken",
        clock,
        api_key=API_KEY,
        secret=SECRET,
        config=CcxtBrokerConfig(quote=quote),
        accounts=accounts,
        api_base=url,
    )


def _simulated_ccxt(exchange_id: str, clock: Clock, **connect: Any) -> CcxtBroker:
    """The CCXT broker on a simulated venue: no spacing between requests, short time-outs,
    no pause for closing TLS (the simulator speaks plain HTTP)."""
    from adapters.brokers.ccxt import connect_ccxt_broker

    broker = connect_ccxt_broker(
        exchange_id, clock, rate_limit_ms=0.001, timeout_ms=2_000, **connect
    )
    broker.exchange.timeout_on_exit = 0
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
        VenueFamily(
            "ccxt:kraken",
            "the CCXT adapter (ccxt's kraken) on a simulator of Kraken's spot REST API "
            "(loopback HTTP)",
            open_kraken,
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
