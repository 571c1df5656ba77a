"""A strategy's definition: whose it is, what it trades, which signals it follows, how it sizes,
when it enters and leaves, and in which mode it runs.

The definition is data only: the decisions it implies are taken by domain/strategies/decide.py,
the same code for the live processor and for backtests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.numbers import ONE, ZERO

MAX_SOURCES = 32
MAX_ACCOUNTS = 32
MAX_SYMBOLS_PER_SOURCE = 500
MAX_NAME_LENGTH = 120
MAX_HOLDING_BARS = 100_000
MAX_WEIGHT = 100.0
MAX_SENTIMENT_WINDOW_HOURS = 24.0 * 30
MAX_SENTIMENT_ITEMS = 10_000
MAX_READING_AGE_HOURS = 24.0 * 365
MIN_TRAINING_BARS = 20
MAX_TRAINING_BARS = 5_000
MAX_REFIT_BARS = 1_000


class InvalidStrategy(DomainError):
    """A strategy definition is incomplete or inconsistent (the field at fault is named)."""

    code = "INVALID_STRATEGY"


class StrategyMode(StrEnum):
    """What the strategy does with its decisions.

    off: ignores signals. shadow: decides and records, sends no order. paper: orders on paper
    accounts only. live: orders on any of its accounts (enabling it needs the owner's passcode).
    """

    OFF = "off"
    SHADOW = "shadow"
    PAPER = "paper"
    LIVE = "live"


class SourceKind(StrEnum):
    """Where a signal comes from: the pattern engine, an agent's POST, a model's score, the
    symbol's scored news (domain/strategies/fusion.py states each kind's score)."""

    PATTERN = "pattern"
    EXTERNAL = "external"
    MODEL = "model"
    SENTIMENT = "sentiment"


class Combine(StrEnum):
    """How a strategy's sources decide.

    each: every source's signal decides alone (its score against the entry threshold).
    weighted: the fused score sum(w_i * s_i) over each source's latest reading decides
    (domain/strategies/fusion.py); a reading counts while it is at most
    `reading_max_age_hours` old.
    """

    EACH = "each"
    WEIGHTED = "weighted"


class Combiner(StrEnum):
    """Where a weighted strategy's weights come from.

    stated: the sources' own `weight`s (the fused score sum(w_i * s_i), clipped).
    learned: weights fitted on outcomes, walk-forward (domain/strategies/combiner.py): at every
    `refit_bars`-th bar a logistic regression of the next bar's direction on the sources'
    readings over the last `training_bars` bars, the score 2p - 1 of its probability p of a
    rise. Backtested, evaluated, and run in shadow, paper and live mode with the weights
    fitted on the symbol's stored daily bars (application/strategies/live_combiner.py).
    """

    STATED = "stated"
    LEARNED = "learned"


class SizingMethod(StrEnum):
    """How an entry is sized (domain/risk/sizing.py does the arithmetic).

    fixed_fraction: risk `risk_fraction` of equity between entry and the stop-loss.
    volatility: the same with the stop `volatility_multiple` ATRs away.
    fixed_notional: `notional` of base currency at the signal's price.
    Each is capped at `max_position_fraction` of equity and rounded down to whole lots.
    """

    FIXED_FRACTION = "fixed_fraction"
    VOLATILITY = "volatility"
    FIXED_NOTIONAL = "fixed_notional"


@dataclass(frozen=True, slots=True)
class SignalSource:
    """A stream of signals the strategy follows. Empty `symbols` means every symbol; a None
    `timeframe` / `pattern` / `name` means any. `name` identifies an external or model source
    (e.g. the agent id that posts it).

    `weight` is the source's weight in a `weighted` strategy's fused score (finite, at most
    MAX_WEIGHT in absolute value; a negative weight reads the source contrarian). A sentiment
    source names its symbols and reads the mean score of the symbol's news items published in
    the last `window_hours` (default 24), when at least `min_items` (default 3) were.
    """

    kind: SourceKind
    symbols: frozenset[str] = frozenset()
    timeframe: Timeframe | None = None
    pattern: Pattern | None = None
    name: str | None = None
    weight: float = 1.0
    window_hours: float | None = None
    min_items: int | None = None

    def __post_init__(self) -> None:
        if self.pattern is not None and self.kind is not SourceKind.PATTERN:
            raise InvalidStrategy("only a pattern source names a pattern", field="sources")
        if not math.isfinite(self.weight) or abs(self.weight) > MAX_WEIGHT:
            raise InvalidStrategy(
                f"a source's weight must be finite and within +-{MAX_WEIGHT}",
                field="sources.weight",
            )
        sentiment = self.kind is SourceKind.SENTIMENT
        if not sentiment and (self.window_hours is not None or self.min_items is not None):
            raise InvalidStrategy(
                "only a sentiment source has window_hours and min_items", field="sources"
            )
        if sentiment and not self.symbols:
            raise InvalidStrategy(
                "a sentiment source names the symbols whose news it reads",
                field="sources.symbols",
            )
        if self.window_hours is not None and not (
            math.isfinite(self.window_hours) and 0 < self.window_hours <= MAX_SENTIMENT_WINDOW_HOURS
        ):
            raise InvalidStrategy(
                f"window_hours must be in (0, {MAX_SENTIMENT_WINDOW_HOURS:g}]",
                field="sources.window_hours",
            )
        if self.min_items is not None and not 1 <= self.min_items <= MAX_SENTIMENT_ITEMS:
            raise InvalidStrategy(
                f"min_items must be in 1..{MAX_SENTIMENT_ITEMS}", field="sources.min_items"
            )
        if len(self.symbols) > MAX_SYMBOLS_PER_SOURCE:
            raise InvalidStrategy(
                f"a source follows at most {MAX_SYMBOLS_PER_SOURCE} symbols", field="sources"
            )
        if any(not symbol or symbol != symbol.strip() for symbol in self.symbols):
            raise InvalidStrategy("symbols must be non-empty and unpadded", field="sources")

    @property
    def sentiment_window_hours(self) -> float:
        return self.window_hours if self.window_hours is not None else 24.0

    @property
    def sentiment_min_items(self) -> int:
        return self.min_items if self.min_items is not None else 3

    @property
    def sentiment_key(self) -> str:
        """A sentiment reading's `name`: its window and minimum count ("24h/3")."""
        return f"{self.sentiment_window_hours:g}h/{self.sentiment_min_items}"


@dataclass(frozen=True, slots=True)
class SizingPolicy:
    """The sizing method and its parameters (fractions of equity, in (0, 1])."""

    method: SizingMethod = SizingMethod.FIXED_FRACTION
    risk_fraction: Decimal = Decimal("0.01")
    max_position_fraction: Decimal = Decimal("0.10")
    volatility_multiple: Decimal = Decimal(2)
    notional: Decimal | None = None

    def __post_init__(self) -> None:
        for name in ("risk_fraction", "max_position_fraction"):
            value: Decimal = getattr(self, name)
            if not ZERO < value <= ONE:
                raise InvalidStrategy(f"{name} must be in (0, 1], got {value}", field=name)
        if self.volatility_multiple <= ZERO:
            raise InvalidStrategy(
                "volatility_multiple must be positive", field="volatility_multiple"
            )
        if self.method is SizingMethod.FIXED_NOTIONAL:
            if self.notional is None or self.notional <= ZERO:
                raise InvalidStrategy(
                    "fixed_notional sizing needs a positive notional", field="notional"
                )
        elif self.notional is not None:
            raise InvalidStrategy("notional is only for fixed_notional sizing", field="notional")


@dataclass(frozen=True, slots=True)
class EntryRules:
    """Enter when |score| >= `min_score` (scores are in [-1, 1]; the sign is the direction).

    A bullish signal opens a long; a bearish one opens a short only with `allow_short`.
    With `combine` weighted, the score is the fused score of the sources (see Combine), with
    the sources' stated weights or, with `combiner` learned, weights fitted walk-forward on the
    last `training_bars` bars and refitted every `refit_bars` bars (see Combiner).
    """

    min_score: float = 0.5
    allow_short: bool = False
    combine: Combine = Combine.EACH
    reading_max_age_hours: float = 24.0
    combiner: Combiner = Combiner.STATED
    training_bars: int = 250
    refit_bars: int = 20

    def __post_init__(self) -> None:
        if not 0.0 < self.min_score <= 1.0:
            raise InvalidStrategy("min_score must be in (0, 1]", field="min_score")
        if not (
            math.isfinite(self.reading_max_age_hours)
            and 0 < self.reading_max_age_hours <= MAX_READING_AGE_HOURS
        ):
            raise InvalidStrategy(
                f"reading_max_age_hours must be in (0, {MAX_READING_AGE_HOURS:g}]",
                field="reading_max_age_hours",
            )
        if not MIN_TRAINING_BARS <= self.training_bars <= MAX_TRAINING_BARS:
            raise InvalidStrategy(
                f"training_bars must be in {MIN_TRAINING_BARS}..{MAX_TRAINING_BARS}",
                field="training_bars",
            )
        if not 1 <= self.refit_bars <= MAX_REFIT_BARS:
            raise InvalidStrategy(f"refit_bars must be in 1..{MAX_REFIT_BARS}", field="refit_bars")
        if self.combiner is Combiner.LEARNED and self.combine is not Combine.WEIGHTED:
            raise InvalidStrategy(
                "a learned combiner weights a fused score: give combine weighted",
                field="combiner",
            )

    @property
    def learned(self) -> bool:
        return self.combiner is Combiner.LEARNED


@dataclass(frozen=True, slots=True)
class ExitRules:
    """When a position is closed: the brackets fixed at entry and the exits on signals or time.

    stop_loss_fraction / take_profit_fraction: fractions of the entry price (0.05 = 5 % below a
    long's entry, above a short's). stop_loss_atr: the stop this many ATRs from entry instead
    (needs the signal's ATR). exit_score: an opposite signal with |score| >= exit_score closes
    the position (None: the entry threshold). max_holding_bars: closed at the close of the bar
    that many bars after the entry bar (bars of the signal's timeframe).
    """

    stop_loss_fraction: Decimal | None = Decimal("0.05")
    stop_loss_atr: Decimal | None = None
    take_profit_fraction: Decimal | None = Decimal("0.10")
    exit_score: float | None = None
    max_holding_bars: int | None = None

    def __post_init__(self) -> None:
        if self.stop_loss_fraction is not None and self.stop_loss_atr is not None:
            raise InvalidStrategy(
                "give stop_loss_fraction or stop_loss_atr, not both", field="stop_loss_atr"
            )
        if self.stop_loss_fraction is not None and not ZERO < self.stop_loss_fraction < ONE:
            raise InvalidStrategy(
                "stop_loss_fraction must be in (0, 1)", field="stop_loss_fraction"
            )
        if self.stop_loss_atr is not None and self.stop_loss_atr <= ZERO:
            raise InvalidStrategy("stop_loss_atr must be positive", field="stop_loss_atr")
        if self.take_profit_fraction is not None and self.take_profit_fraction <= ZERO:
            raise InvalidStrategy(
                "take_profit_fraction must be positive", field="take_profit_fraction"
            )
        if self.exit_score is not None and not 0.0 < self.exit_score <= 1.0:
            raise InvalidStrategy("exit_score must be in (0, 1]", field="exit_score")
        if self.max_holding_bars is not None and not 0 < self.max_holding_bars <= MAX_HOLDING_BARS:
            raise InvalidStrategy(
                f"max_holding_bars must be in 1..{MAX_HOLDING_BARS}", field="max_holding_bars"
            )

    @property
    def has_stop(self) -> bool:
        return self.stop_loss_fraction is not None or self.stop_loss_atr is not None


@dataclass(slots=True, eq=False)
class Strategy:
    """A user's strategy: the accounts it may trade and how it turns signals into orders."""

    id: str
    owner_id: str
    name: str
    account_ids: tuple[str, ...]
    sources: tuple[SignalSource, ...]
    sizing: SizingPolicy = field(default_factory=SizingPolicy)
    entry: EntryRules = field(default_factory=EntryRules)
    exit: ExitRules = field(default_factory=ExitRules)
    mode: StrategyMode = StrategyMode.OFF
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0

    def __post_init__(self) -> None:
        validate_definition(self)

    def follows(
        self,
        kind: SourceKind,
        symbol: str,
        timeframe: Timeframe | None,
        pattern: Pattern | None,
        name: str | None,
    ) -> bool:
        """True when one of the sources matches a signal with these attributes."""
        return any(
            _matches(source, kind, symbol, timeframe, pattern, name) for source in self.sources
        )

    def matching(
        self,
        kind: SourceKind,
        symbol: str,
        timeframe: Timeframe | None,
        pattern: Pattern | None,
        name: str | None,
    ) -> tuple[int, ...]:
        """The indexes of the sources that match a signal with these attributes."""
        return tuple(
            index
            for index, source in enumerate(self.sources)
            if _matches(source, kind, symbol, timeframe, pattern, name)
        )

    @property
    def fused(self) -> bool:
        return self.entry.combine is Combine.WEIGHTED


def validate_definition(strategy: Strategy) -> None:
    """Raise InvalidStrategy naming the field when the definition cannot be run."""
    name = strategy.name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidStrategy(f"name must be 1..{MAX_NAME_LENGTH} characters", field="name")
    if not strategy.account_ids:
        raise InvalidStrategy("a strategy trades at least one account", field="account_ids")
    if len(strategy.account_ids) > MAX_ACCOUNTS or len(set(strategy.account_ids)) != len(
        strategy.account_ids
    ):
        raise InvalidStrategy(
            f"account_ids must be at most {MAX_ACCOUNTS} distinct ids", field="account_ids"
        )
    if not strategy.sources or len(strategy.sources) > MAX_SOURCES:
        raise InvalidStrategy(f"a strategy follows 1..{MAX_SOURCES} sources", field="sources")
    if strategy.fused and not any(source.weight != 0 for source in strategy.sources):
        raise InvalidStrategy(
            "a weighted strategy needs at least one source with a non-zero weight",
            field="sources.weight",
        )
    if strategy.sizing.method is SizingMethod.FIXED_FRACTION and not strategy.exit.has_stop:
        raise InvalidStrategy(
            "fixed_fraction sizing risks a fraction of equity down to the stop-loss: "
            "give stop_loss_fraction or stop_loss_atr",
            field="stop_loss_fraction",
        )


def _matches(
    source: SignalSource,
    kind: SourceKind,
    symbol: str,
    timeframe: Timeframe | None,
    pattern: Pattern | None,
    name: str | None,
) -> bool:
    if source.kind is not kind:
        return False
    if source.symbols and symbol not in source.symbols:
        return False
    if source.timeframe is not None and source.timeframe is not timeframe:
        return False
    if source.pattern is not None and source.pattern is not pattern:
        return False
    if kind is SourceKind.SENTIMENT:  # a reading of this window and count, not another's
        return name == source.sentiment_key
    return source.name is None or source.name == name
