"""`bulwark backtest`: run a strategy's backtest from the console with a progress bar.

The same BacktestService as POST /api/v1/backtests (the run is stored too). The progress goes
to stderr: on a terminal a bar redrawn in place, otherwise a line per 10 %, with the time left;
stdout carries the results alone. Ctrl-C cancels the run.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_progress import ProgressBar
from domain.backtests.model import Backtest, BacktestRequest, DataSource, FeeModel
from domain.market_data.bars import Timeframe
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

POLL_S = 0.1
EXIT_CANCELED = 130


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be a number >= 0")
    return value


def _symbols(text: str) -> tuple[str, ...]:
    symbols = tuple(s.strip().upper() for s in text.split(",") if s.strip())
    if not symbols:
        raise argparse.ArgumentTypeError("give at least one symbol, e.g. ACME,BOLT")
    return symbols


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("backtest", help="backtest a strategy over recorded bars")
    parser.add_argument("--strategy", required=True, help="the strategy's id")
    parser.add_argument("--symbols", required=True, type=_symbols, help="e.g. ACME,BOLT")
    parser.add_argument("--from", dest="start", required=True, type=_date, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", required=True, type=_date, help="YYYY-MM-DD")
    parser.add_argument(
        "--timeframe",
        choices=[t.value for t in Timeframe],
        default=Timeframe.D1.value,
        help="the bars' length (1d)",
    )
    parser.add_argument(
        "--cash", type=_decimal, default=Decimal(100_000), help="starting cash (100000)"
    )
    parser.add_argument(
        "--commission-per-share", type=_decimal, default=Decimal(0), help="fee per share (0)"
    )
    parser.add_argument(
        "--commission-bps", type=_decimal, default=Decimal(0), help="fee in bps of notional (0)"
    )
    parser.add_argument(
        "--slippage-bps", type=_decimal, default=Decimal(0), help="fill price slippage, bps (0)"
    )
    parser.add_argument(
        "--source",
        choices=[s.value for s in DataSource],
        default=DataSource.SYNTHETIC.value,
        help="synthetic: the shipped demo bars; store: the bar store (bulwark bars backfill)",
    )
    parser.add_argument(
        "--adjusted",
        action="store_true",
        help="store bars adjusted for splits and dividends (with --source store)",
    )


async def run_backtest(
    args: argparse.Namespace, container: Contexts, out: TextIO, err: TextIO | None = None
) -> int:
    """Start the run as the strategy's owner, show its progress (on `err`, stderr by
    default), print the results."""
    strategy = await container.strategies.strategy_stores().strategies.get(args.strategy)
    owner = Principal(strategy.owner_id if strategy else "", Role.OWNER)
    request = BacktestRequest(
        strategy_id=args.strategy,
        symbols=args.symbols,
        start=args.start,
        end=args.end,
        timeframe=Timeframe(args.timeframe),
        starting_cash=args.cash,
        fees=FeeModel(args.commission_per_share, args.commission_bps),
        slippage_bps=args.slippage_bps,
        source=DataSource(args.source),
        adjusted=args.adjusted,
    )
    service = container.strategies.backtests()
    backtest = await service.start(owner, request)
    bar = ProgressBar(err)
    try:
        while True:
            current = await service.get(owner, backtest.id)
            if current.status.finished:
                break
            bar.show(service.progress_of(backtest.id) or current.progress)
            await asyncio.sleep(POLL_S)
    except asyncio.CancelledError:  # Ctrl-C: asyncio.run cancels this task
        await service.cancel(owner, backtest.id)
        await service.wait(backtest.id)
        bar.done()
        print(f"backtest {backtest.id} canceled", file=out)
        raise
    bar.show(1.0 if current.status.value == "succeeded" else current.progress)
    bar.done()
    summary(current, out)
    return 0 if current.status.value == "succeeded" else 3


def summary(backtest: Backtest, out: TextIO) -> None:
    print(f"backtest {backtest.id}: {backtest.status.value}", file=out)
    request = backtest.request
    policy = "adjusted" if request.adjusted else "raw"
    print(f"  data: {request.source.value} bars ({policy})", file=out)
    if backtest.error:
        print(f"  error: {backtest.error}", file=out)
    result = backtest.result
    if result is None:
        return
    print(
        f"  {result.bars:,} bars, {result.orders_sent:,} orders, {len(result.trades):,} trades, "
        f"{len(result.denied):,} denied by the gate",
        file=out,
    )
    m = result.metrics
    if m is None:
        print("  too short for metrics (fewer than two days)", file=out)
        return

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2%}"

    def num(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    print(f"  final equity {m.final_equity:.2f}, total return {pct(m.total_return)}, "
          f"CAGR {pct(m.cagr)}, volatility {pct(m.volatility_annual)}", file=out)  # fmt: skip
    print(f"  Sharpe {num(m.sharpe)}, Sortino {num(m.sortino)}, Calmar {num(m.calmar)}, "
          f"max drawdown {pct(m.max_drawdown)} ({m.max_drawdown_days} days under water)",
          file=out)  # fmt: skip
    print(f"  win rate {pct(m.win_rate)}, profit factor {num(m.profit_factor)}, "
          f"exposure {pct(m.exposure)}, turnover {num(m.turnover_annual)}x a year, "
          f"fees {m.fees_paid:.2f}", file=out)  # fmt: skip
