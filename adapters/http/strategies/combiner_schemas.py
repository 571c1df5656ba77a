"""The learned combiner's report on the wire: the query (a symbol's stored daily bars over a
range) and the weights learned with their out-of-sample hit rates and ICs.

Weights are log-odds of a rise per unit of a source's score, hit rates fractions in [0, 1], ICs
rank correlations in [-1, 1]: analytic numbers, null where they do not exist for the data.
"""

from __future__ import annotations

from datetime import date

import msgspec

from adapters.http.schemas.common import Input, Output, Symbol
from adapters.http.wire_format import AnalyticOut
from application.strategies.combiner_report import CombinerQuery, CombinerReport
from domain.strategies.combiner import Quality, Weights


class CombinerIn(Input):
    """Judge the strategy's learned combiner on `symbol`'s stored daily bars from `from` to `to`
    (inclusive UTC days); `adjusted` for split- and dividend-adjusted bars."""

    symbol: Symbol
    from_: date = msgspec.field(name="from")
    to: date
    adjusted: bool = False

    def to_query(self, strategy_id: str) -> CombinerQuery:
        return CombinerQuery(
            strategy_id, self.symbol.strip().upper(), self.from_, self.to, self.adjusted
        )


class WeightsOut(Output):
    """An intercept and one weight per source, in the strategy's source order."""

    intercept: AnalyticOut
    weights: list[AnalyticOut]

    @classmethod
    def of(cls, weights: Weights) -> WeightsOut:
        return cls(intercept=weights.intercept, weights=list(weights.weights))


class RefitOut(Output):
    """One fit of the walk: at the close of `day`, on the `samples` bars before it."""

    day: date
    samples: int
    intercept: AnalyticOut
    weights: list[AnalyticOut]


class QualityOut(Output):
    """One signal over the out-of-sample days: `hit_rate` is hits / active_days (days where
    the signal and the next return are both non-zero), `ic` Spearman's rank correlation of
    the signal with the next day's return."""

    signal: str  # "learned", "stated", or a source's label
    days: int
    active_days: int
    hits: int
    hit_rate: AnalyticOut | None
    ic: AnalyticOut | None

    @classmethod
    def of(cls, signal: str, quality: Quality) -> QualityOut:
        return cls.from_attributes(quality, signal=signal)


class OutOfSampleOut(Output):
    from_: date = msgspec.field(name="from")
    to: date
    days: int


class CombinerReportOut(Output):
    """The learned weights (the last fit, and every fit in order) and how the learned score,
    the stated-weights fusion and each source alone did on the same out-of-sample days."""

    strategy_id: str
    symbol: str
    from_: date = msgspec.field(name="from")
    to: date
    bars: int
    method: str  # logistic_l2: scikit-learn's L2 logistic regression of the next day's direction
    training_bars: int
    refit_bars: int
    sources: list[str]  # the sources' labels, in order
    stated_weights: list[AnalyticOut]
    learned_weights: WeightsOut | None  # the last fit; null when no window could be fitted
    refits: list[RefitOut]
    out_of_sample: OutOfSampleOut | None
    quality: list[QualityOut]  # learned, stated, then each source in order

    @classmethod
    def from_domain(cls, r: CombinerReport) -> CombinerReportOut:
        window = r.out_of_sample
        return cls.from_attributes(
            r, from_=r.start, to=r.end, sources=list(r.labels),
            stated_weights=list(r.stated_weights),
            learned_weights=WeightsOut.of(r.refits[-1].weights) if r.refits else None,
            refits=[
                RefitOut(
                    day=f.day, samples=f.samples, intercept=f.weights.intercept,
                    weights=list(f.weights.weights),
                )
                for f in r.refits
            ],
            out_of_sample=None if window is None else OutOfSampleOut(
                from_=window[0], to=window[1], days=r.learned.days
            ),
            quality=[
                QualityOut.of("learned", r.learned),
                QualityOut.of("stated", r.stated),
                *(QualityOut.of(label, q) for label, q in zip(r.labels, r.sources, strict=True)),
            ],
        )  # fmt: skip
