"""Strategy DTOs: the definition on the wire (sources, sizing, entry, exit), decisions, signals.

Numbers that are money or fractions use the strict wire types; scores are floats in [-1, 1]
(as the signals listing gives them). An omitted `sizing` / `entry` / `exit` takes the defaults
(1 % risk, 10 % position cap; |score| >= 0.5; 5 % stop-loss, 10 % take-profit); inside a given
`exit`, an omitted level means none (so `{"stop_loss_atr": "2"}` has no fractional stop).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output, Symbol
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import Fraction, Money, Multiple, Price
from application.strategies.service import StrategyDraft, StrategyPatch
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.definition import (
    MAX_ACCOUNTS,
    MAX_HOLDING_BARS,
    MAX_NAME_LENGTH,
    MAX_SOURCES,
    MAX_SYMBOLS_PER_SOURCE,
    Combine,
    Combiner,
    EntryRules,
    ExitRules,
    InvalidStrategy,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from ports.strategies.strategies import Decision

Ident = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_LENGTH)]
Passcode = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
Threshold = Annotated[float, msgspec.Meta(gt=0, le=1)]
Score = Annotated[float, msgspec.Meta(ge=-1, le=1)]
Bars = Annotated[int, msgspec.Meta(ge=1, le=MAX_HOLDING_BARS)]


KINDS = ", ".join(kind.value for kind in SourceKind)


class SourceIn(Input):
    """Signals to follow: `pattern` (the pattern engine), `external` (an agent's POST; `name`
    is the agent id, none = any of your agents), `model` or `sentiment` (the named `symbols`'
    news: the mean score of the items of the last `window_hours`, default 24, with at least
    `min_items`, default 3). Empty `symbols`: every symbol. `weight`: the source's weight in a
    weighted strategy's fused score (docs/strategies.md). An unknown `kind` is 422."""

    kind: Annotated[str, msgspec.Meta(max_length=32, description=f"One of: {KINDS}")]
    symbols: Annotated[list[Symbol], msgspec.Meta(max_length=MAX_SYMBOLS_PER_SOURCE)] = (
        msgspec.field(default_factory=list)
    )
    timeframe: Timeframe | None = None
    pattern: Pattern | None = None
    name: Ident | None = None
    weight: float = 1.0
    window_hours: float | None = None
    min_items: int | None = None

    def to_domain(self) -> SignalSource:
        try:
            kind = SourceKind(self.kind)
        except ValueError:
            raise InvalidStrategy(
                f"unknown source kind {self.kind!r} (known: {KINDS})", field="sources.kind"
            ) from None
        return SignalSource(
            kind,
            frozenset(s.strip().upper() for s in self.symbols),
            self.timeframe,
            self.pattern,
            self.name,
            weight=self.weight,
            window_hours=self.window_hours,
            min_items=self.min_items,
        )


class SizingIn(Input):
    """How entries are sized: fixed_fraction, volatility or fixed_notional (docs/strategies.md)."""

    method: SizingMethod = SizingMethod.FIXED_FRACTION
    risk_fraction: Fraction | None = None
    max_position_fraction: Fraction | None = None
    volatility_multiple: Multiple | None = None
    notional: Money | None = None

    def to_domain(self) -> SizingPolicy:
        defaults = SizingPolicy()
        return SizingPolicy(
            method=self.method,
            risk_fraction=_plain(self.risk_fraction) or defaults.risk_fraction,
            max_position_fraction=_plain(self.max_position_fraction)
            or defaults.max_position_fraction,
            volatility_multiple=_plain(self.volatility_multiple) or defaults.volatility_multiple,
            notional=_plain(self.notional),
        )


class EntryIn(Input):
    """Enter when |score| >= min_score; a bearish signal opens a short only with allow_short.
    `combine`: `each` (every source's signal decides alone) or `weighted` (the fused score
    sum(weight x score) of the sources' latest readings at most `reading_max_age_hours` old
    decides; docs/strategies.md). `combiner` (weighted only): `stated` (the sources' weights)
    or `learned` (weights fitted walk-forward on the last `training_bars` bars, refitted every
    `refit_bars` bars; backtested and evaluated, its mode stays off)."""

    min_score: Threshold = 0.5
    allow_short: bool = False
    combine: Combine = Combine.EACH
    reading_max_age_hours: float = 24.0
    combiner: Combiner = Combiner.STATED
    training_bars: int = 250
    refit_bars: int = 20

    def to_domain(self) -> EntryRules:
        return EntryRules(
            self.min_score, self.allow_short, self.combine, self.reading_max_age_hours,
            self.combiner, self.training_bars, self.refit_bars,
        )  # fmt: skip


class ExitIn(Input):
    """Brackets fixed at entry (fractions of the entry price, or ATRs), exit on an opposite
    signal with |score| >= exit_score, or after max_holding_bars bars."""

    stop_loss_fraction: Fraction | None = None
    stop_loss_atr: Multiple | None = None
    take_profit_fraction: Multiple | None = None
    exit_score: Threshold | None = None
    max_holding_bars: Bars | None = None

    def to_domain(self) -> ExitRules:
        return ExitRules(
            stop_loss_fraction=_plain(self.stop_loss_fraction),
            stop_loss_atr=_plain(self.stop_loss_atr),
            take_profit_fraction=_plain(self.take_profit_fraction),
            exit_score=self.exit_score,
            max_holding_bars=self.max_holding_bars,
        )


class StrategyIn(Input):
    """A new strategy. `live` mode needs `passcode` (your kill-switch passcode)."""

    name: Name
    account_ids: Annotated[list[Ident], msgspec.Meta(min_length=1, max_length=MAX_ACCOUNTS)]
    sources: Annotated[list[SourceIn], msgspec.Meta(max_length=MAX_SOURCES)]
    sizing: SizingIn | None = None
    entry: EntryIn | None = None
    exit: ExitIn | None = None
    mode: StrategyMode = StrategyMode.OFF
    passcode: Passcode | None = None
    confirm_risk: Annotated[
        bool, msgspec.Meta(description="Run live although above your risk tolerance (audited)")
    ] = False

    def to_draft(self) -> StrategyDraft:
        return StrategyDraft(
            name=self.name,
            account_ids=tuple(self.account_ids),
            sources=tuple(s.to_domain() for s in self.sources),
            sizing=self.sizing.to_domain() if self.sizing is not None else SizingPolicy(),
            entry=self.entry.to_domain() if self.entry is not None else EntryRules(),
            exit=self.exit.to_domain() if self.exit is not None else ExitRules(),
            mode=self.mode,
            passcode=self.passcode,
            confirm_risk=self.confirm_risk,
        )


class StrategyPatchIn(Input):
    """A change of the strategy read at `version`; omitted parts stay as they are."""

    version: Annotated[int, msgspec.Meta(ge=0)]
    name: Name | None = None
    account_ids: (
        Annotated[list[Ident], msgspec.Meta(min_length=1, max_length=MAX_ACCOUNTS)] | None
    ) = None
    sources: Annotated[list[SourceIn], msgspec.Meta(max_length=MAX_SOURCES)] | None = None
    sizing: SizingIn | None = None
    entry: EntryIn | None = None
    exit: ExitIn | None = None
    mode: StrategyMode | None = None
    passcode: Passcode | None = None
    confirm_risk: Annotated[
        bool, msgspec.Meta(description="Run live although above your risk tolerance (audited)")
    ] = False

    def to_patch(self) -> StrategyPatch:
        return self.into(
            StrategyPatch,
            account_ids=None if self.account_ids is None else tuple(self.account_ids),
            sources=None if self.sources is None else tuple(s.to_domain() for s in self.sources),
            sizing=None if self.sizing is None else self.sizing.to_domain(),
            entry=None if self.entry is None else self.entry.to_domain(),
            exit=None if self.exit is None else self.exit.to_domain(),
        )


class ExternalSignalIn(Input):
    """An agent's signal. `id` (yours) makes a resend decide nothing twice; without `price`
    the symbol's current reference price is used; `atr` enables volatility sizing/ATR stops."""

    symbol: Symbol
    score: Score
    price: Price | None = None
    atr: Price | None = None
    id: Ident | None = None
    timeframe: Timeframe | None = None


# -- out -------------------------------------------------------------------------------------
class SourceOut(Output):
    kind: str
    symbols: list[str]
    timeframe: str | None
    pattern: str | None
    name: str | None
    weight: AnalyticOut
    window_hours: AnalyticOut | None
    min_items: int | None


class SizingOut(Output):
    method: str
    risk_fraction: RateOut
    max_position_fraction: RateOut
    volatility_multiple: RateOut
    notional: MoneyOut | None


class EntryOut(Output):
    min_score: AnalyticOut
    allow_short: bool
    combine: str
    reading_max_age_hours: AnalyticOut
    combiner: str
    training_bars: int
    refit_bars: int


class ExitOut(Output):
    stop_loss_fraction: RateOut | None
    stop_loss_atr: RateOut | None
    take_profit_fraction: RateOut | None
    exit_score: AnalyticOut | None
    max_holding_bars: int | None


class StrategyOut(Output):
    """A strategy; `version` goes back in a PATCH."""

    id: str
    owner_id: str
    name: str
    account_ids: list[str]
    sources: list[SourceOut]
    sizing: SizingOut
    entry: EntryOut
    exit: ExitOut
    mode: str
    version: int
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def from_domain(cls, s: Strategy) -> StrategyOut:
        return cls.from_attributes(
            s,
            account_ids=list(s.account_ids),
            sources=[
                SourceOut(
                    kind=src.kind.value,
                    symbols=sorted(src.symbols),
                    timeframe=None if src.timeframe is None else src.timeframe.value,
                    pattern=None if src.pattern is None else src.pattern.value,
                    name=src.name,
                    weight=src.weight,
                    window_hours=src.window_hours,
                    min_items=src.min_items,
                )
                for src in s.sources
            ],
            sizing=SizingOut.from_attributes(s.sizing, method=s.sizing.method.value),
            entry=EntryOut(
                min_score=s.entry.min_score,
                allow_short=s.entry.allow_short,
                combine=s.entry.combine.value,
                reading_max_age_hours=s.entry.reading_max_age_hours,
                combiner=s.entry.combiner.value,
                training_bars=s.entry.training_bars,
                refit_bars=s.entry.refit_bars,
            ),
            exit=ExitOut.from_attributes(s.exit),
            mode=s.mode.value,
        )


class SizingInputsOut(Output):
    method: str
    equity: MoneyOut
    price: PriceOut
    atr: PriceOut | None
    explanation: str


class DecisionOut(Output):
    """One decision: the trigger, the intent and what the gate said (or why nothing was sent)."""

    id: str
    strategy_id: str
    account_id: str
    trigger: str
    decided_at: datetime
    mode: str
    symbol: str
    signal_kind: str
    signal_id: str | None
    score: AnalyticOut | None
    price: PriceOut | None
    action: str
    reason: str
    side: str | None
    quantity: QuantityOut
    stop: PriceOut | None
    take_profit: PriceOut | None
    exit_reason: str | None
    sizing: SizingInputsOut | None
    order_id: str | None
    verdict: str
    verdict_reasons: list[str]

    @classmethod
    def from_domain(cls, d: Decision) -> DecisionOut:
        sizing = d.sizing
        return cls.from_attributes(
            d,
            mode=d.mode.value,
            action=d.action.value,
            side=None if d.side is None else d.side.value,
            exit_reason=None if d.exit_reason is None else d.exit_reason.value,
            sizing=None if sizing is None else SizingInputsOut.from_attributes(sizing),
            verdict=d.verdict.value,
            verdict_reasons=list(d.verdict_reasons),
        )


class DecisionPageOut(ItemsOut):
    items: list[DecisionOut]
    next_cursor: str | None


class ExternalSignalOut(Output):
    """The signal as recorded and what each following strategy decided."""

    signal_id: str
    decisions: list[DecisionOut]


def _plain(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)
