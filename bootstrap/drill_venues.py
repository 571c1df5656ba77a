"""The venue families `bulwark drill venues` halts together: one entry each in VENUES.

A family opens one venue for a drill: the bare adapter (the truth the drill asks), serving
the drill's account with the drill's instrument quoted and the account's cash funded. The
real adapters run against in-process simulators of their venues' APIs served on loopback
(adapters/brokers/simulators/), so the adapter's HTTP client, wire parsing and error mapping
all run and nothing outside the process is touched; the paper family is the paper broker.
A new family is one more entry: its name, what it runs, how it opens, and the kill-switch
deadline its halt needs where the default cannot confirm it (IBKR's, for its pacing).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
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
    from adapters.brokers.ibkr import IbkrBroker, IbkrBrokerConfig
    from adapters.brokers.simulators.server import VenueServer
    from adapters.brokers.simulators.spot import SpotVenue
    from adapters.brokers.tradier import TradierBroker
    from application.safety.venue_drill import DrillVenue, VenueDrill
    from bootstrap.embedded import Embedded

SPOT_QUOTE = "USD"  # the simulated spot venues list the drill's instrument against USD
KRAKEN_QUOTE = "ZUSD"  # as Kraken names the asset (its fiat assets carry a Z)
DRILL_CONID = 900_001  # the contract id the IBKR simulator lists the drill's instrument as


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
class HaltDeadline:
    """A kill-switch deadline (seconds) a venue's halt needs to be confirmed, and why."""

    seconds: float
    because: str


@dataclass(frozen=True, slots=True)
class VenueFamily:
    """A kind of venue a drill can halt: `--venue NAME`, what the drill runs there, how it
    opens (the bare adapter, closed when the drill ends), and the kill-switch deadline its
    halt needs where the default (1.5 s) cannot confirm it."""

    name: str
    runs: str
    open: OpenVenue
    needs: HaltDeadline | None = None


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
    """A venue simulator: its routes go onto a venue server; it trades at the prices set."""

    def install(self, server: VenueServer) -> None: ...

    async def set_price(self, symbol: str, price: Decimal) -> None: ...


class ClosingBroker(BrokerPort, Protocol):
    """A broker adapter holding connections until it is closed."""

    async def aclose(self) -> None: ...


@asynccontextmanager
async def served(
    venue: Simulator, setup: VenueSetup, connect: Callable[[str], ClosingBroker]
) -> AsyncIterator[BrokerPort]:
    """`venue` quoting the drill's instrument, served on loopback, and the adapter `connect`
    points at its URL, closed (and the server stopped) when the drill ends."""
    from adapters.brokers.simulators.server import VenueServer

    await venue.set_price(setup.symbol, setup.price)
    async with VenueServer() as server:
        venue.install(server)
        async with aclosing(connect(server.url)) as adapter:
            yield adapter


def open_alpaca(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
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

    return served(AlpacaSimulator(cash=setup.cash), setup, connect)


def open_ibkr(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.ibkr import IbkrGatewaySimulator

    venue = IbkrGatewaySimulator()
    venue.list_contract(setup.symbol, DRILL_CONID)
    venue.fund(setup.cash)
    accounts = frozenset({setup.account_id})
    return served(venue, setup, lambda url: simulated_ibkr(url, setup.clock, accounts=accounts))


def open_tradier(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.tradier import TradierSimulator

    accounts = frozenset({setup.account_id})
    venue = TradierSimulator(cash=setup.cash)
    return served(venue, setup, lambda url: simulated_tradier(url, setup.clock, accounts=accounts))


def open_binance(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.binance import BinanceSpotSimulator, Pair

    venue = BinanceSpotSimulator((Pair(setup.symbol, SPOT_QUOTE),))
    return spot_venue(venue, SPOT_QUOTE, setup, simulated_binance)


def open_kraken(setup: VenueSetup) -> AbstractAsyncContextManager[BrokerPort]:
    from adapters.brokers.simulators.kraken import KrakenPair, KrakenSpotSimulator

    venue = KrakenSpotSimulator((KrakenPair(setup.symbol, KRAKEN_QUOTE),))
    return spot_venue(venue, KRAKEN_QUOTE, setup, simulated_kraken)


def spot_venue(
    venue: SpotVenue,
    cash_asset: str,
    setup: VenueSetup,
    connect: Callable[..., CcxtBroker],
) -> AbstractAsyncContextManager[BrokerPort]:
    """A simulated crypto spot venue funded in `cash_asset` and quoting the drill's symbol,
    and the CCXT broker `connect` puts on it."""
    venue.fund(cash_asset, setup.cash)
    accounts = frozenset({setup.account_id})
    return served(venue, setup, lambda url: connect(url, setup.clock, accounts=accounts))


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


def simulated_ibkr(
    url: str,
    clock: Clock,
    *,
    accounts: frozenset[str] | None = None,
    config: IbkrBrokerConfig | None = None,
    pacing: dict[str, float] | None = None,
) -> IbkrBroker:
    """An IbkrBroker on an IBKR gateway simulator (plain HTTP: nothing to verify), keeping
    IBKR's documented pacing of the endpoints it polls unless `pacing` says otherwise."""
    from adapters.brokers.ibkr import connect_ibkr_broker
    from adapters.brokers.simulators.ibkr import ACCOUNT_ID, API

    return connect_ibkr_broker(
        f"{url}{API}",
        ACCOUNT_ID,
        clock,
        verify=False,
        config=config,
        accounts=accounts,
        timeout_s=2.0,
        pacing=pacing,
    )


def simulated_tradier(
    url: str, clock: Clock, *, accounts: frozenset[str] | None = None
) -> TradierBroker:
    """A TradierBroker on a Tradier simulator."""
    from adapters.brokers.simulators.tradier import TOKEN, TRADIER_ACCOUNT
    from adapters.brokers.tradier import TradierBroker, TradierHttp, TradierToken

    http = TradierHttp(f"{url}/v1", TradierToken(TOKEN), clock=clock, timeout_s=2.0)
    return TradierBroker(http, TRADIER_ACCOUNT, clock, accounts=accounts)


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
        VenueFamily(
            "ibkr",
            "the IBKR adapter (ibind) on a simulator of IBKR's Client Portal Gateway, Web API v1 "
            "(loopback HTTP)",
            open_ibkr,
            # adapters/brokers/ibkr/gateway.py PACING: the confirming listing may wait 5 s
            HaltDeadline(6.0, "IBKR lists the live orders once per 5 s"),
        ),
        VenueFamily(
            "tradier",
            "the Tradier adapter on a simulator of Tradier's brokerage API v1 (loopback HTTP)",
            open_tradier,
        ),
    )
}


def halt_deadline(families: Iterable[VenueFamily]) -> tuple[float, str]:
    """The kill-switch deadline a drill over `families` runs with, and why: the product's
    default, or the longest a family's halt needs to be confirmed."""
    from application.safety.killswitch import KillSwitchConfig

    default = KillSwitchConfig().deadline
    needs = [(f.needs.seconds, f"{f.name}: {f.needs.because}") for f in families if f.needs]
    longest = max(needs, default=None)
    if longest is None or longest[0] <= default:
        return default, "the default"
    seconds, why = longest
    return seconds, f"{why}; the default is {default:g} s"


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
    deadline: float  # the kill switch's, in seconds (halt_deadline)


@asynccontextmanager
async def venue_world(
    choices: tuple[VenueChoice, ...], owner_id: str, symbol: str, price: Decimal, cash: Decimal
) -> AsyncIterator[VenueWorld]:
    """Each venue opened (its simulator served) and routed to by name, with `owner_id`'s
    drill account there holding `cash`, and `symbol` quoted at `price` everywhere; the kill
    switch's deadline is the one every venue's halt needs (halt_deadline)."""
    from adapters.brokers.paper.drill import FaultSwitch, faulty
    from adapters.memory.clock import SystemClock
    from application.safety.killswitch import KillSwitchConfig
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
        deadline, _ = halt_deadline(c.family for c in choices)
        embedded = build_embedded(
            fake_clock=False,
            killswitch_config=KillSwitchConfig(deadline=deadline),
            brokers={v.name: faulty(v.truth, v.switch, clock, v.tape) for v in venues},
        )
        await embedded.add_instrument(Instrument(symbol, sector="Drill"), price)
        for venue in venues:
            await embedded.open_account(venue.account_id, owner_id, cash, broker=venue.name)
        drill = VenueDrill(embedded.killswitch, embedded.orders, embedded.clock, embedded.audit)
        yield VenueWorld(embedded, tuple(venues), drill, deadline)
