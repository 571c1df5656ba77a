"""`bulwark audit verify` and `bulwark audit head`: check the hash-chained audit log offline.

verify walks the chain in batches, oldest first, with a progress bar on stderr; it exits 0
when intact and EXIT_BROKEN naming the first broken seq and why (edited, deleted,
reordered). A chain cannot show its newest entries cut off: `audit head` prints the current
SEQ:HASH to keep elsewhere, and `verify --expect-head SEQ:HASH` checks the chain still
reaches that entry unchanged (exit EXIT_BROKEN, "truncated", when it does not).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_progress import ProgressBar

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

EXIT_BROKEN = 1
COMMANDS = frozenset({"audit"})
_HEAD = re.compile(r"^([1-9][0-9]{0,18}):([0-9a-f]{64})$")


def head_anchor(text: str) -> tuple[int, str]:
    """argparse type for SEQ:HASH (as `bulwark audit head` prints it)."""
    found = _HEAD.match(text.strip().lower())
    if found is None:
        raise argparse.ArgumentTypeError("expected SEQ:HASH, as `bulwark audit head` prints it")
    return int(found.group(1)), found.group(2)


def batch_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("a batch is 1..100000 entries")
    return value


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="check the hash-chained audit log")
    verbs = audit.add_subparsers(dest="verb", required=True)
    verify = verbs.add_parser("verify", help="walk the chain; exit 0 when intact")
    verify.add_argument(
        "--expect-head", type=head_anchor, metavar="SEQ:HASH", help="an anchored head to reach"
    )
    verify.add_argument("--batch", type=batch_size, default=1000, help="entries per read")
    verbs.add_parser("head", help="print the newest entry's SEQ:HASH (to anchor elsewhere)")


async def run(
    args: argparse.Namespace,
    container: Contexts,
    out: TextIO,
    err: TextIO | None = None,
) -> int:
    service = container.core.audit_log_service()
    if args.verb == "head":
        head = await service.head()
        print("0:" + "0" * 64 if head is None else f"{head.seq}:{head.hash}", file=out)
        return 0
    newest = await service.head()
    total = newest.seq if newest is not None else 0
    bar = ProgressBar(err if err is not None else sys.stderr, unit="entries")
    report = await service.verify(
        expect_head=args.expect_head,
        progress=lambda checked: bar.show(checked / total if total else 1.0, checked, total),
        batch=args.batch,
    )
    bar.done()
    if report.ok:
        print(
            f"audit chain intact: {report.checked} entries, head {report.head_seq}:"
            f"{report.head_hash}",
            file=out,
        )
        return 0
    broken = report.broken
    assert broken is not None  # not ok means a break
    print(f"audit chain broken at seq {broken.seq} ({broken.kind}): {broken.reason}", file=out)
    return EXIT_BROKEN
