"""`bulwark options record-iv [--symbol S ...] [--overwrite]`: store today's 30-day ATM IVs.

The same pass the server's recorder runs every BULWARK_IV_RECORD_SECONDS (docs/options-chain.md):
each symbol's constant-maturity 30-day ATM IV from its option chain, once per weekday. Symbols:
`--symbol` (repeatable), else BULWARK_IV_SYMBOLS, else the equity instruments the store lists.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # loaded when the command runs: `bulwark` itself stays light to start
    from application.market_data.iv_recorder import RecordReport
    from bootstrap.containers.commands import Contexts

COMMAND = "options"
EXIT_FAILED = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    options = sub.add_parser("options", help="options analytics: record the daily IVs")
    verbs = options.add_subparsers(dest="verb", required=True)
    record = verbs.add_parser("record-iv", help="store today's 30-day ATM IV of each symbol")
    record.add_argument("--symbol", action="append", default=[], help="repeatable")
    record.add_argument(
        "--overwrite", action="store_true", help="replace a day already stored (default: keep)"
    )


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    from application.market_data.iv_recorder import IVRecorder
    from application.market_data.options_chain import OptionsChainService
    from bootstrap.cli_market import command_feed
    from domain.trading.instruments import AssetClass

    settings = container.settings()
    symbols = [s.upper() for s in args.symbol] or list(settings.analytics.iv_symbols)
    if not symbols:
        async with container.core.uow_factory()() as uow:
            listed = await uow.instruments.list()
        symbols = sorted(i.symbol for i in listed if i.asset_class is AssetClass.EQUITY)
    async with command_feed(container) as feed:
        history = container.market_data.iv_history()
        clock = container.core.clock()
        chains = OptionsChainService(
            feed, history, clock, rate=settings.analytics.options_risk_free_rate
        )
        recorder = IVRecorder(chains, history, clock, lambda: symbols)
        return _report(await recorder.record(symbols, overwrite=args.overwrite), out)


def _report(report: RecordReport, out: TextIO) -> int:
    day = report.day.isoformat()
    if report.weekend:
        print(f"iv {day}: a weekend, nothing recorded (IVs are kept per trading day)", file=out)
        return 0
    for symbol, iv in sorted(report.recorded.items()):
        print(f"{symbol}: {day} iv {iv:.6f}", file=out)
    for symbol in report.skipped:
        print(f"{symbol}: skipped, {day} is stored already", file=out)
    for symbol, why in sorted(report.failed.items()):
        print(f"{symbol}: failed, {why}", file=out)
    print(
        f"iv {day}: {len(report.recorded)} recorded, {len(report.skipped)} skipped, "
        f"{len(report.failed)} failed",
        file=out,
    )
    return EXIT_FAILED if report.failed else 0
