"""`bulwark snapshots take`: the daily equity snapshot job, run once from the console."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # loaded when the command runs: `bulwark` itself stays light to start
    from application.analytics.equity_snapshots import EquitySnapshots, SnapshotRun
    from bootstrap.containers.commands import Contexts

EXIT_FAILED = 1
_MAX_ERROR = 200  # a store's error text can run long: one line per account


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `snapshots` command group."""
    snapshots = sub.add_parser("snapshots", help="daily equity snapshots (performance analytics)")
    actions = snapshots.add_subparsers(dest="snapshots_action", required=True)
    take = actions.add_parser(
        "take", help="value every account (or one) at current marks and store today's snapshot"
    )
    take.add_argument("--account", help="only this account id")


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    """Take the snapshots; 0 when none failed (an unmarked account is skipped, not a failure).

    Marks come from the market-data feed itself (this process runs no quote board).
    """
    from application.analytics.equity_snapshots import EquitySnapshots
    from bootstrap.closing import close_quietly

    feed = container.market_data.market_feed()
    job = EquitySnapshots(
        container.core.uow_factory(),
        feed,
        container.trading.equity_history(),
        container.core.clock(),
        batch_size=container.settings().analytics.equity_snapshot_batch,
    )
    try:
        if args.account:
            return await _one(job, args.account, out)
        return _report(await job.take_all(), out)
    finally:
        await close_quietly(feed.providers())


async def _one(job: EquitySnapshots, account_id: str, out: TextIO) -> int:
    from domain.trading.accounts import MissingMark

    try:
        snapshot = await job.take(account_id)
    except LookupError as exc:  # MissingMark is one too: tell them apart
        if isinstance(exc, MissingMark):
            print(f"{account_id}: skipped, no mark for {exc}", file=out)
            return EXIT_FAILED
        print(f"{account_id}: not found", file=out)
        return EXIT_FAILED
    print(f"{account_id}: {snapshot.day} equity {snapshot.equity}", file=out)
    return 0


def _report(run: SnapshotRun, out: TextIO) -> int:
    for snapshot in run.taken:
        print(f"{snapshot.account_id}: {snapshot.day} equity {snapshot.equity}", file=out)
    for account_id, why in sorted(run.skipped.items()):
        print(f"{account_id}: skipped, {why}", file=out)
    for account_id, error in sorted(run.failed.items()):
        print(f"{account_id}: failed, {error[:_MAX_ERROR]}", file=out)
    print(
        f"snapshots of {run.day}: {len(run.taken)} taken, {len(run.skipped)} skipped, "
        f"{len(run.failed)} failed",
        file=out,
    )
    return EXIT_FAILED if run.failed else 0
