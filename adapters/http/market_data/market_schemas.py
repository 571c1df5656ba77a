"""Market-data DTOs: depth-of-market analysis, and bars with indicator columns (NaN as null)."""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal

from adapters.http.schemas.common import Mirror, Output
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from application.market_data.market import BarsWithIndicators, DepthScreen, IndicatorSeries
from domain.market_data.bars import Bar, FloatArray
from domain.market_data.depth import DepthAnalysis, DepthLevel, Spread, WhaleOrder, WhaleRule
from domain.market_data.level_gaps import LevelGap

# Derived figures are exact Decimals with up to 28 digits; these are the digits worth showing.
_BPS_PLACES = Decimal("0.0001")
_RATIO_PLACES = Decimal("0.000001")
_PRICE_PLACES = Decimal("0.00000001")


def _shown(value: Decimal, places: Decimal) -> Decimal:
    rounded = value.quantize(places)
    return value if rounded == value else rounded  # short values keep their own digits


def _maybe(value: Decimal | None, places: Decimal) -> Decimal | None:
    return None if value is None else _shown(value, places)


class DepthLevelOut(Mirror[DepthLevel]):
    """A level with the size and notional at it and at every better price."""

    price: PriceOut
    size: QuantityOut
    cumulative_size: QuantityOut
    cumulative_notional: MoneyOut
    orders: int | None = None


class SpreadOut(Output):
    """Best ask - best bid, and that gap in basis points of the mid."""

    absolute: PriceOut
    bps: RateOut

    @classmethod
    def from_domain(cls, spread: Spread) -> SpreadOut:
        return cls(absolute=spread.absolute, bps=_shown(spread.bps, _BPS_PLACES))


class WhaleOut(Output):
    """An outsized level: `by_size` (>= whale_size), `by_z` (z-score >= whale_z), or both."""

    side: str
    price: PriceOut
    size: QuantityOut
    z: AnalyticOut
    by_size: bool
    by_z: bool

    @classmethod
    def from_domain(cls, whale: WhaleOrder) -> WhaleOut:
        return cls.from_attributes(whale, side=whale.side.value, z=round(whale.z, 4))


class WhaleRuleOut(Output):
    z: AnalyticOut
    min_size: QuantityOut | None
    method: str

    @classmethod
    def from_domain(cls, rule: WhaleRule) -> WhaleRuleOut:
        return cls(z=rule.z, min_size=rule.min_size, method=rule.method.value)


class LevelGapOut(Output):
    """The price gap between level `level` and `level + 1` of one side (1 = the best), and
    that gap in bps of the nearer level's price."""

    side: str
    level: int
    near: PriceOut
    far: PriceOut
    gap: PriceOut
    bps: RateOut

    @classmethod
    def from_domain(cls, gap: LevelGap) -> LevelGapOut:
        return cls.from_attributes(gap, side=gap.side.value, bps=_shown(gap.bps, _BPS_PLACES))


class BookSourceOut(Output):
    """Where the book came from and what it can show: `levels` is the deeper side's count;
    `kind` depth | top_of_book | simulated; `depth_meaningful` false (with `note` saying why)
    when cumulative depth, level gaps and whales do not describe a market."""

    source: str
    kind: str
    levels: int
    bid_levels: int
    ask_levels: int
    depth_meaningful: bool
    note: str | None

    @classmethod
    def from_screen(cls, screen: DepthScreen) -> BookSourceOut:
        return cls(
            source=screen.source,
            kind=screen.kind.value,
            levels=screen.levels,
            bid_levels=screen.bid_levels,
            ask_levels=screen.ask_levels,
            depth_meaningful=screen.depth_meaningful,
            note=screen.note,
        )


class DepthOut(Output):
    """The depth-of-market screen: levels best first, with cumulative depth; whale orders;
    the gaps between levels behind the touch; the book's source and how many levels it had."""

    symbol: str
    at: datetime
    mid: PriceOut | None
    microprice: PriceOut | None
    spread: SpreadOut | None
    imbalance: RateOut | None
    imbalance_levels: int
    bids: list[DepthLevelOut]
    asks: list[DepthLevelOut]
    whales: list[WhaleOut]
    whale_rule: WhaleRuleOut
    book: BookSourceOut
    level_gaps: list[LevelGapOut]
    widest_gap: LevelGapOut | None

    @classmethod
    def from_screen(cls, screen: DepthScreen) -> DepthOut:
        analysis: DepthAnalysis = screen.analysis
        widest = screen.widest_gap
        return cls.from_attributes(
            analysis,
            book=BookSourceOut.from_screen(screen),
            level_gaps=[LevelGapOut.from_domain(gap) for gap in screen.gaps],
            widest_gap=None if widest is None else LevelGapOut.from_domain(widest),
            microprice=_maybe(analysis.microprice, _PRICE_PLACES),
            spread=None if analysis.spread is None else SpreadOut.from_domain(analysis.spread),
            imbalance=_maybe(analysis.imbalance, _RATIO_PLACES),
            bids=[DepthLevelOut.from_domain(level) for level in analysis.bids],
            asks=[DepthLevelOut.from_domain(level) for level in analysis.asks],
            whales=[WhaleOut.from_domain(whale) for whale in analysis.whales],
            whale_rule=WhaleRuleOut.from_domain(analysis.rule),
        )


class BarOut(Mirror[Bar]):
    """One candle: [start, start + timeframe)."""

    start: datetime
    open: PriceOut
    high: PriceOut
    low: PriceOut
    close: PriceOut
    volume: QuantityOut
    vwap: PriceOut | None = None
    trades: int | None = None


def _column(values: FloatArray) -> list[float | None]:
    return [None if math.isnan(v) else v for v in values.tolist()]


class IndicatorOut(Output):
    """One indicator: each column a list aligned with `bars`, null where it has no value yet."""

    key: str
    name: str
    params: list[int | AnalyticOut | str]
    lookback: int
    columns: dict[str, list[AnalyticOut | None]]

    @classmethod
    def from_domain(cls, series: IndicatorSeries) -> IndicatorOut:
        return cls(
            key=series.spec.key,
            name=series.spec.name,
            params=list(series.spec.params),
            lookback=series.spec.lookback,
            columns={name: _column(values) for name, values in series.columns.items()},
        )


class BarsOut(Output):
    """The latest bars, oldest first, and the requested indicators over them."""

    symbol: str
    timeframe: str
    computed_at: datetime
    bars: list[BarOut]
    indicators: list[IndicatorOut]

    @classmethod
    def from_domain(cls, result: BarsWithIndicators) -> BarsOut:
        return cls.from_attributes(
            result,
            timeframe=result.timeframe.value,
            bars=[BarOut.from_domain(bar) for bar in result.bars],
            indicators=[IndicatorOut.from_domain(series) for series in result.indicators],
        )
