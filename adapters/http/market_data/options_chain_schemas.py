"""Options-chain and IV-rank DTOs: quotes as decimal strings, computed figures as numbers with
their units named (theta per calendar day, vega per vol point, GEX per 1% move); non-finite
figures as null."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from adapters.http.schemas.common import Output, doc
from adapters.http.wire_format import AnalyticOut, PriceOut
from application.market_data.options_chain import (
    REALISED_VOL_PROXY,
    ChainView,
    ContractView,
    ExpiryView,
    IVRankView,
)
from domain.analytics.options.chain_metrics import GammaExposure, PutCallRatios
from domain.analytics.options.whales import SweepBurst


def _round(value: float | None, digits: int = 8) -> float | None:
    return None if value is None else round(value, digits)


class ContractOut(Output):
    symbol: Annotated[str, doc("OCC option symbol")]
    expiry: date
    strike: PriceOut
    right: Annotated[str, doc("call or put")]
    bid: PriceOut
    ask: PriceOut
    last: PriceOut
    mid: Annotated[AnalyticOut, doc("(bid + ask) / 2, the last trade when a side is missing")]
    volume: int
    open_interest: int
    years: Annotated[AnalyticOut, doc("Time to expiry in years (365.25-day years to 21:00 UTC)")]
    iv: Annotated[
        AnalyticOut | None, doc("Implied vol from the mid, annualised fraction; null: none")
    ]
    iv_reason: Annotated[
        str,
        doc(
            "OK, or why no vol fits: EXPIRED, BELOW_INTRINSIC, ABOVE_UPPER_BOUND, "
            "VEGA_TOO_SMALL, NO_CONVERGENCE, INVALID_INPUT"
        ),
    ]
    provider_iv: Annotated[AnalyticOut | None, doc("The provider's own IV, when it sends one")]
    delta: Annotated[AnalyticOut | None, doc("dV/dS per share at the computed IV")]
    gamma: Annotated[AnalyticOut | None, doc("d2V/dS2 per share")]
    theta_per_day: Annotated[AnalyticOut | None, doc("Value change per calendar day passing")]
    vega_per_point: Annotated[AnalyticOut | None, doc("Value change per 1 vol point (0.01)")]
    volume_oi_ratio: Annotated[
        AnalyticOut | None, doc("volume / open interest; null where OI is 0")
    ]
    premium_notional: Annotated[AnalyticOut, doc("volume x mid x 100, in the quote currency")]
    whale_flags: Annotated[list[str], doc("UNUSUAL_VOLUME, LARGE_PREMIUM")]

    @classmethod
    def from_domain(cls, view: ContractView) -> ContractOut:
        q = view.quote
        return cls.from_attributes(
            q,
            right=q.right.value,
            mid=round(view.mid, 6),
            years=round(view.years, 8),
            iv=_round(view.iv),
            iv_reason=view.iv_reason,
            provider_iv=q.implied_volatility,
            delta=_round(view.delta),
            gamma=_round(view.gamma, 10),
            theta_per_day=_round(view.theta_per_day),
            vega_per_point=_round(view.vega_per_point),
            volume_oi_ratio=_round(view.volume_oi_ratio, 6),
            premium_notional=round(view.premium_notional, 2),
            whale_flags=[flag.value for flag in view.flags],
        )


class PutCallOut(Output):
    by_volume: Annotated[AnalyticOut | None, doc("put volume / call volume; null: no call volume")]
    by_open_interest: Annotated[AnalyticOut | None, doc("put OI / call OI; null: no call OI")]
    call_volume: int
    put_volume: int
    call_open_interest: int
    put_open_interest: int

    @classmethod
    def from_domain(cls, ratios: PutCallRatios) -> PutCallOut:
        return cls.from_attributes(
            ratios,
            by_volume=_round(ratios.by_volume, 6),
            by_open_interest=_round(ratios.by_open_interest, 6),
        )


class ExpiryOut(Output):
    expiry: date
    years: AnalyticOut
    contracts: int
    atm_iv: Annotated[AnalyticOut | None, doc("IV at the spot, interpolated in strike")]
    max_pain: Annotated[AnalyticOut | None, doc("Listed strike of least total holder payout")]
    put_call: PutCallOut

    @classmethod
    def from_domain(cls, view: ExpiryView) -> ExpiryOut:
        return cls.from_attributes(
            view,
            years=round(view.years, 8),
            atm_iv=_round(view.atm_iv),
            put_call=PutCallOut.from_domain(view.put_call),
        )


class GexStrikeOut(Output):
    strike: AnalyticOut
    calls: AnalyticOut
    puts: AnalyticOut
    net: AnalyticOut


class GexOut(Output):
    """Gamma exposure in currency per 1% move: gamma x OI x 100 x S^2 x 0.01, dealers long
    calls (+) and short puts (-)."""

    total: AnalyticOut
    zero_gamma_level: Annotated[
        AnalyticOut | None,
        doc("Spot where total GEX changes sign (within +/-20% of spot); null: none"),
    ]
    by_strike: list[GexStrikeOut]


class SweepOut(Output):
    right: str
    side: str
    started_at: datetime
    ended_at: datetime
    symbols: list[str]
    strikes: int
    expiries: int
    contracts: int
    premium: AnalyticOut

    @classmethod
    def from_domain(cls, burst: SweepBurst) -> SweepOut:
        return cls.from_attributes(
            burst,
            right="call" if burst.is_call else "put",
            side=burst.side.value,
            started_at=datetime.fromtimestamp(burst.started_at, UTC),
            ended_at=datetime.fromtimestamp(burst.ended_at, UTC),
            symbols=list(burst.symbols),
            premium=round(burst.premium, 2),
        )


def _gex_rows(gex: GammaExposure) -> list[GexStrikeOut]:
    columns = (gex.strikes.tolist(), gex.calls.tolist(), gex.puts.tolist(), gex.net.tolist())
    return [
        GexStrikeOut(strike=k, calls=round(c, 2), puts=round(p, 2), net=round(n, 2))
        for k, c, p, n in zip(*columns, strict=True)
    ]


class WhaleThresholdsOut(Output):
    volume_oi_ratio: AnalyticOut
    min_volume: int
    premium_notional: AnalyticOut


class ChainOut(Output):
    underlying: str
    spot: AnalyticOut
    at: datetime
    rate: Annotated[AnalyticOut, doc("Flat continuously compounded rate used for IV and Greeks")]
    dividend_yield: AnalyticOut
    expiry: date | None
    atm_iv_30d: Annotated[
        AnalyticOut | None,
        doc("30-day constant-maturity ATM IV of the whole chain (total variance)"),
    ]
    put_call: PutCallOut
    expiries: list[ExpiryOut]
    gex: GexOut
    whale_thresholds: WhaleThresholdsOut
    sweeps: Annotated[list[SweepOut], doc("Recent same-side buying bursts seen across reads")]
    contracts: list[ContractOut]

    @classmethod
    def from_domain(cls, view: ChainView) -> ChainOut:
        gex = view.gex
        return cls.from_attributes(
            view,
            atm_iv_30d=_round(view.atm_iv_30d),
            put_call=PutCallOut.from_domain(view.put_call),
            expiries=[ExpiryOut.from_domain(e) for e in view.expiries],
            gex=GexOut(
                total=round(gex.total, 2),
                zero_gamma_level=_round(view.zero_gamma, 4),
                by_strike=_gex_rows(gex),
            ),
            whale_thresholds=WhaleThresholdsOut.from_attributes(view.thresholds),
            sweeps=[SweepOut.from_domain(s) for s in view.sweeps],
            contracts=[ContractOut.from_domain(c) for c in view.contracts],
        )


PROXY_NOTE = (
    "No recorded implied-vol history yet: ranked is the 30-day realised volatility of the "
    "stored daily closes (annualised, sqrt(252)) against its own past values, a stand-in for "
    "implied volatility, which usually sits above realised"
)
STORED_NOTE = "Today's 30-day ATM implied vol against the recorded daily implied vols"


class IVRankOut(Output):
    symbol: str
    as_of: Annotated[date, doc("Today (UTC): the current IV is today's, the history before")]
    current_iv: Annotated[AnalyticOut | None, doc("30-day constant-maturity ATM IV now")]
    rank: Annotated[
        AnalyticOut | None, doc("(current - min) / (max - min) over the window, in [0, 1]")
    ]
    percentile: Annotated[
        AnalyticOut | None,
        doc("Share of the window's prior days with IV below current, in [0, 1]"),
    ]
    observations: Annotated[int, doc("Days in the window with an IV, today included")]
    window: Annotated[int, doc("Trading days the window spans at most (252)")]
    min: AnalyticOut | None
    max: AnalyticOut | None
    reason: Annotated[
        str, doc("OK, INSUFFICIENT_HISTORY (< 2 days), FLAT_WINDOW (min == max), NO_CURRENT_IV")
    ]
    history_from: Annotated[date | None, doc("Oldest day of the history used")]
    source: Annotated[
        str | None,
        doc(
            "stored_implied_vols (the recorded daily IVs) or realised_vol_proxy (no IV history "
            "yet: the 30-day realised volatility of the stored daily closes, annualised, stands "
            "in for implied volatility; rank, percentile, min and max are of realised vol)"
        ),
    ] = None
    history_days: Annotated[
        int | None, doc("Days of history before the current value that the rank had")
    ] = None
    ranked_value: Annotated[
        AnalyticOut | None,
        doc("The value ranked: current_iv, or today's realised vol with the proxy"),
    ] = None
    source_note: str | None = None

    @classmethod
    def from_domain(cls, view: IVRankView) -> IVRankOut:
        r = view.rank
        proxy = view.source == REALISED_VOL_PROXY
        return cls.from_attributes(
            r,
            symbol=view.symbol,
            as_of=view.day,
            source=view.source,
            history_days=view.history_days,
            ranked_value=_round(r.current),
            source_note=PROXY_NOTE if proxy else STORED_NOTE,
            current_iv=_round(view.current_iv),
            rank=_round(r.rank, 6),
            percentile=_round(r.percentile, 6),
            min=_round(r.minimum),
            max=_round(r.maximum),
            reason=r.reason.value,
            history_from=view.history_from,
        )
