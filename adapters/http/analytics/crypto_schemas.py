"""/api/v1/analytics/crypto DTOs: impermanent loss, pool drains, gas (docs/crypto-defi.md;
wallets: schemas/crypto_wallets.py). Money and token amounts travel as decimal strings; gas
prices (gwei) and z-scores as JSON numbers. Every response names its conventions."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, doc
from adapters.http.wire_format import AnalyticOut, plain_decimal
from adapters.wire.numbers import Fraction, WireNumber
from application.analytics.crypto import (
    MAX_GAS_POINTS,
    MAX_PRICES,
    MAX_SPIKES,
    MAX_TVL_POINTS,
    GasReport,
    GasRequest,
    GasSpike,
    ImpermanentLossRequest,
    PoolDrainRequest,
)
from application.analytics.crypto_gas import ChainGasRequest
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.fees import MAX_FEE_BLOCKS
from domain.analytics.crypto.gas import WEEKDAYS, CheapestWindow
from domain.analytics.crypto.impermanent_loss import ImpermanentLossReport, PositionAtPrice
from domain.analytics.crypto.pool_drain import DrainAlert, DrainReport
from domain.analytics.crypto.specs import POOL_PRICE, TOKEN_AMOUNT, TVL


class PoolPrice(WireNumber):
    """A pool price, token1 per token0."""

    spec = POOL_PRICE


class TokenAmount(WireNumber):
    """A positive amount of a token or of value."""

    spec = TOKEN_AMOUNT


class TvlAmount(WireNumber):
    """A total value locked, 0 or more."""

    spec = TVL


def plain_fields(source: object, *names: str) -> dict[str, Any]:
    """Each of `names` as `source`'s Decimal attribute of that name, in plain text."""
    return {name: plain_decimal(getattr(source, name)) for name in names}


def _decimals(values: list[Any]) -> list[Decimal]:
    return [Decimal(v) for v in values]


# --- impermanent loss ----------------------------------------------------------------------

IL_CONVENTIONS = {
    "price": "token1 per token0 (Uniswap's P = y / x), e.g. USDC per ETH",
    "values": "lp_value, hold_value, loss_value and deposit in token1",
    "impermanent_loss": "lp_value / hold_value - 1: a fraction <= 0 (-0.2 = 20% less than "
    "holding); fees earned are not counted",
    "hold": "the amounts deposited at entry_price, valued at the new price",
    "v2": "no range: constant product x*y = k; IL = 2 sqrt(k)/(1 + k) - 1, k = P1/P0",
    "v3": "range [lower, upper]: Uniswap v3 whitepaper 6.2.3, x = L(1/c - 1/sqrt(pb)), "
    "y = L(c - sqrt(pa)), c = sqrt(P) clamped to [sqrt(pa), sqrt(pb)]",
    "liquidity_multiple": "L of this position / L of a full-range position of the same deposit",
    "arithmetic": "Decimal, 34 significant digits, round half even",
}


class PoolRangeIn(Input):
    """A concentrated (Uniswap v3) range, token1 per token0: lower < upper."""

    lower: PoolPrice
    upper: PoolPrice


class ImpermanentLossIn(Input):
    """A position opened at `entry_price` with `deposit`, valued at each of `prices`."""

    entry_price: Annotated[PoolPrice, doc("Price at which the position is opened")]
    prices: Annotated[list[PoolPrice], doc(f"1 to {MAX_PRICES:,} later prices")]
    deposit: Annotated[TokenAmount, doc("Value deposited, in token1 (default 1)")] = TokenAmount(
        "1"
    )
    range: Annotated[PoolRangeIn | None, doc("Concentrated range; null: the full range (v2)")] = (
        None
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        msgspec.structs.force_setattr(self, "prices", _decimals(self.prices))

    def to_request(self) -> ImpermanentLossRequest:
        return ImpermanentLossRequest(
            entry_price=Decimal(self.entry_price),
            prices=self.prices,
            deposit=Decimal(self.deposit),
            lower=None if self.range is None else Decimal(self.range.lower),
            upper=None if self.range is None else Decimal(self.range.upper),
        )


class LpPositionPointOut(Output):
    price: str
    amount0: str
    amount1: str
    lp_value: str
    hold_value: str
    loss_value: str
    impermanent_loss: str
    in_range: bool

    @classmethod
    def from_domain(cls, p: PositionAtPrice) -> LpPositionPointOut:
        amounts = ("price", "amount0", "amount1", "lp_value", "hold_value", "loss_value")
        return cls.from_attributes(p, **plain_fields(p, *amounts, "impermanent_loss"))


class LpPositionOut(Output):
    model: str  # "constant_product_v2" or "concentrated_v3"
    entry_price: str
    deposit: str
    lower: str | None
    upper: str | None
    liquidity: str
    amount0: str
    amount1: str
    liquidity_multiple: str


class ImpermanentLossOut(Output):
    position: LpPositionOut
    points: list[LpPositionPointOut]
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, report: ImpermanentLossReport) -> ImpermanentLossOut:
        p = report.position
        span = p.price_range
        amounts = ("entry_price", "deposit", "liquidity", "amount0", "amount1")
        position = LpPositionOut(
            model="constant_product_v2" if span is None else "concentrated_v3",
            lower=None if span is None else plain_decimal(span.lower),
            upper=None if span is None else plain_decimal(span.upper),
            **plain_fields(p, *amounts, "liquidity_multiple"),
        )
        points = [LpPositionPointOut.from_domain(x) for x in report.points]
        return cls(position=position, points=points, conventions=IL_CONVENTIONS)


# --- pool drain ----------------------------------------------------------------------------

DRAIN_CONVENTIONS = {
    "drop": "1 - TVL(t) / max TVL over [t - window, t]: a fraction (0.3 = fell 30%)",
    "alert": "consecutive observations with drop >= threshold; reported with its deepest "
    "point (trough) and the peak it was measured from",
    "alerting": "the last observation breaches: the pool is draining now",
    "units": "TVL in the unit posted (USD or the quote token); drops are fractions",
}


class PoolDrainIn(Input):
    """A pool's TVL series: `at` and `tvl` pair up; timestamps strictly increasing."""

    at: Annotated[list[datetime], doc(f"2 to {MAX_TVL_POINTS:,} RFC 3339 times with a zone")]
    tvl: Annotated[list[TvlAmount], doc("TVL at each time, >= 0")]
    window_hours: Annotated[float, msgspec.Meta(gt=0, le=8784, description="Window, hours")] = 24
    threshold: Annotated[Fraction, doc("Drop that alerts, fraction (default 0.3)")] = Fraction(
        "0.3"
    )

    def __post_init__(self) -> None:
        super().__post_init__()
        msgspec.structs.force_setattr(self, "tvl", _decimals(self.tvl))

    def to_request(self) -> PoolDrainRequest:
        return PoolDrainRequest(
            at=self.at,
            tvl=self.tvl,
            window=timedelta(hours=self.window_hours),
            threshold=Decimal(self.threshold),
        )


class PoolDrainAlertOut(Output):
    start: datetime
    end: datetime
    peak_at: datetime
    peak_tvl: str
    trough_at: datetime
    trough_tvl: str
    max_drop: str
    observations: int

    @classmethod
    def from_domain(cls, a: DrainAlert) -> PoolDrainAlertOut:
        return cls.from_attributes(a, **plain_fields(a, "peak_tvl", "trough_tvl", "max_drop"))


class PoolDrainOut(Output):
    window_hours: AnalyticOut
    threshold: str
    alerting: bool
    latest_drop: str
    max_drop: str
    alerts: list[PoolDrainAlertOut]
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, report: DrainReport) -> PoolDrainOut:
        return cls.from_attributes(
            report,
            window_hours=report.window.total_seconds() / 3600,
            **plain_fields(report, "threshold", "latest_drop", "max_drop"),
            alerts=[PoolDrainAlertOut.from_domain(a) for a in report.alerts],
            conventions=DRAIN_CONVENTIONS,
        )


# --- gas -----------------------------------------------------------------------------------

GAS_CONVENTIONS = {
    "units": "gwei (1e-9 ETH per unit of gas)",
    "z": "(gwei - mean) / std of the `window` observations before (sample std, ddof 1); a "
    "spike when z > threshold; a flat window (std <= 1e-9 x mean): z null, a spike when the "
    "price rises above its mean",
    "hour_of_week": "0 = Monday 00:00-00:59 ... 167 = Sunday 23:00-23:59, in `timezone`",
    "cheapest": "the `hours` consecutive hours (wrapping Sunday to Monday) with the lowest "
    "mean of hourly medians, each hour holding >= min_samples observations",
    "savings": "1 - cheapest mean median / median of all observations",
}


_GasChainId = Annotated[
    int,
    msgspec.Meta(
        ge=1,
        le=2**53,
        description="Instead of `at` and `gwei`: the chain whose latest blocks' base fees per gas "
        "(gwei, at the blocks' timestamps) are the series",
    ),
]


class GasIn(Input):
    """A gas-price history: `at` and `gwei` pair up, timestamps strictly increasing; or, instead,
    `chain_id`: the chain's latest `blocks` base fees read live (eth_feeHistory)."""

    at: Annotated[list[datetime], doc(f"Up to {MAX_GAS_POINTS:,} RFC 3339 times with a zone")] = (
        msgspec.field(default_factory=list)
    )
    gwei: Annotated[
        list[Annotated[float, msgspec.Meta(ge=0, le=1e9)]],
        doc("Gas price at each time, gwei, 0 to 1e9"),
    ] = msgspec.field(default_factory=list)
    chain_id: _GasChainId | None = None
    blocks: Annotated[
        int,
        msgspec.Meta(ge=1, le=MAX_FEE_BLOCKS, description="With chain_id: how many blocks"),
    ] = 256
    window: Annotated[int, msgspec.Meta(ge=2, le=10_000, description="Observations scored")] = 24
    threshold: Annotated[float, msgspec.Meta(gt=0, le=100, description="z that spikes")] = 3.0
    hours: Annotated[int, msgspec.Meta(ge=1, le=168, description="Cheapest block, hours")] = 1
    min_samples: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 1
    timezone: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] = "UTC"

    def to_request(self) -> GasRequest:
        return self.onto(GasRequest)

    def to_chain_request(self) -> ChainGasRequest | None:
        """The request on the chain's own series, or None when a series is posted."""
        if self.chain_id is None:
            return None
        if self.at or self.gwei:
            raise InvalidCryptoInput("give chain_id or a posted series, not both", field="chain_id")
        return self.onto(ChainGasRequest)


class GasSpikeOut(Mirror[GasSpike]):
    at: datetime
    gwei: AnalyticOut
    mean: AnalyticOut
    std: AnalyticOut
    z: AnalyticOut | None


class GasHourOut(Output):
    hour_of_week: int
    weekday: str
    hour: int
    median: AnalyticOut | None
    count: int


class GasCheapestWindowOut(Output):
    hours: int
    timezone: str
    start_hour_of_week: int | None
    start_weekday: str | None
    start_hour: int | None
    mean_median_gwei: AnalyticOut | None
    overall_median_gwei: AnalyticOut
    savings: AnalyticOut | None
    by_hour: list[GasHourOut]

    @classmethod
    def from_domain(cls, c: CheapestWindow, zone: str) -> GasCheapestWindowOut:
        start = c.start_hour_of_week
        return cls.from_attributes(
            c,
            timezone=zone,
            start_weekday=None if start is None else WEEKDAYS[start // 24],
            start_hour=None if start is None else start % 24,
            mean_median_gwei=c.mean_median,
            overall_median_gwei=c.overall_median,
            by_hour=[GasHourOut.from_attributes(b) for b in c.buckets],
        )


class GasOut(Output):
    observations: int
    window: int
    threshold: AnalyticOut
    spike_count: int
    spikes: Annotated[list[GasSpikeOut], doc(f"The first {MAX_SPIKES:,} spikes, by time")]
    latest: GasSpikeOut | None
    latest_is_spike: bool
    cheapest: GasCheapestWindowOut
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, r: GasReport) -> GasOut:
        return cls.from_attributes(
            r,
            window=r.request.window,
            threshold=r.request.threshold,
            spikes=[GasSpikeOut.from_domain(s) for s in r.spikes],
            latest=None if r.latest is None else GasSpikeOut.from_domain(r.latest),
            cheapest=GasCheapestWindowOut.from_domain(r.cheapest, r.request.timezone),
            conventions=GAS_CONVENTIONS,
        )
