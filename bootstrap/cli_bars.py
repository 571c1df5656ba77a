"""`bulwark bars backfill --provider NAME --symbols A,B --from DAY --to DAY [--timeframe 1d]`
(and `bars gaps`, `bars compact`).

Copies a market-data provider's historical bars into the bar store (docs/bar-store.md): only
the ranges the store lacks (a second run asks for nothing), idempotently, with a progress
bar. Days are UTC and both ends are included. It needs no SQL store: it builds the market
data context alone. The synthetic provider's bars end at the board's price: the demo
instruments' prices, and 100 for any other symbol.
"""

from __future__ import annotations

import argparse
import asyncio
from decimal import Decimal
from typing import TYPE_CHECKING, TextIO, cast

from bootstrap.cli_bar_range import add_range_arguments, span
from bootstrap.cli_output import add_json_flag, print_json
from domain.market_data.bars import Timeframe

if TYPE_CHECKING:  # loaded when the command runs
    from application.market_data.bar_backfill import BackfillReport
    from bootstrap.containers.commands import CommandContainers
    from bootstrap.settings import Settings
    from domain.market_data.bar_calendar import TimeRange
    from ports.market_data.bar_store import BarStore
    from ports.market_data.market_reference import CorporateActionsSource

COMMAND = "bars"
EXIT_FAILED = 1
EXIT_USAGE = 2
BUILT_IN = ("synthetic", "replay", "alpaca")


def providers() -> list[str]:
    """The built-in providers, then every vendor of bootstrap/market_vendors.py."""
    from bootstrap.market_vendors import VENDORS

    return [*BUILT_IN, *sorted(VENDORS)]


SYNTHETIC_PRICE = Decimal(100)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bars = sub.add_parser("bars", help="the bar history store: backfill, gaps and repair")
    verbs = bars.add_subparsers(dest="verb", required=True)
    backfill = verbs.add_parser(
        "backfill", help="store a provider's bars for the days the store lacks (resumable)"
    )
    backfill.add_argument(
        "--provider", required=True, choices=providers(), help="where the bars come from"
    )
    backfill.add_argument(
        "--actions",
        action="store_true",
        help="also store the provider's splits and dividends of the range (adjusted reads)",
    )
    add_range_arguments(backfill)
    gaps = verbs.add_parser(
        "gaps",
        help="list the bars the trading calendar expects that the store lacks "
        "(weekends are no gaps); --repair --provider NAME fills them",
    )
    gaps.add_argument("--repair", action="store_true", help="backfill the gaps found")
    gaps.add_argument("--provider", choices=providers(), help="the source of --repair")
    add_range_arguments(gaps)
    add_json_flag(
        gaps, "print the gaps as a JSON list of objects instead of lines (not with --repair)"
    )
    verbs.add_parser(
        "compact",
        help="move 4h and daily bars stored a file per symbol (the earlier layout) into the "
        "yearly files every symbol shares (idempotent, safe to stop)",
    )


def run(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from bootstrap.logging import configure_logging
    from bootstrap.settings import SettingsError

    configure_logging(settings.core.log_level, settings.core.log_format)
    if args.verb == "compact":
        return asyncio.run(_compact(settings, out))
    if args.last < args.first:
        print("bulwark: --to is before --from", file=err)
        return EXIT_USAGE
    if args.verb == "gaps" and args.repair and args.provider is None:
        print("bulwark: --repair needs --provider", file=err)
        return EXIT_USAGE
    try:
        if args.verb == "gaps" and not args.repair:
            return asyncio.run(_gaps(args, settings, out))
        return asyncio.run(_backfill(args, settings, out, err))
    except SettingsError as exc:
        print(f"bulwark: {exc}", file=err)
        return EXIT_USAGE


async def _backfill(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from application.market_data.bar_backfill import BarBackfill
    from bootstrap.cli_progress import ProgressBar
    from bootstrap.closing import close_quietly
    from bootstrap.containers.commands import CommandContainers
    from bootstrap.market_feed import provider_of
    from ports.market_data.marketdata import QuoteUnavailable

    contexts = CommandContainers(settings)
    board = contexts.core.market()
    settings = await _vault_keyed(args.provider, settings, contexts)
    provider = provider_of(args.provider, settings, board, contexts.core.clock())
    if args.provider == "synthetic":
        from bootstrap.demo import set_demo_prices

        set_demo_prices(board)
        for symbol in args.symbols:
            try:
                await board.quote(symbol)
            except QuoteUnavailable:
                board.set_price(symbol, SYNTHETIC_PRICE)
    store = contexts.market_data.bar_store()
    start, end = span(args)
    bar = ProgressBar(err)  # stderr: stdout carries the report alone
    try:
        try:
            sessions = contexts.core.calendar_sessions()
            report = await BarBackfill(provider, store, sessions=sessions).run(
                args.symbols, args.timeframe, start, end, bar.show
            )
        finally:
            bar.done()
        wanted = getattr(args, "actions", False)
        failed = await _actions(args, provider, store, out) if wanted else 0
    finally:
        await close_quietly([provider, store])
    code = _report(report, args, out)
    _cost(args.provider, provider, settings, out)
    return max(code, EXIT_FAILED if failed else 0)


def _cost(vendor: str, provider: object, settings: Settings, out: TextIO) -> None:
    """A vendor's calls of this run and their cost at BULWARK_<VENDOR>_COST_PER_CALL."""
    from bootstrap.market_vendors import cost_per_call

    calls = getattr(provider, "calls_made", None)
    if isinstance(calls, int):
        cost = cost_per_call(settings, vendor) * calls
        print(f"{vendor}: {calls} calls, estimated cost {cost:f} USD", file=out)


async def _actions(args: argparse.Namespace, provider: object, store: BarStore, out: TextIO) -> int:
    """Stores the provider's corporate actions of the range; the number of symbols failed."""
    from application.market_data.action_backfill import ActionBackfill

    if not hasattr(provider, "corporate_actions"):
        print(f"actions: {args.provider} does not offer corporate actions", file=out)
        return len(args.symbols)
    source = cast("CorporateActionsSource", provider)
    outcomes = await ActionBackfill(source, store).run(args.symbols, args.first, args.last)
    for outcome in outcomes:
        if outcome.failed is not None:
            print(f"{outcome.symbol}: actions failed, {outcome.failed}", file=out)
        else:
            print(f"{outcome.symbol}: {outcome.stored} corporate actions stored", file=out)
    return sum(1 for o in outcomes if o.failed is not None)


async def _vault_keyed(vendor: str, settings: Settings, contexts: CommandContainers) -> Settings:
    """The vendor's key from the vault when BULWARK_<VENDOR>_VAULT_KEY names one."""
    from bootstrap.market_vendors import with_vault_keys
    from bootstrap.settings import SettingsError
    from domain.errors import NotFound
    from ports.keys.key_vault import KeyUnusable

    try:
        return await with_vault_keys(settings, vendor, contexts.core.key_vault())
    except (NotFound, KeyUnusable) as exc:
        raise SettingsError(f"the {vendor} vault key cannot be used: {exc}") from None


async def _gaps(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Each symbol's missing ranges, one line each (or a JSON list with --json); exit 0
    whether or not some are missing."""
    from application.market_data.bar_gaps import SessionGaps
    from bootstrap.closing import close_quietly
    from bootstrap.containers.commands import CommandContainers

    contexts = CommandContainers(settings)
    store = contexts.market_data.bar_store()
    by_sessions = SessionGaps(store, contexts.core.calendar_sessions())
    start, end = span(args)
    found: dict[str, list[TimeRange]] = {}
    try:
        for symbol in args.symbols:
            found[symbol] = await by_sessions.gaps(symbol, args.timeframe, start, end)
    finally:
        await close_quietly([store])
    if args.json:
        rows = [gap_record(s, gap, args.timeframe) for s, gaps in found.items() for gap in gaps]
        print_json(rows, out)
        return 0
    for symbol, gaps in found.items():
        if not gaps:
            print(f"{symbol}: no gaps", file=out)
        for gap in gaps:
            print(
                f"{symbol}: missing {gap.start.isoformat()} to {gap.end.isoformat()}"
                f" (up to {_bars(gap, args.timeframe)} bars)",
                file=out,
            )
    total = sum(len(gaps) for gaps in found.values())
    print(f"bars {args.timeframe.value} {args.first} to {args.last}: {total} gaps", file=out)
    return 0


def gap_record(symbol: str, gap: TimeRange, timeframe: Timeframe) -> dict[str, object]:
    """A gap as `bars gaps --json` prints it."""
    return {
        "symbol": symbol,
        "timeframe": timeframe.value,
        "start": gap.start,
        "end": gap.end,
        "bars": _bars(gap, timeframe),
    }


def _bars(gap: TimeRange, timeframe: Timeframe) -> int:
    """At most how many bars the gap holds."""
    return int((gap.end - gap.start) / timeframe.delta)


async def _compact(settings: Settings, out: TextIO) -> int:
    """The Parquet store's earlier per-symbol files of 4h and daily bars moved; exit 0."""
    from bootstrap.closing import close_quietly
    from bootstrap.containers.commands import CommandContainers

    store = CommandContainers(settings).market_data.bar_store()
    try:
        compact = getattr(store, "compact", None)
        if compact is None:
            print("bars compact: this store keeps no files to compact", file=out)
            return 0
        moved = await compact()
    finally:
        await close_quietly([store])
    print(f"bars compact: {moved} symbol files moved into the yearly files", file=out)
    return 0


def _report(report: BackfillReport, args: argparse.Namespace, out: TextIO) -> int:
    for outcome in report.symbols:
        if outcome.failed is not None:
            print(f"{outcome.symbol}: failed, {outcome.failed}", file=out)
        elif outcome.ranges == 0:
            print(f"{outcome.symbol}: already stored", file=out)
        else:
            print(
                f"{outcome.symbol}: {outcome.written} bars written "
                f"({outcome.ranges} missing ranges asked for)",
                file=out,
            )
    print(
        f"bars {args.timeframe.value} {args.first} to {args.last} from {args.provider}: "
        f"{report.written} written, {len(report.failed)} failed",
        file=out,
    )
    return EXIT_FAILED if report.failed else 0
