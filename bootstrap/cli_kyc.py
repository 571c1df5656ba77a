"""`bulwark kyc purge [--dry-run]`: erase KYC documents past retention, from the console.

The same purge the server runs every BULWARK_KYC_PURGE_SECONDS: each document whose
decision (or upload, while pending) is older than BULWARK_KYC_RETENTION_DAYS loses its
content at once and keeps a tombstone row; each erasure is audited (actor "system").
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

COMMAND = "kyc"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kyc = sub.add_parser("kyc", help="KYC documents: purge those past retention")
    verbs = kyc.add_subparsers(dest="verb", required=True)
    purge = verbs.add_parser("purge", help="erase documents past BULWARK_KYC_RETENTION_DAYS")
    purge.add_argument("--dry-run", action="store_true", help="count them, erase nothing")


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    days = container.settings().kyc.kyc_retention_days
    count = await container.identity.kyc().purge(dry_run=args.dry_run)
    verb = "would purge" if args.dry_run else "purged"
    noun = "document" if count == 1 else "documents"
    print(f"kyc: {verb} {count} {noun} past the {days}-day retention", file=out)
    return 0
