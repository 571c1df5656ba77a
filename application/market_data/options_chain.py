"""The options-chain view and IV rank: quotes from the market-data port, IV and Greeks computed.

`OptionsChainService.chain(symbol, expiry)` reads the underlying's listed contracts from the
provider (`MarketDataProvider.option_chain`), computes each contract's implied volatility from
its mid ((bid + ask) / 2, the last trade when a side is missing) with `implied_volatility`, and
its Greeks with `bsm_greeks` at that IV; then the chain aggregates (put/call ratios, max pain
and ATM IV per expiry, gamma exposure by strike with the zero-gamma level) and whale flags
(domain/analytics/options: chain_metrics, iv_stats, whales). Sweep-like bursts are detected
across successive reads of a symbol's chain (one bounded `SweepDetector` per symbol).

Conventions: time to expiry in years = (expiry at 21:00 UTC, US equity options' 16:00 New
York close - now) / (365.25 days), the synthetic provider's own convention; a flat continuously
compounded `rate` and `dividend_yield`. Theta per calendar day, vega per vol point (0.01).

`iv_rank(symbol)` ranks the current 30-day constant-maturity ATM IV (computed from the chain
now) against the stored daily IVs (`IVHistoryStore`) of the last `window` days before today.
Until the recorder has stored `min_stored_days` of them (a fresh install), when the bar
history store is given and holds more days of the proxy than there are stored IVs, it ranks
instead the symbol's 30-day realised volatility
(domain/analytics/options/iv_proxy.py), annualised, as a stand-in for implied volatility:
today's (the last stored daily bar's) against the days before it in the window, all computed
on the fly from the stored split- and dividend-adjusted daily closes. The proxy is computed,
never stored, so the stored history holds only observed IVs and a corrected bar changes the
proxy at the next read. The view names its `source` and the days of history it had.
"""

from __future__ import annotations

import asyncio
import math
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from application.core.stored_closes import daily_closes_between
from application.market_data.options_requests import (
    ExpiryNotListed,
    ask_provider,
    parse_expiry,
    valid_symbol,
)
from domain.analytics.options.iv_proxy import PROXY_DAYS, realised_vol_series
from domain.analytics.options.iv_stats import (
    TRADING_DAYS_WINDOW,
    IVRank,
    IVRankReason,
    atm_volatility,
    chain_constant_maturity_iv,
    iv_rank,
)
from domain.analytics.options.whales import (
    ContractPoll,
    SweepBurst,
    SweepDetector,
    SweepRule,
    WhaleFlag,
    WhaleThresholds,
    whale_activity,
)
from domain.market_data.options import OptionChain, OptionQuote
from domain.trading.instruments import OptionRight
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.market_data.iv_history import IVHistoryStore
from ports.market_data.marketdata import MarketDataProvider

if TYPE_CHECKING:  # the IV and Greeks kernels load numba: imported when a chain is computed
    from domain.analytics.options.chain_metrics import GammaExposure, PutCallRatios

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
YEAR_SECONDS = 365.25 * 86_400
EXPIRY_CLOSE = time(21, 0)  # 16:00 New York (EST)
FLIP_GRID_POINTS = 41  # the zero-gamma search: spot x [0.8, 1.2] in 1% steps
MAX_SWEEP_SYMBOLS = 256
RECENT_SWEEPS = 20


@dataclass(frozen=True, slots=True)
class ContractView:
    """One contract: the quote, IV from the mid (None + reason where none fits), Greeks at it."""

    quote: OptionQuote
    mid: float
    years: float
    iv: float | None
    iv_reason: str
    delta: float | None
    gamma: float | None
    theta_per_day: float | None
    vega_per_point: float | None
    volume_oi_ratio: float | None  # None where OI is 0 (inf) or both are 0
    premium_notional: float
    flags: tuple[WhaleFlag, ...]


@dataclass(frozen=True, slots=True)
class ExpiryView:
    expiry: date
    years: float
    contracts: int
    atm_iv: float | None
    max_pain: float | None
    put_call: PutCallRatios


@dataclass(frozen=True, slots=True)
class ChainView:
    underlying: str
    spot: float
    at: datetime
    rate: float
    dividend_yield: float
    expiry: date | None  # the asked one, None for the whole chain
    contracts: tuple[ContractView, ...]
    expiries: tuple[ExpiryView, ...]
    put_call: PutCallRatios
    gex: GammaExposure
    zero_gamma: float | None
    atm_iv_30d: float | None  # always from the whole chain
    thresholds: WhaleThresholds
    sweeps: tuple[SweepBurst, ...]


STORED_IVS = "stored_implied_vols"
REALISED_VOL_PROXY = "realised_vol_proxy"
MIN_STORED_DAYS = 20  # stored IVs before today below which the realised-vol proxy answers


@dataclass(frozen=True, slots=True)
class IVRankView:
    """`rank.current` is the value ranked: the chain's IV (source STORED_IVS) or today's
    realised vol (REALISED_VOL_PROXY); `current_iv` the chain's IV either way."""

    symbol: str
    day: date
    rank: IVRank
    history_from: date | None  # the oldest day of the history used
    source: str = STORED_IVS
    history_days: int = 0  # days of history before the current value
    current_iv: float | None = None


@dataclass(eq=False)
class OptionsChainService:
    """Chains with computed IV and Greeks, and IV rank against the stored daily IVs."""

    provider: MarketDataProvider
    history: IVHistoryStore
    clock: Clock
    _: KW_ONLY
    rate: float = 0.04
    dividend_yield: float = 0.0
    whales: WhaleThresholds = field(default_factory=WhaleThresholds)
    sweeps: SweepRule = field(default_factory=SweepRule)
    window: int = TRADING_DAYS_WINDOW
    bars: Callable[[], BarStore] | None = None  # for the realised-vol proxy
    min_stored_days: int = MIN_STORED_DAYS
    _detectors: OrderedDict[str, SweepDetector] = field(init=False, default_factory=OrderedDict)
    _recent: dict[str, deque[SweepBurst]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not (math.isfinite(self.rate) and math.isfinite(self.dividend_yield)):
            raise ValueError("rate and dividend_yield must be finite")

    async def chain(self, symbol: str, expiry: str | date | None = None) -> ChainView:
        """The chain of `symbol` (one expiry when given: an ISO date that is listed)."""
        symbol = valid_symbol(symbol)
        wanted = parse_expiry(expiry)
        chain = await ask_provider(symbol, self.provider.option_chain(symbol))
        listed = chain.expiries()
        if wanted is not None and wanted not in listed:
            shown = ", ".join(day.isoformat() for day in listed) or "none"
            raise ExpiryNotListed("expiry", f"{wanted.isoformat()} is not listed (listed: {shown})")
        now = self.clock.now()
        sweeps = self._observe(chain, now)
        # Off the event loop: a kernel's first call in a process may compile (numba, cached).
        return await asyncio.to_thread(self._analyse, chain, now, wanted, sweeps)

    async def current_iv(self, symbol: str) -> float | None:
        """The 30-day constant-maturity ATM IV of the chain now (None when no IV fits)."""
        symbol = valid_symbol(symbol)
        chain = await ask_provider(symbol, self.provider.option_chain(symbol))
        now = self.clock.now()
        return await asyncio.to_thread(self._constant_maturity, chain, now)

    async def iv_rank(self, symbol: str) -> IVRankView:
        """Today's 30-day ATM IV ranked against the stored days before today (window days)."""
        symbol = valid_symbol(symbol)
        current = await self.current_iv(symbol)
        today = self.clock.now().date()
        stored = await self.history.last(
            symbol, up_to=today - timedelta(days=1), limit=self.window - 1
        )
        if len(stored) < self.min_stored_days and self.bars is not None:
            proxy = await self._proxy_rank(symbol, today, current)
            if proxy.history_days > len(stored):  # else the stored IVs, however few
                return proxy
        if current is None:  # no IV fits the chain now: nothing to rank
            rank = IVRank(
                None, None, None, len(stored), self.window,
                min((e.iv for e in stored), default=None),
                max((e.iv for e in stored), default=None),
                IVRankReason.NO_CURRENT_IV,
            )  # fmt: skip
        else:
            rank = iv_rank([*(entry.iv for entry in stored), current], window=self.window)
        first = stored[0].day if stored else None
        return IVRankView(symbol, today, rank, first, STORED_IVS, len(stored), current)

    async def _proxy_rank(self, symbol: str, today: date, current: float | None) -> IVRankView:
        """Today's 30-day realised vol ranked against the window's earlier days (module doc)."""
        assert self.bars is not None
        calendar_days = (self.window + PROXY_DAYS) * 7 // 5 + 14
        found = await daily_closes_between(
            self.bars(), [symbol], today - timedelta(days=calendar_days), today
        )
        closes = found.get(symbol)
        if closes is None:
            vols, days = np.empty(0), []
        else:
            keep = np.isfinite(closes.closes) & (closes.closes > 0)
            vols = realised_vol_series(closes.closes[keep])
            days = [d for d, k in zip(closes.dates, keep.tolist(), strict=True) if k][PROXY_DAYS:]
        vols, days = vols[-self.window :], days[-self.window :]
        rank = iv_rank(vols, window=self.window)
        first = days[0] if len(days) > 1 else None
        history = max(0, len(days) - 1)
        return IVRankView(symbol, today, rank, first, REALISED_VOL_PROXY, history, current)

    def _observe(self, chain: OptionChain, now: datetime) -> tuple[SweepBurst, ...]:
        detector = self._detectors.pop(chain.underlying, None) or SweepDetector(
            chain.underlying, self.sweeps
        )
        self._detectors[chain.underlying] = detector
        while len(self._detectors) > MAX_SWEEP_SYMBOLS:
            evicted, _ = self._detectors.popitem(last=False)
            self._recent.pop(evicted, None)
        polls = [
            ContractPoll(
                c.symbol,
                c.expiry.isoformat(),
                float(c.strike),
                c.right is OptionRight.CALL,
                c.volume,
                float(c.bid),
                float(c.ask),
                float(c.last),
            )
            for c in chain.contracts
        ]
        recent = self._recent.setdefault(chain.underlying, deque(maxlen=RECENT_SWEEPS))
        recent.extend(detector.observe(now.timestamp(), polls))
        return tuple(recent)

    def _constant_maturity(self, chain: OptionChain, now: datetime) -> float | None:
        spot = float(chain.underlying_price)
        years, strikes, ivs = self._ivs(chain.contracts, spot, now)
        return chain_constant_maturity_iv(spot, years, strikes, ivs.vols)

    def _ivs(
        self, contracts: tuple[OptionQuote, ...], spot: float, now: datetime
    ) -> tuple[FloatArray, FloatArray, _IVs]:
        """Years, strikes and the IVs of the mids, one vectorised call for the contracts."""
        years = np.array([years_to(c.expiry, now) for c in contracts], dtype=np.float64)
        strikes = np.array([float(c.strike) for c in contracts], dtype=np.float64)
        mids = np.array([mid_of(c) for c in contracts], dtype=np.float64)
        calls = np.array([c.right is OptionRight.CALL for c in contracts], dtype=np.bool_)
        from domain.analytics.options.implied_vol import implied_volatility

        found = implied_volatility(
            mids, spot, strikes, years, self.rate, self.dividend_yield, calls
        )
        return years, strikes, _IVs(mids, calls, found.volatility, found.reason_names())

    def _analyse(
        self,
        chain: OptionChain,
        now: datetime,
        wanted: date | None,
        sweeps: tuple[SweepBurst, ...],
    ) -> ChainView:
        spot = float(chain.underlying_price)
        every_years, every_strike, every_iv = self._ivs(chain.contracts, spot, now)
        atm_30d = chain_constant_maturity_iv(spot, every_years, every_strike, every_iv.vols)
        keep = np.array(
            [wanted is None or c.expiry == wanted for c in chain.contracts], dtype=np.bool_
        )
        contracts = tuple(c for c, kept in zip(chain.contracts, keep, strict=True) if kept)
        years, strikes = every_years[keep], every_strike[keep]
        reasons = [r for r, kept in zip(every_iv.reasons, keep, strict=True) if kept]
        ivs = _IVs(every_iv.mids[keep], every_iv.calls[keep], every_iv.vols[keep], reasons)
        volume = np.array([c.volume for c in contracts], dtype=np.float64)
        interest = np.array([c.open_interest for c in contracts], dtype=np.float64)
        ok = np.isfinite(ivs.vols)
        from domain.analytics.options.bsm import bsm_greeks
        from domain.analytics.options.chain_metrics import (
            gamma_exposure,
            gamma_profile,
            put_call_ratios,
            zero_gamma_level,
        )

        greeks = bsm_greeks(
            spot,
            strikes,
            np.where(ok, years, 1.0),
            np.where(ok, ivs.vols, 0.2),  # placeholders where no IV: masked out below
            self.rate,
            self.dividend_yield,
            ivs.calls,
        )
        gamma = np.where(ok, greeks.gamma, np.nan)
        whales = whale_activity(volume, interest, ivs.mids, self.whales)
        # Columns as Python lists with NaN where no IV fits: one conversion, not one per cell.
        delta, theta, vega = (
            np.where(ok, column, np.nan).tolist()
            for column in (greeks.delta, greeks.theta_per_day, greeks.vega_per_point)
        )
        mids, vols, gammas = ivs.mids.tolist(), ivs.vols.tolist(), gamma.tolist()
        ratios, premiums = whales.volume_oi_ratio.tolist(), whales.premium_notional.tolist()
        views = tuple(
            ContractView(
                quote=c,
                mid=mids[i],
                years=float(years[i]),
                iv=_finite(vols[i]),
                iv_reason=ivs.reasons[i],
                delta=_finite(delta[i]),
                gamma=_finite(gammas[i]),
                theta_per_day=_finite(theta[i]),
                vega_per_point=_finite(vega[i]),
                volume_oi_ratio=_finite(ratios[i]),
                premium_notional=premiums[i],
                flags=tuple(whales.flags(i)),
            )
            for i, c in enumerate(contracts)
        )
        grid = spot * np.linspace(0.8, 1.2, FLIP_GRID_POINTS)
        profile = gamma_profile(
            grid, strikes, years, ivs.vols, interest, ivs.calls,
            rate=self.rate, dividend_yield=self.dividend_yield,
        )  # fmt: skip
        return ChainView(
            underlying=chain.underlying,
            spot=spot,
            at=now,
            rate=self.rate,
            dividend_yield=self.dividend_yield,
            expiry=wanted,
            contracts=views,
            expiries=self._expiries(contracts, years, strikes, volume, interest, ivs, spot),
            put_call=put_call_ratios(volume, interest, ivs.calls),
            gex=gamma_exposure(spot, strikes, gamma, interest, ivs.calls),
            zero_gamma=zero_gamma_level(grid, profile, spot) if len(contracts) else None,
            atm_iv_30d=atm_30d,
            thresholds=self.whales,
            sweeps=sweeps,
        )

    @staticmethod
    def _expiries(
        contracts: tuple[OptionQuote, ...],
        years: FloatArray,
        strikes: FloatArray,
        volume: FloatArray,
        interest: FloatArray,
        ivs: _IVs,
        spot: float,
    ) -> tuple[ExpiryView, ...]:
        from domain.analytics.options.chain_metrics import max_pain, put_call_ratios

        views: list[ExpiryView] = []
        expiries = np.array([c.expiry.toordinal() for c in contracts])
        for day in sorted({c.expiry for c in contracts}):
            mask = expiries == day.toordinal()
            pain = max_pain(strikes[mask], interest[mask], ivs.calls[mask])
            views.append(
                ExpiryView(
                    expiry=day,
                    years=float(years[mask][0]),
                    contracts=int(mask.sum()),
                    atm_iv=atm_volatility(strikes[mask], ivs.vols[mask], spot),
                    max_pain=None if pain is None else pain.strike,
                    put_call=put_call_ratios(volume[mask], interest[mask], ivs.calls[mask]),
                )
            )
        return tuple(views)


@dataclass(frozen=True, slots=True)
class _IVs:
    mids: FloatArray
    calls: BoolArray
    vols: FloatArray
    reasons: list[str]


def years_to(expiry: date, now: datetime) -> float:
    """Years from `now` to the expiry's 21:00 UTC close (365.25-day years; <= 0 once past)."""
    closes = datetime.combine(expiry, EXPIRY_CLOSE, UTC)
    return (closes - now).total_seconds() / YEAR_SECONDS


def mid_of(contract: OptionQuote) -> float:
    """(bid + ask) / 2 when both sides are quoted, else the last trade."""
    if contract.bid > 0 and contract.ask > 0:
        return float((contract.bid + contract.ask) / 2)
    return float(contract.last)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None
