"""Runs a strategy over recorded bars through the real order gate and the paper broker.

Why this shape: a backtest should exercise what the strategy would do live, so decisions are
domain/strategies' decide_on_signal / check_exit / brackets, and every order is a SubmitOrder
with origin STRATEGY through OrderService (gate, store, paper broker) in a simulated world
that bootstrap builds (in-memory store, paper broker, quotes on a simulated clock).

Timing (no look-ahead):
- A decision at a bar's close sees only closed bars: the pattern scores at row i are those of
  bars[: i + 1] (domain/market_data/signal_columns.py), priced at that close.
- Its market order fills at the NEXT bar's open (the clock is moved to that bar's start and
  the quote set to its open); slippage is the paper broker's, fees the request's FeeModel.
- Brackets (stop-loss, take-profit) are fixed from the entry fill and checked on every later
  bar with check_exit, the entry bar included; a triggered bracket fills at check_exit's price
  (the stop, or the open on a gap) at that bar's end, as a resting stop order would have.
  A time exit fills at the close of the bar max_holding_bars after the entry bar.
- Pattern sources are followed, and a model source when a ModelReplay is given: its score
  column is computed point in time (row i from bars[: i + 1]) and read like a pattern's.
  Sentiment sources read the symbols' stored scored news (`news`): the reading at a bar's
  close counts only the items published by that close. A weighted strategy decides on the
  fused score of its sources (application/strategies/backtest_signals.py); with a learned
  combiner, on the score of the weights fitted walk-forward on the bars before (`fitter`), and
  each decision's reason names those weights.
  External signals have no recorded history and are not replayed.
Speed: only bars with a signal, a pending order, a possible bracket hit (found with a float
pre-check with a safety margin; check_exit decides) or a day's end are visited.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from application.strategies.backtest_ledger import Ledger
from application.strategies.backtest_signals import (
    FUSED,
    LEARNED,
    Event,
    ModelReplay,
    NewsScores,
    ScoreSource,
    SymbolBars,
    Tag,
    dec,
    signal_events,
)
from application.strategies.backtest_world import SimulatedWorld
from application.strategies.learned_signals import LearnedScores
from application.trading.order_commands import OrderResult, SubmitOrder
from domain.backtests.model import BacktestRequest, BacktestResult, DeniedOrder
from domain.backtests.timeline import (
    Timeline,
    first_possible_exit,
)
from domain.errors import DomainError
from domain.market_data.bars import BarSeries, FloatArray
from domain.market_data.signal_columns import score_columns
from domain.market_data.signals import Pattern, SignalConfig
from domain.numbers import ZERO
from domain.principals import Principal, Role
from domain.risk.reasons import Outcome
from domain.strategies.decide import (
    Action,
    Holding,
    Intent,
    StrategySignal,
    brackets,
    check_exit,
    decide_on_signal,
)
from domain.strategies.definition import SourceKind, Strategy
from domain.strategies.fusion import fuse
from domain.trading.orders import Origin, OriginKind, Side
from ports.strategies.combiner import CombinerFitter
from ports.trading.broker import BrokerError

MARGIN = 1e-9  # the float pre-check's safety margin, relative to the level
MAX_DENIED_KEPT = 10_000  # denials listed in a result (all are counted)
Progress = Callable[[float], None]


class BacktestCanceled(Exception):
    """The run was asked to stop; nothing it found is kept."""


@dataclass(slots=True)
class _Open:
    """A holding the run opened, with what its trade record needs."""

    holding: Holding
    serial: int
    entry_row: int
    entry_fee: Decimal
    stop_f: float
    target_f: float
    entry_reason: str = ""


@dataclass(slots=True)
class _Pending:
    intent: Intent
    atr: Decimal | None
    decided_at: datetime


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=UTC)


class BacktestEngine:
    """One run: `await run()` returns the result, or raises BacktestCanceled."""

    def __init__(
        self,
        strategy: Strategy,
        request: BacktestRequest,
        series: Mapping[str, BarSeries],
        world: SimulatedWorld,
        *,
        account_id: str,
        signal_config: SignalConfig | None = None,
        progress: Progress | None = None,
        canceled: Callable[[], bool] | None = None,
        scores: ScoreSource = score_columns,
        model: ModelReplay | None = None,
        news: Mapping[str, NewsScores] | None = None,
        fitter: CombinerFitter | None = None,
    ) -> None:
        self._fitter = fitter
        self._learned: dict[str, LearnedScores] = {}
        self._model = model
        self._news = news
        self._held: dict[str, dict[int, FloatArray]] = {}
        self._strategy = strategy
        self._request = request
        self._world = world
        self._account_id = account_id
        self._principal = Principal(strategy.owner_id, Role.OWNER)
        self._origin = Origin(OriginKind.STRATEGY, strategy.id)
        self._config = signal_config or SignalConfig()
        self._progress = progress or (lambda _: None)
        self._canceled = canceled or (lambda: False)
        self._scores = scores
        self.order_path_s = 0.0  # wall time inside OrderService (what the bench reports)
        self._timeline = Timeline(series)
        self._symbols = {name: SymbolBars.on(self._timeline, name, s) for name, s in series.items()}
        self._bar_s = float(request.timeframe.seconds)
        self._trade_from = datetime(
            request.start.year, request.start.month, request.start.day, tzinfo=UTC
        ).timestamp()
        self.ledger = Ledger(request.starting_cash, request.fees)
        self._open: dict[str, _Open] = {}
        self._pending: dict[str, _Pending] = {}
        self._serial = 0
        self._heap: list[tuple[int, int, str, int]] = []  # (step, kind, symbol, serial)
        self._atr: dict[str, FloatArray] = {}
        self._marked_at = math.nan
        self._marked: dict[str, int] = {}  # the row whose close each symbol is quoted at
        self._equity_step, self._equity_value = -1, ZERO
        self.denied: list[DeniedOrder] = []
        self.denied_total = 0
        self.orders_sent = 0

    # -- the run ------------------------------------------------------------------------
    async def run(self) -> BacktestResult:
        found = signal_events(
            self._strategy, self._request.timeframe, self._symbols, self._config,
            self._scores, self._trade_from, self._model, self._news, self._fitter,
        )  # fmt: skip
        events, self._atr, self._held = found.events, found.atr, found.held
        self._learned = found.learned
        n = len(self._timeline)
        day_end = self._timeline.day_ends(self._trade_from)
        static = Timeline.visits(list(events), day_end)
        report_every = max(1, len(static) // 100)
        for visited, step in enumerate(self._steps(static)):
            if visited % report_every == 0:
                if self._canceled():
                    raise BacktestCanceled()
                self._progress(step / max(1, n))
            await self._visit(step, events.get(step, ()), bool(day_end[step]))
        return self._result()

    def _steps(self, static: list[int]) -> Iterator[int]:
        """The static steps merged with those scheduled on the way, each once, in order."""
        heap, index, count = self._heap, 0, len(static)
        while index < count or heap:
            candidates = [static[index]] if index < count else []
            if heap:
                candidates.append(heap[0][0])
            step = min(candidates)
            while index < count and static[index] == step:
                index += 1
            yield step

    async def _visit(self, step: int, events: Sequence[Event], day_end: bool) -> None:
        fills = [symbol for symbol, _ in self._due(step, kind=0)]
        if fills:
            await self._fill_pending(fills, step)
        checks = [(symbol, serial) for symbol, serial in self._due(step, kind=1)]
        live = [s for s, serial in checks if s in self._open and self._open[s].serial == serial]
        if live:
            await self._check_brackets(live, step)
        for symbol, tag, row, score in events:
            await self._on_signal(symbol, tag, row, score)
        if day_end:
            self._mark_day(step)

    def _due(self, step: int, *, kind: int) -> list[tuple[str, int]]:
        """What is scheduled at `step`: pending fills (kind 0) sort before bracket checks."""
        heap, due = self._heap, []
        while heap and heap[0][0] == step and heap[0][1] == kind:
            _, _, symbol, serial = heapq.heappop(heap)
            due.append((symbol, serial))
        return due

    # -- signals ---------------------------------------------------------------------------
    async def _on_signal(self, name: str, tag: Tag, row: int, score: float) -> None:
        if name in self._pending:
            return  # an order of this symbol is already waiting for the next open
        held_now = self._open.get(name)
        if held_now is not None and held_now.holding.is_long == (score > 0):
            return  # decide_on_signal's first skip: already holding in the signal's direction
        symbol = self._symbols[name]
        series = symbol.series
        close = symbol.close(row)
        atr_value = self._atr[name][row]
        atr = (
            dec(atr_value)
            if tag is not Pattern.VWAP_DEVIATION and math.isfinite(atr_value)
            else None
        )
        at = _at(series.start[row] + self._bar_s)
        signal = self._signal(name, tag, row, score, close, at, atr)
        held = self._open.get(name)
        equity = self._equity_at(row, name) if held is None else ZERO
        intent = decide_on_signal(self._strategy, signal, held.holding if held else None, equity)
        if intent.action is Action.SKIP:
            return
        if row + 1 >= len(series):
            return
        self._pending[name] = _Pending(intent, atr, at)
        heapq.heappush(self._heap, (int(symbol.steps[row + 1]), 0, name, 0))

    def _signal(
        self,
        name: str,
        tag: Tag,
        row: int,
        score: float,
        close: Decimal,
        at: datetime,
        atr: Decimal | None,
    ) -> StrategySignal:
        timeframe = self._request.timeframe
        if isinstance(tag, Pattern):
            return StrategySignal(
                id=f"{name}-{tag.value}-{row}", kind=SourceKind.PATTERN, symbol=name,
                score=score, price=close, at=at, timeframe=timeframe, pattern=tag, atr=atr,
            )  # fmt: skip
        if tag is SourceKind.MODEL:
            assert self._model is not None
            return StrategySignal(
                id=f"{name}-{self._model.name}-{row}", kind=SourceKind.MODEL, symbol=name,
                score=score, price=close, at=at, timeframe=timeframe,
                atr=atr, source_name=self._model.name,
            )  # fmt: skip
        if tag is SourceKind.SENTIMENT:
            return StrategySignal(
                id=f"{name}-sentiment-{row}", kind=SourceKind.SENTIMENT, symbol=name,
                score=score, price=close, at=at, timeframe=timeframe, atr=atr,
            )  # fmt: skip
        if tag == LEARNED:
            learned = self._learned[name]
            return StrategySignal(
                id=f"{name}-learned-{row}",
                kind=self._strategy.sources[learned.heaviest(row)].kind, symbol=name,
                score=score, price=close, at=at, timeframe=timeframe, atr=atr,
                basis=learned.basis(row, lambda fitted: self._bar_label(name, fitted)),
            )  # fmt: skip
        assert tag == FUSED
        readings = {index: float(column[row]) for index, column in self._held[name].items()}
        fused = fuse(self._strategy, readings)
        heaviest = max(fused.contributions, key=lambda c: abs(c.value))
        return StrategySignal(
            id=f"{name}-fused-{row}", kind=self._strategy.sources[heaviest.index].kind,
            symbol=name, score=fused.score, price=close, at=at, timeframe=timeframe, atr=atr,
            basis=fused.explain(),
        )  # fmt: skip

    def _bar_label(self, name: str, row: int) -> str:
        """A bar named by its start: the day of a daily bar, else the minute (UTC)."""
        start = _at(float(self._symbols[name].series.start[row]))
        if self._bar_s >= 86_400.0:
            return start.date().isoformat()
        return start.strftime("%Y-%m-%dT%H:%MZ")

    def _equity_at(self, row: int, name: str) -> Decimal:
        """Cash plus every holding at its latest close at this bar's step (once per step)."""
        step = int(self._symbols[name].steps[row])
        if self._equity_step != step:
            total = self.ledger.cash
            for held_name, opened in self._open.items():
                held = self._symbols[held_name]
                total += opened.holding.quantity * held.close(int(held.row_at[step]))
            self._equity_step, self._equity_value = step, total
        return self._equity_value

    # -- orders ----------------------------------------------------------------------------
    async def _fill_pending(self, names: list[str], step: int) -> None:
        """The orders decided at the previous closes, as one batch at this bar's open."""
        orders: list[tuple[str, Intent, Decimal]] = []
        kept: list[tuple[_Pending, int]] = []
        start = self._timeline.start(step)
        for name in names:
            pending = self._pending.pop(name)
            symbol = self._symbols[name]
            row = int(symbol.row_at[step])
            if pending.intent.action is Action.EXIT and name not in self._open:
                continue
            orders.append((name, pending.intent, dec(symbol.series.open[row])))
            kept.append((pending, row))
        results = await self._submit_all(orders, start)
        for (name, intent, _), (pending, row), result in zip(orders, kept, results, strict=True):
            if result is None:
                continue
            quantity, fill_price = result
            held = self._open.get(name)
            if intent.action is Action.EXIT and held is not None:
                reason = intent.exit_reason.value if intent.exit_reason else "signal"
                self._close(name, held, quantity, fill_price, start, reason, intent.reason)
            elif intent.action is Action.ENTER:
                self._enter(name, intent, quantity, fill_price, start, row, pending.atr)

    async def _check_brackets(self, names: list[str], step: int) -> None:
        """check_exit on this bar for each holding; the exits it finds go as one batch."""
        orders: list[tuple[str, Intent, Decimal]] = []
        end = self._timeline.start(step) + self._bar_s
        for name in names:
            symbol, opened = self._symbols[name], self._open[name]
            row = int(symbol.row_at[step])
            series = symbol.series
            current = opened.holding
            held = Holding(
                current.quantity, current.entry_price, current.stop, current.take_profit,
                current.opened_at, row - opened.entry_row,
            )  # fmt: skip
            exit_fill = check_exit(
                held,
                dec(series.open[row]),
                dec(series.high[row]),
                dec(series.low[row]),
                dec(series.close[row]),
                self._strategy.exit.max_holding_bars,
            )
            if exit_fill is None:
                self._schedule_exit(name, opened, row + 1)
                continue
            intent = Intent(
                Action.EXIT, f"{exit_fill.reason.value} at {exit_fill.price}",
                side=Side.SELL if held.is_long else Side.BUY, quantity=abs(held.quantity),
                exit_reason=exit_fill.reason,
            )  # fmt: skip
            orders.append((name, intent, exit_fill.price))
        results = await self._submit_all(orders, end)
        for (name, intent, _), result in zip(orders, results, strict=True):
            opened = self._open[name]
            if result is None:
                self._schedule_exit(name, opened, int(self._symbols[name].row_at[step]) + 1)
                continue
            reason = intent.exit_reason.value if intent.exit_reason else "signal"
            self._close(name, opened, result[0], result[1], end, reason, intent.reason)

    async def _submit_all(
        self, orders: list[tuple[str, Intent, Decimal]], at: float
    ) -> list[tuple[Decimal, Decimal] | None]:
        """Quote each order's price at simulated time `at` and send the orders as one batch of
        the account (decided in order, as the live service decides queued submissions);
        (filled quantity, average price) per order, or None when it was not filled."""
        if not orders:
            return []
        venue = self._world.venue
        moment = _at(at)
        venue.move_to(moment)
        if self._marked_at != at:  # the holdings' marks: their last closes before `at`
            self._marked_at = at
            step = self._timeline.step_at(at)
            marks: dict[str, Decimal] = {}
            for held in self._open:
                symbol = self._symbols[held]
                row = int(symbol.row_at[step]) if step >= 0 else 0
                if self._marked.get(held) != row:  # a quote per change, not per moment
                    self._marked[held] = row
                    marks[held] = symbol.close(row)
            venue.set_prices(marks)
        venue.set_prices({name: price for name, _, price in orders})
        for name, _, _ in orders:
            self._marked.pop(name, None)  # quoted at the fill price now
        cmds = []
        for name, intent, _ in orders:
            assert intent.side is not None
            cmds.append(
                SubmitOrder(
                    self._principal, self._account_id, name, intent.side, intent.quantity,
                    self._origin, reduce_only=intent.reduce_only,
                )
            )  # fmt: skip
        self.orders_sent += len(cmds)
        began = time.perf_counter()
        outcomes = await self._world.orders.submit_many(cmds)
        self.order_path_s += time.perf_counter() - began
        return [
            self._filled(moment, name, intent, outcome)
            for (name, intent, _), outcome in zip(orders, outcomes, strict=True)
        ]

    def _filled(
        self, moment: datetime, name: str, intent: Intent, outcome: OrderResult | Exception
    ) -> tuple[Decimal, Decimal] | None:
        if isinstance(outcome, DomainError):
            self._deny(moment, name, intent, (outcome.code,), outcome.message)
            return None
        if isinstance(outcome, BrokerError):  # the paper broker refused it: reported, not fatal
            self._deny(moment, name, intent, (outcome.code.value,), str(outcome))
            return None
        if isinstance(outcome, Exception):
            raise outcome
        order, decision = outcome.order, outcome.decision
        if decision is not None and not decision.approved:
            reasons = tuple(code.value for code in decision.reasons)
            message = "; ".join(v.message for v in decision.verdicts if v.outcome is Outcome.DENY)
            self._deny(moment, name, intent, reasons or tuple(order.deny_reasons), message)
            return None
        if order.filled_quantity <= ZERO:
            self._deny(moment, name, intent, (order.status.value.upper(),), "not filled")
            return None
        return order.filled_quantity, order.average_fill_price

    def _deny(
        self, at: datetime, name: str, intent: Intent, reasons: tuple[str, ...], message: str
    ) -> None:
        self.denied_total += 1
        if len(self.denied) >= MAX_DENIED_KEPT:
            return
        self.denied.append(
            DeniedOrder(
                at, name, intent.side.value if intent.side else "", intent.quantity,
                intent.action.value, reasons, message,
            )
        )  # fmt: skip

    # -- the ledger ------------------------------------------------------------------------
    def _enter(
        self,
        name: str,
        intent: Intent,
        quantity: Decimal,
        price: Decimal,
        at: float,
        row: int,
        atr: Decimal | None,
    ) -> None:
        assert intent.side is not None
        self._equity_step = -1
        fee = self.ledger.fill(quantity, price, intent.side)
        stop, target = brackets(self._strategy, intent.side, price, atr)
        signed = quantity if intent.side is Side.BUY else -quantity
        self._serial += 1
        long = signed > ZERO
        inf = math.inf
        stop_f = float(stop) if stop is not None else (-inf if long else inf)
        target_f = float(target) if target is not None else (inf if long else -inf)
        opened = _Open(
            Holding(signed, price, stop, target, _at(at)), self._serial, row, fee, stop_f,
            target_f, intent.reason,
        )  # fmt: skip
        self._open[name] = opened
        self._schedule_exit(name, opened, row)

    def _close(
        self,
        name: str,
        opened: _Open,
        quantity: Decimal,
        price: Decimal,
        at: float,
        reason: str,
        detail: str,
    ) -> None:
        self._equity_step = -1
        holding = opened.holding
        self.ledger.close(
            name, holding, opened.entry_fee, quantity, price, _at(at), reason,
            entry_reason=opened.entry_reason, exit_detail=detail,
        )  # fmt: skip
        left = abs(holding.quantity) - quantity
        if left > ZERO:  # a partial exit: the rest stays held with the same brackets
            signed = left if holding.is_long else -left
            opened.holding = Holding(
                signed, holding.entry_price, holding.stop, holding.take_profit, holding.opened_at
            )
            opened.entry_fee = ZERO
            return
        del self._open[name]

    def _schedule_exit(self, name: str, opened: _Open, from_row: int) -> None:
        """Schedule check_exit on the first bar from `from_row` on where a bracket may be hit
        (a float pre-check with a margin: check_exit itself decides) or the time exit is due."""
        symbol = self._symbols[name]
        series, n = symbol.series, len(symbol.series)
        limit = self._strategy.exit.max_holding_bars
        due = None if limit is None else opened.entry_row + limit
        last = n - 1 if due is None else min(n - 1, due)
        long = opened.holding.is_long
        stop_f, target_f = opened.stop_f, opened.target_f
        found = first_possible_exit(series, from_row, last, long, stop_f, target_f, MARGIN)
        if found is None and due is not None and from_row <= due <= n - 1:
            found = due
        if found is not None:
            heapq.heappush(self._heap, (int(symbol.steps[found]), 1, name, opened.serial))

    def _mark_day(self, step: int) -> None:
        values = []
        for name, opened in self._open.items():
            symbol = self._symbols[name]
            values.append(opened.holding.quantity * symbol.close(int(symbol.row_at[step])))
        self.ledger.mark_day(_at(self._timeline.start(step)).date(), values)

    def _result(self) -> BacktestResult:
        ledger = self.ledger
        return BacktestResult(
            equity=tuple(ledger.equity),
            trades=tuple(ledger.trades),
            denied=tuple(self.denied),
            denied_total=self.denied_total,
            metrics=ledger.metrics(),
            bars=sum(len(s.series) for s in self._symbols.values()),
            orders_sent=self.orders_sent,
            open_positions={n: o.holding.quantity for n, o in sorted(self._open.items())},
        )
