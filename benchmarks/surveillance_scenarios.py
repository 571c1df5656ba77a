"""Labelled synthetic order flows for the surveillance detectors, seeded.

Normal flow: market makers (two-sided quotes at the touch, re-quoted as it moves, passive
fills), momentum traders (aggressive bursts that ride a move and exit minutes later, flat
before the close), noise traders (random limit and market orders, cancels, now and then a
large order cancelled unfilled) and a closing rebalancer (passive orders in the last
minutes). Abuse, each episode labelled: spoofing, layering, wash trading, quote stuffing,
momentum ignition and marking the close, each by an owner who also trades normally.

`mixed_day(seed)` is one session with all of it; `market_making_day`, `momentum_day` and
`pattern_day(pattern, seed)` are the single scenarios. Seeds 0-999 are for tuning; the
quality figures use a separate range (QUALITY_SEEDS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from benchmarks.surveillance_sim import US, Actor, Event, Label, Sim, Trader

# 2026-03-02 is a Monday; New York is on EST (UTC-5): the close is 21:00 UTC.
CLOSE_US = round(datetime(2026, 3, 2, 21, 0, tzinfo=UTC).timestamp()) * US
SESSION_S = 3600.0  # the simulated part of the day, ending at the close
SYMBOLS = {"AAA": 100.0, "BBB": 50.0, "CCC": 200.0}
PATTERNS = ("spoofing", "layering", "wash_trading", "quote_stuffing", "momentum_ignition",
            "marking_the_close")  # fmt: skip
QUALITY_SEEDS = range(200_000, 200_020)  # held out: never used while choosing thresholds
LOT = 100.0


@dataclass(frozen=True, slots=True)
class Scenario:
    seed: int
    events: list[Event]
    labels: list[Label]


def _lots(sim: Sim, low: float, high: float) -> float:
    return float(max(1, round(sim.rng.uniform(low, high))) * 10)


# -- normal flow ---------------------------------------------------------------------------
def market_maker(sim: Sim, trader: Trader, symbol: str) -> Actor:
    quotes: dict[int, str | None] = {1: None, -1: None}
    limit = 8 * LOT
    while True:
        bid, ask = sim.touch(symbol)
        for side, price in ((1, bid), (-1, ask)):
            current = quotes[side]
            resting = sim.live.get(current) if current else None
            if resting is not None and resting.price == price:
                continue
            if resting is not None:
                sim.cancel(current or "")
            if sim.position(trader, symbol) * side > limit:
                quotes[side] = None
                continue
            size = _lots(sim, 7, 13)
            quotes[side] = sim.place(trader, symbol, side, size, price, fill_rate=0.05)
        yield sim.later(sim.rng.uniform(1.0, 4.0))


def momentum_trader(sim: Sim, trader: Trader, flat_before_s: float = 900.0) -> Actor:
    symbols = sorted(SYMBOLS)
    yield sim.later(sim.rng.uniform(5, 240))
    while True:
        if sim.now > _close(sim) - flat_before_s * US:
            return
        symbol = sim.rng.choice(symbols)
        side = sim.rng.choice((1, -1))
        for _ in range(sim.rng.randint(2, 6)):
            sim.place(trader, symbol, side, _lots(sim, 10, 30), impact_bps=sim.rng.uniform(4, 12))
            yield sim.later(sim.rng.uniform(0.3, 1.5))
        yield sim.later(sim.rng.uniform(120, 600))
        held = sim.position(trader, symbol)
        while abs(held) >= 10:
            part = min(abs(held), _lots(sim, 10, 40))
            sim.place(trader, symbol, -1 if held > 0 else 1, part, impact_bps=1.0)
            yield sim.later(sim.rng.uniform(1, 20))
            held = sim.position(trader, symbol)
        yield sim.later(sim.rng.uniform(30, 240))


def noise_trader(
    sim: Sim, trader: Trader, accounts: tuple[str, ...] = (), every_s: float = 45.0
) -> Actor:
    symbols = sorted(SYMBOLS)
    while True:
        yield sim.later(sim.rng.expovariate(1 / every_s))
        who = Trader(trader.owner, sim.rng.choice(accounts), trader.agent) if accounts else trader
        symbol = sim.rng.choice(symbols)
        side = sim.rng.choice((1, -1))
        bid, ask = sim.touch(symbol)
        roll = sim.rng.random()
        if roll < 0.3:
            sim.place(who, symbol, side, _lots(sim, 1, 50))
            continue
        big = roll > 0.95
        size = _lots(sim, 60, 150) if big else _lots(sim, 1, 50)
        away = sim.rng.randint(0, 5) * 0.01
        price = round(bid - away if side > 0 else ask + away, 2)
        order = sim.place(who, symbol, side, size, price, fill_rate=0.0 if big else 0.02)
        wait = sim.rng.uniform(2, 60) if big else sim.rng.uniform(2, 90)
        sim.at(sim.later(wait), lambda order=order: sim.cancel(order))


def close_rebalancer(sim: Sim, trader: Trader, symbol: str) -> Actor:
    """Buys or sells a block over the last minutes with passive orders at the touch."""
    yield _close(sim) - round(sim.rng.uniform(9, 5) * 60 * US)
    side = sim.rng.choice((1, -1))
    for _ in range(sim.rng.randint(4, 8)):
        bid, ask = sim.touch(symbol)
        order = sim.place(trader, symbol, side, _lots(sim, 5, 20), bid if side > 0 else ask,
                          fill_rate=0.2)  # fmt: skip
        yield sim.later(sim.rng.uniform(20, 40))
        sim.cancel(order)


# -- abuse ---------------------------------------------------------------------------------
def spoofer(sim: Sim, trader: Trader, symbol: str, start_us: int) -> Actor:
    yield start_us
    for _ in range(sim.rng.randint(1, 3)):
        side = sim.rng.choice((1, -1))
        bid, ask = sim.touch(symbol)
        away = sim.rng.randint(0, 2) * 0.01
        price = round(bid - away if side > 0 else ask + away, 2)
        spoof = sim.place(trader, symbol, side, _lots(sim, 80, 200), price)
        yield sim.later(sim.rng.uniform(0.1, 1.5))
        bid, ask = sim.touch(symbol)
        if sim.rng.random() < 0.5:
            sim.place(trader, symbol, -side, _lots(sim, 5, 20))
        else:
            lure = sim.place(trader, symbol, -side, _lots(sim, 5, 20), ask if side > 0 else bid)
            yield sim.later(sim.rng.uniform(0.05, 0.8))
            sim.fill_now(lure)
        yield sim.later(sim.rng.uniform(0.2, 2.0))
        sim.cancel(spoof)
        yield sim.later(sim.rng.uniform(5, 40))
    sim.label("spoofing", trader, symbol, start_us)


def layerer(sim: Sim, trader: Trader, symbol: str, start_us: int) -> Actor:
    yield start_us
    for _ in range(sim.rng.randint(1, 2)):
        side = sim.rng.choice((1, -1))
        bid, ask = sim.touch(symbol)
        layers = []
        for level in range(sim.rng.randint(3, 5)):
            price = round(bid - level * 0.01 if side > 0 else ask + level * 0.01, 2)
            layers.append(sim.place(trader, symbol, side, _lots(sim, 8, 25), price))
            yield sim.later(sim.rng.uniform(0.02, 0.3))
        yield sim.later(sim.rng.uniform(0.2, 1.5))
        sim.place(trader, symbol, -side, _lots(sim, 5, 20))
        yield sim.later(sim.rng.uniform(0.1, 1.0))
        for order in layers:
            sim.cancel(order)
            yield sim.later(sim.rng.uniform(0.01, 0.15))
        yield sim.later(sim.rng.uniform(10, 60))
    sim.label("layering", trader, symbol, start_us)


def washer(sim: Sim, first: Trader, second: Trader, symbol: str, start_us: int) -> Actor:
    yield start_us
    for _ in range(sim.rng.randint(2, 4)):
        size = _lots(sim, 10, 50)
        buyer, seller = (first, second) if sim.rng.random() < 0.5 else (second, first)
        bid, ask = sim.touch(symbol)
        sim.place(buyer, symbol, 1, size, ask, impact_bps=0.5)
        yield sim.later(sim.rng.uniform(0.05, 3.0))
        bid, ask = sim.touch(symbol)
        sim.place(seller, symbol, -1, size, bid, impact_bps=0.5)
        yield sim.later(sim.rng.uniform(5, 60))
    sim.label("wash_trading", first, symbol, start_us)


def stuffer(sim: Sim, trader: Trader, symbol: str, start_us: int) -> Actor:
    yield start_us
    until = sim.later(sim.rng.uniform(1.0, 3.0))
    gap = 1 / sim.rng.uniform(80, 300)
    while sim.now < until:
        side = sim.rng.choice((1, -1))
        bid, ask = sim.touch(symbol)
        away = sim.rng.randint(2, 10) * 0.01
        order = sim.place(trader, symbol, side, _lots(sim, 1, 10),
                          round(bid - away if side > 0 else ask + away, 2))  # fmt: skip
        yield sim.later(gap)
        sim.cancel(order)
        yield sim.later(gap)
    sim.label("quote_stuffing", trader, symbol, start_us)


def igniter(sim: Sim, trader: Trader, symbol: str, start_us: int) -> Actor:
    yield start_us
    side = sim.rng.choice((1, -1))
    held = 0.0
    for _ in range(sim.rng.randint(4, 8)):
        size = _lots(sim, 10, 30)
        sim.place(trader, symbol, side, size, impact_bps=sim.rng.uniform(8, 20))
        held += size
        yield sim.later(sim.rng.uniform(0.1, 0.6))
    yield sim.later(sim.rng.uniform(2, 30))
    while held > 0:
        part = min(held, _lots(sim, 20, 60))
        bid, ask = sim.touch(symbol)
        sim.place(trader, symbol, -side, part, bid if side > 0 else ask, impact_bps=2.0)
        held -= part
        yield sim.later(sim.rng.uniform(0.5, 4))
    sim.label("momentum_ignition", trader, symbol, start_us)


def close_marker(sim: Sim, trader: Trader, symbol: str) -> Actor:
    yield sim.later(sim.rng.uniform(60, 1500))
    bid, ask = sim.touch(symbol)
    side = sim.rng.choice((1, -1))
    sim.place(trader, symbol, -side, _lots(sim, 1, 5), bid if side < 0 else ask)
    yield _close(sim) - round(sim.rng.uniform(8, 4) * 60 * US)
    start = sim.now
    for _ in range(sim.rng.randint(4, 8)):
        sim.place(trader, symbol, side, _lots(sim, 10, 30), impact_bps=sim.rng.uniform(10, 25))
        yield sim.later(sim.rng.uniform(8, 30))
        if sim.now > _close(sim) - 5 * US:
            break
    sim.label("marking_the_close", trader, symbol, start)


def _close(sim: Sim) -> int:
    return sim.end_us


# -- days ----------------------------------------------------------------------------------
def _sim(seed: int, session_s: float = SESSION_S) -> Sim:
    return Sim(seed, CLOSE_US - round(session_s * US), CLOSE_US, dict(SYMBOLS))


def _normal(sim: Sim, makers: bool = True, others: bool = True) -> None:
    start = sim.start_us
    if makers:
        for i, symbol in enumerate(sorted(SYMBOLS)):
            maker = Trader(f"mm{i}", f"mm{i}-acc", f"mm{i}-bot")
            sim.spawn(market_maker(sim, maker, symbol), start)
    if others:
        for i in range(2):
            sim.spawn(momentum_trader(sim, Trader(f"mo{i}", f"mo{i}-acc", f"mo{i}-bot")), start)
        for i in range(3):
            accounts = (f"nz{i}-a", f"nz{i}-b") if i == 0 else ()
            sim.spawn(noise_trader(sim, Trader(f"nz{i}", f"nz{i}-a"), accounts), start)
        symbol = sim.rng.choice(sorted(SYMBOLS))
        sim.spawn(close_rebalancer(sim, Trader("rb0", "rb0-acc"), symbol), start)


def _abuser(sim: Sim, pattern: str, n: int, start_us: int, symbol: str) -> None:
    owner = f"{pattern[:4]}{n}"
    trader = Trader(owner, f"{owner}-acc", f"{owner}-bot")
    sim.spawn(noise_trader(sim, trader, every_s=90.0), sim.start_us)
    actors: dict[str, Callable[[], Actor]] = {
        "spoofing": lambda: spoofer(sim, trader, symbol, start_us),
        "layering": lambda: layerer(sim, trader, symbol, start_us),
        "wash_trading": lambda: washer(sim, trader, _second(sim, trader), symbol, start_us),
        "quote_stuffing": lambda: stuffer(sim, trader, symbol, start_us),
        "momentum_ignition": lambda: igniter(sim, trader, symbol, start_us),
        "marking_the_close": lambda: close_marker(sim, trader, symbol),
    }
    sim.spawn(actors[pattern](), sim.start_us)


def _second(sim: Sim, trader: Trader) -> Trader:
    """The wash trader's other side: a second account, or a second agent on the same one."""
    if sim.rng.random() < 0.5:
        return Trader(trader.owner, trader.account + "-2", trader.agent)
    return Trader(trader.owner, trader.account, trader.agent + "-2")


def _episode_start(sim: Sim) -> int:
    """A time in the session's first part (the last 15 minutes are the close's)."""
    return sim.start_us + round(sim.rng.uniform(60, SESSION_S - 1200) * US)


def mixed_day(seed: int) -> Scenario:
    """A session with the normal flow and one or two episodes of every pattern (two episodes
    of one pattern in different symbols)."""
    sim = _sim(seed)
    _normal(sim)
    for pattern in PATTERNS:
        symbols = sim.rng.sample(sorted(SYMBOLS), sim.rng.randint(1, 2))
        for n, symbol in enumerate(symbols):
            _abuser(sim, pattern, n, _episode_start(sim), symbol)
    return Scenario(seed, sim.run(), sim.labels)


def pattern_day(pattern: str, seed: int) -> Scenario:
    """One pattern's episodes over market makers' quotes and nothing else."""
    sim = _sim(seed)
    _normal(sim, others=False)
    for n, symbol in enumerate(sim.rng.sample(sorted(SYMBOLS), 2)):
        _abuser(sim, pattern, n, _episode_start(sim), symbol)
    return Scenario(seed, sim.run(), sim.labels)


def market_making_day(seed: int, session_s: float = SESSION_S) -> Scenario:
    """Market makers only: the scenario that must raise no alert."""
    sim = _sim(seed, session_s)
    _normal(sim, others=False)
    for i, symbol in enumerate(sorted(SYMBOLS)):
        second = Trader(f"mx{i}", f"mx{i}-acc", f"mx{i}-bot")
        sim.spawn(market_maker(sim, second, symbol), sim.start_us)
    return Scenario(seed, sim.run(), sim.labels)


def momentum_day(seed: int) -> Scenario:
    """Market makers and momentum traders (normal, unlabelled)."""
    sim = _sim(seed)
    _normal(sim, others=False)
    for i in range(4):
        sim.spawn(momentum_trader(sim, Trader(f"mo{i}", f"mo{i}-acc", f"mo{i}-bot")), sim.start_us)
    return Scenario(seed, sim.run(), sim.labels)
