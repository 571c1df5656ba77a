"""A backtest: what was asked (strategy, symbols, dates, costs), how far it got, what it found.

The run itself is application/strategies/backtest_engine.py; this module holds the data and the
status machine (queued -> running -> succeeded | failed | canceled), so every store keeps the same
rules about which moves are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from domain.errors import DomainError, IllegalTransition
from domain.market_data.bars import Timeframe
from domain.numbers import ZERO

BPS = Decimal(10_000)


FIRST_DAY = date(1900, 1, 1)  # the days a backtest or a combiner report may name: the
LAST_DAY = date(2199, 12, 31)  # bars' reach before them and the day after stay in range


class InvalidBacktest(DomainError):
    """A backtest request cannot be run as asked (the field at fault is named)."""

    code = "INVALID_BACKTEST"


class BarsMissing(DomainError):
    """The bar store lacks bars a backtest needs: `missing` maps each such symbol to the first
    day it has no bar for (422 BACKTEST_BARS_MISSING)."""

    code = "BACKTEST_BARS_MISSING"

    def __init__(self, missing: dict[str, date], timeframe: Timeframe) -> None:
        listed = ", ".join(f"{s} from {d.isoformat()}" for s, d in list(missing.items())[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        super().__init__(
            f"the bar store lacks {timeframe.value} bars of {listed}{more}; backfill them "
            "(bulwark bars backfill) or shorten the range",
            field="symbols",
        )
        self.missing = dict(missing)


class DataSource(StrEnum):
    """Where a backtest's bars come from: the shipped synthetic set (the offline demo), or
    the historical bar store (docs/bar-store.md) for real symbols."""

    SYNTHETIC = "synthetic"
    STORE = "store"


class BacktestStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"

    @property
    def finished(self) -> bool:
        return self in (BacktestStatus.SUCCEEDED, BacktestStatus.FAILED, BacktestStatus.CANCELED)


@dataclass(frozen=True, slots=True)
class FeeModel:
    """Commission charged on every fill: per share plus basis points of the notional."""

    per_share: Decimal = ZERO
    bps: Decimal = ZERO

    def __post_init__(self) -> None:
        if self.per_share < ZERO:
            raise InvalidBacktest("commission per share must not be negative", field="commission")
        if not ZERO <= self.bps <= BPS:
            raise InvalidBacktest("commission bps must be in 0..10000", field="commission")

    def fee(self, quantity: Decimal, price: Decimal) -> Decimal:
        size = abs(quantity)
        return size * self.per_share + size * price * self.bps / BPS


def check_bar_window(
    start: date, end: date, refusal: type[DomainError], reversed_text: str
) -> None:
    """`refusal` naming `to` when `end` is before `start` (`reversed_text`), or naming the day
    outside FIRST_DAY..LAST_DAY: the window of bars a backtest or a combiner report reads."""
    if end < start:
        raise refusal(reversed_text, field="to")
    for name, day in (("from", start), ("to", end)):
        if not FIRST_DAY <= day <= LAST_DAY:
            raise refusal(f"{name} must be from {FIRST_DAY} to {LAST_DAY}, got {day}", field=name)


@dataclass(frozen=True, slots=True)
class BacktestRequest:
    """What to run: a strategy over symbols' bars from `start` to `end` (dates, inclusive)."""

    strategy_id: str
    symbols: tuple[str, ...]
    start: date
    end: date
    timeframe: Timeframe = Timeframe.D1
    starting_cash: Decimal = Decimal(100_000)
    fees: FeeModel = field(default_factory=FeeModel)
    slippage_bps: Decimal = ZERO
    source: DataSource = DataSource.SYNTHETIC
    adjusted: bool = False  # store bars adjusted for splits and dividends at read

    def __post_init__(self) -> None:
        if self.adjusted and self.source is not DataSource.STORE:
            raise InvalidBacktest("adjusted bars come from the store only", field="adjusted")
        if not self.symbols or len(set(self.symbols)) != len(self.symbols):
            raise InvalidBacktest("symbols must be one or more distinct symbols", field="symbols")
        check_bar_window(self.start, self.end, InvalidBacktest, "to must not be before from")
        if self.starting_cash <= ZERO:
            raise InvalidBacktest("starting_cash must be positive", field="starting_cash")
        if not ZERO <= self.slippage_bps <= BPS:
            raise InvalidBacktest("slippage_bps must be in 0..10000", field="slippage_bps")


@dataclass(frozen=True, slots=True)
class EquityPoint:
    """The account's equity (cash + positions at the close, fees paid) at the end of a day."""

    day: date
    equity: Decimal


@dataclass(frozen=True, slots=True)
class TradeRecord:
    """A closed round trip: entry and exit fills, fees of both, and the net P&L."""

    symbol: str
    direction: str  # "long" or "short"
    quantity: Decimal
    entry_at: datetime
    entry_price: Decimal
    exit_at: datetime
    exit_price: Decimal
    fees: Decimal
    pnl: Decimal  # net of fees
    exit_reason: str  # stop_loss, take_profit, time, signal
    entry_reason: str = ""  # the entry decision's reason (a fused score's terms, its weights)
    exit_detail: str = ""  # the exit decision's reason ("stop_loss at 95.2", an opposite signal)


@dataclass(frozen=True, slots=True)
class DeniedOrder:
    """An order the strategy asked for that the gate (or the broker) did not let through."""

    at: datetime
    symbol: str
    side: str
    quantity: Decimal
    action: str  # "enter" or "exit"
    reasons: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class BacktestMetrics:
    """Figures of the equity curve and the trades (conventions: domain/analytics/performance).

    exposure: the mean of gross position value / equity over the daily closes.
    time_in_market: the fraction of daily closes with a position.
    turnover_annual: traded notional / mean equity, per year.
    """

    total_return: float
    cagr: float | None
    volatility_annual: float | None
    sharpe: float | None
    sortino: float | None
    calmar: float | None
    max_drawdown: float
    max_drawdown_days: int
    trades: int
    win_rate: float | None
    profit_factor: float | None
    average_win: Decimal | None
    average_loss: Decimal | None
    exposure: float
    time_in_market: float
    turnover_annual: float
    fees_paid: Decimal
    final_equity: Decimal


@dataclass(frozen=True, slots=True)
class BacktestResult:
    """Everything a finished run found; `open_positions` are still held at the last close.
    `denied` lists the first denials (up to the engine's cap), `denied_total` counts them all."""

    equity: tuple[EquityPoint, ...]
    trades: tuple[TradeRecord, ...]
    denied: tuple[DeniedOrder, ...]
    metrics: BacktestMetrics | None  # None when the curve has fewer than two days
    bars: int
    orders_sent: int
    open_positions: dict[str, Decimal] = field(default_factory=dict)
    denied_total: int = 0
    source: DataSource = DataSource.SYNTHETIC  # where the bars came from
    adjusted: bool = False  # whether they were adjusted for corporate actions


@dataclass(slots=True, eq=False)
class Backtest:
    """A user's backtest run and where it stands."""

    id: str
    owner_id: str
    request: BacktestRequest
    created_at: datetime
    status: BacktestStatus = BacktestStatus.QUEUED
    progress: float = 0.0  # 0..1
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = None
    result: BacktestResult | None = None

    def start(self, at: datetime) -> None:
        self._move(BacktestStatus.RUNNING)
        self.started_at = at

    def advance(self, progress: float) -> None:
        self.progress = min(1.0, max(self.progress, progress))

    def succeed(self, result: BacktestResult, at: datetime) -> None:
        self._move(BacktestStatus.SUCCEEDED)
        self.result, self.progress, self.finished_at = result, 1.0, at

    def fail(self, error: str, at: datetime) -> None:
        self._move(BacktestStatus.FAILED)
        self.error, self.finished_at = error, at

    def cancel(self, at: datetime) -> None:
        self._move(BacktestStatus.CANCELED)
        self.finished_at = at

    def _move(self, to: BacktestStatus) -> None:
        allowed = {
            BacktestStatus.QUEUED: {BacktestStatus.RUNNING, BacktestStatus.CANCELED,
                                    BacktestStatus.FAILED},
            BacktestStatus.RUNNING: {BacktestStatus.SUCCEEDED, BacktestStatus.FAILED,
                                     BacktestStatus.CANCELED},
        }  # fmt: skip
        if to not in allowed.get(self.status, set()):
            raise IllegalTransition(f"backtest {self.id} is {self.status.value}, not {to.value}")
        self.status = to
