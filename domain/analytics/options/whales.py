"""Whale activity in an option chain: per-contract flags and sweep-like bursts across contracts.

Per contract (`whale_activity`, arrays over the chain's contracts):

- volume / open interest: today's volume over the open interest at the start of the day; +inf
  where OI is 0 and there was volume (new positions only), NaN where both are 0.
- premium notional = volume * mid * multiplier (100 shares per contract), in the price's
  currency: the money that changed hands today at the mid.
- flags (thresholds in `WhaleThresholds`, configurable): UNUSUAL_VOLUME when
  volume / OI >= `volume_oi_ratio` AND volume >= `min_volume` (a tiny print on a tiny OI is
  not a whale); LARGE_PREMIUM when premium notional >= `premium_notional`.

Sweeps (`SweepDetector`): the chain is polled; between two polls a contract's volume grows by
a delta, a "print". Its side is read from the last trade against the quote at the poll: at or
above the ask (or above the mid) a BUY, at or below the bid (or below the mid) a SELL, at the
mid unknown (ignored). A sweep-like burst is same-side buying of one right (calls, or puts)
across at least `min_contracts` distinct contracts (strikes and/or expiries) of one underlying
within `window_s` seconds, each contract's summed delta at least `min_contract_volume`, the
burst's premium (delta * last * multiplier, summed) at least `min_premium`. The detector is
pure (the caller passes the poll time), incremental (one `observe` per poll) and bounded:
it remembers at most `max_contracts` contracts' last volumes and `max_prints` prints in the
window. Prints that formed a burst are consumed (one burst is reported once). A volume that
goes DOWN (a new trading day, a provider reset) re-baselines that contract without a print;
a contract's first sighting is its baseline.
"""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

CONTRACT_MULTIPLIER = 100.0


class WhaleFlag(StrEnum):
    UNUSUAL_VOLUME = "UNUSUAL_VOLUME"
    LARGE_PREMIUM = "LARGE_PREMIUM"


@dataclass(frozen=True, slots=True)
class WhaleThresholds:
    """When a contract is flagged (defaults: volume >= OI and >= 500 contracts; $1M premium)."""

    volume_oi_ratio: float = 1.0
    min_volume: int = 500
    premium_notional: float = 1_000_000.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.volume_oi_ratio) and self.volume_oi_ratio > 0):
            raise ValueError("volume_oi_ratio must be positive")
        if self.min_volume < 0:
            raise ValueError("min_volume must not be negative")
        if not (math.isfinite(self.premium_notional) and self.premium_notional > 0):
            raise ValueError("premium_notional must be positive")


@dataclass(frozen=True, slots=True)
class WhaleActivity:
    """Per-contract arrays, in the order given."""

    volume_oi_ratio: FloatArray
    premium_notional: FloatArray
    unusual_volume: BoolArray
    large_premium: BoolArray

    def flags(self, index: int) -> list[WhaleFlag]:
        """The flags of contract `index`."""
        found: list[WhaleFlag] = []
        if self.unusual_volume[index]:
            found.append(WhaleFlag.UNUSUAL_VOLUME)
        if self.large_premium[index]:
            found.append(WhaleFlag.LARGE_PREMIUM)
        return found


def whale_activity(
    volume: npt.ArrayLike,
    open_interest: npt.ArrayLike,
    mid: npt.ArrayLike,
    thresholds: WhaleThresholds | None = None,
    *,
    multiplier: float = CONTRACT_MULTIPLIER,
) -> WhaleActivity:
    """Volume/OI, premium notional and flags per contract (see the module docstring)."""
    rule = thresholds or WhaleThresholds()
    vol = np.asarray(volume, dtype=np.float64).ravel()
    oi = np.asarray(open_interest, dtype=np.float64).ravel()
    price = np.asarray(mid, dtype=np.float64).ravel()
    if not vol.shape == oi.shape == price.shape:
        raise ValueError("volume, open_interest and mid must have the same length")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(oi > 0, vol / np.where(oi > 0, oi, 1.0), np.where(vol > 0, np.inf, np.nan))
    premium = vol * np.nan_to_num(price) * multiplier
    with np.errstate(invalid="ignore"):
        unusual = (vol >= rule.min_volume) & (vol > 0) & (ratio >= rule.volume_oi_ratio)
    return WhaleActivity(
        volume_oi_ratio=ratio.astype(np.float64),
        premium_notional=premium,
        unusual_volume=unusual,
        large_premium=premium >= rule.premium_notional,
    )


class Side(StrEnum):
    BUY = "BUY"
    SELL = "SELL"


@dataclass(frozen=True, slots=True)
class ContractPoll:
    """One contract as seen at a poll: cumulative volume today and the quote."""

    symbol: str
    expiry: str  # ISO date
    strike: float
    is_call: bool
    volume: int
    bid: float
    ask: float
    last: float


@dataclass(frozen=True, slots=True)
class Print:
    at: float  # seconds, the caller's clock
    symbol: str
    expiry: str
    strike: float
    is_call: bool
    side: Side
    contracts: int
    premium: float


@dataclass(frozen=True, slots=True)
class SweepBurst:
    """Same-side buying of one right across several contracts within the window."""

    underlying: str
    is_call: bool
    side: Side
    started_at: float
    ended_at: float
    symbols: tuple[str, ...]
    strikes: int  # distinct strikes
    expiries: int  # distinct expiries
    contracts: int  # summed volume deltas
    premium: float  # currency


@dataclass(frozen=True, slots=True)
class SweepRule:
    """A burst's thresholds and the detector's bounds (see the module docstring)."""

    window_s: float = 60.0
    min_contracts: int = 3
    min_contract_volume: int = 50
    min_premium: float = 250_000.0
    max_contracts: int = 20_000
    max_prints: int = 10_000

    def __post_init__(self) -> None:
        if not (math.isfinite(self.window_s) and self.window_s > 0):
            raise ValueError("window_s must be positive")
        if self.min_contracts < 2 or self.min_contract_volume < 1:
            raise ValueError("min_contracts must be >= 2 and min_contract_volume >= 1")
        if not (math.isfinite(self.min_premium) and self.min_premium >= 0):
            raise ValueError("min_premium must not be negative")
        if self.max_contracts < 1 or self.max_prints < 1:
            raise ValueError("max_contracts and max_prints must be positive")


def aggressor(bid: float, ask: float, last: float) -> Side | None:
    """The side a trade at `last` took against the quote (None at the mid or without a quote)."""
    if not math.isfinite(last) or last <= 0:
        return None
    if ask > 0 and last >= ask:
        return Side.BUY
    if bid > 0 and last <= bid:
        return Side.SELL
    if bid > 0 and ask > 0:
        mid = (bid + ask) / 2
        if last > mid:
            return Side.BUY
        if last < mid:
            return Side.SELL
    return None


class SweepDetector:
    """Incremental sweep detection for ONE underlying; feed it each poll of the chain."""

    def __init__(
        self, underlying: str, rule: SweepRule | None = None, *, multiplier: float = 100.0
    ) -> None:
        self.underlying = underlying
        self.rule = rule or SweepRule()
        self._multiplier = multiplier
        self._volumes: OrderedDict[str, int] = OrderedDict()
        self._prints: deque[Print] = deque(maxlen=self.rule.max_prints)

    @property
    def pending_prints(self) -> int:
        return len(self._prints)

    def observe(self, at: float, polls: list[ContractPoll]) -> list[SweepBurst]:
        """Take one poll at time `at` (seconds); the bursts it completes, each reported once."""
        for poll in polls:
            self._record(at, poll)
        horizon = at - self.rule.window_s
        while self._prints and self._prints[0].at < horizon:
            self._prints.popleft()
        bursts = [burst for is_call in (True, False) if (burst := self._burst(is_call))]
        return bursts

    def _record(self, at: float, poll: ContractPoll) -> None:
        previous = self._volumes.pop(poll.symbol, None)
        self._volumes[poll.symbol] = poll.volume
        while len(self._volumes) > self.rule.max_contracts:
            self._volumes.popitem(last=False)
        if previous is None or poll.volume <= previous:
            return
        side = aggressor(poll.bid, poll.ask, poll.last)
        if side is None:
            return
        delta = poll.volume - previous
        premium = delta * poll.last * self._multiplier
        self._prints.append(
            Print(at, poll.symbol, poll.expiry, poll.strike, poll.is_call, side, delta, premium)
        )

    def _burst(self, is_call: bool) -> SweepBurst | None:
        mine = [p for p in self._prints if p.is_call == is_call and p.side is Side.BUY]
        by_symbol: dict[str, int] = {}
        for p in mine:
            by_symbol[p.symbol] = by_symbol.get(p.symbol, 0) + p.contracts
        heavy = {s for s, n in by_symbol.items() if n >= self.rule.min_contract_volume}
        if len(heavy) < self.rule.min_contracts:
            return None
        chosen = [p for p in mine if p.symbol in heavy]
        premium = sum(p.premium for p in chosen)
        if premium < self.rule.min_premium:
            return None
        self._prints = deque(
            (p for p in self._prints if not (p.is_call == is_call and p.symbol in heavy)),
            maxlen=self.rule.max_prints,
        )
        return SweepBurst(
            underlying=self.underlying,
            is_call=is_call,
            side=Side.BUY,
            started_at=min(p.at for p in chosen),
            ended_at=max(p.at for p in chosen),
            symbols=tuple(sorted(heavy)),
            strikes=len({p.strike for p in chosen}),
            expiries=len({p.expiry for p in chosen}),
            contracts=sum(p.contracts for p in chosen),
            premium=premium,
        )
