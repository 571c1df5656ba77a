"""`bulwark fear-greed record [--overwrite]`: store today's Fear & Greed composite.

The same pass the server's recorder runs every BULWARK_FEAR_GREED_RECORD_SECONDS
(docs/sentiment-indices.md): today's composite (UTC day) with the configured weights, once per
weekday; a day already stored is kept unless --overwrite. Exit 1 when the inputs carry less
than the minimum coverage (the reasons printed), 0 otherwise.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # loaded when the command runs: `bulwark` itself stays light to start
    from application.markets.fear_greed_recorder import FearGreedReport
    from bootstrap.containers.commands import Contexts

COMMAND = "fear-greed"
EXIT_FAILED = 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("fear-greed", help="sentiment index: record today's Fear & Greed")
    verbs = group.add_subparsers(dest="verb", required=True)
    record = verbs.add_parser("record", help="store today's composite (once per weekday)")
    record.add_argument(
        "--overwrite", action="store_true", help="replace a day already stored (default: keep)"
    )


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    from bootstrap.cli_market import command_feed

    async with command_feed(container):
        report = await container.markets.fear_greed_recorder().record(overwrite=args.overwrite)
    return _report(report, out)


def _report(report: FearGreedReport, out: TextIO) -> int:
    day = report.day.isoformat()
    if report.weekend:
        print(f"fear-greed {day}: a weekend, nothing recorded (kept per trading day)", file=out)
        return 0
    if report.skipped:
        print(f"fear-greed {day}: stored already (--overwrite replaces it)", file=out)
        return 0
    if report.failed is not None:
        print(f"fear-greed {day}: not recorded, {report.failed}", file=out)
        return EXIT_FAILED
    record = report.recorded
    assert record is not None
    parts = ", ".join(f"{c.name} {c.score:.1f}" for c in record.components)
    print(
        f"fear-greed {day}: {record.score:.2f} {record.label} "
        f"(coverage {record.coverage:.0%}; {parts})",
        file=out,
    )
    return 0
