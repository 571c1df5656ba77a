"""`bulwark compliance evidence|verify`: the evidence pack from the console (docs/compliance.md).

- `bulwark compliance evidence --from DAY|TIME --to DAY|TIME [--account ID | --book ID]
  [--by USERNAME] --format json|html|pdf --out FILE`: assembles the pack, records its
  `compliance.evidence_pack` audit entry and writes it to FILE; progress on stderr, the digest
  and the audit entry on stdout. A day (YYYY-MM-DD) is midnight UTC; `--to` is exclusive.
  Without `--by` the operator acts as the system (every owner's accounts, the chain verified);
  with it, as that person would over the API.
- `bulwark compliance verify FILE`: recomputes the digest of a JSON pack and finds its audit
  entry; exit 0 when both hold, EXIT_UNVERIFIED otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from application.compliance.evidence import EvidencePacks
    from bootstrap.containers.commands import Contexts

COMMAND = "compliance"
EXIT_UNVERIFIED = 1
OPERATOR = "operator"


def moment(text: str) -> datetime:
    """argparse type: YYYY-MM-DD (midnight UTC) or an ISO 8601 time with its zone."""
    try:
        found = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day (YYYY-MM-DD) nor a time (2026-11-01T00:00:00Z)"
        ) from None
    if found.tzinfo is None:
        if len(text.strip()) > 10:
            raise argparse.ArgumentTypeError(f"{text!r} needs a time zone (Z or +00:00)")
        found = found.replace(tzinfo=UTC)
    return found


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    compliance = sub.add_parser(COMMAND, help="the signed evidence pack: issue or verify one")
    verbs = compliance.add_subparsers(dest="verb", required=True)
    evidence = verbs.add_parser("evidence", help="assemble, sign and write an evidence pack")
    evidence.add_argument("--from", dest="since", type=moment, required=True, help="inclusive")
    evidence.add_argument("--to", dest="until", type=moment, required=True, help="exclusive")
    scope = evidence.add_mutually_exclusive_group()
    scope.add_argument("--account", help="one account")
    scope.add_argument("--book", help="one book")
    evidence.add_argument("--by", help="act as this user (default: the operator, as system)")
    evidence.add_argument(
        "--format", choices=("json", "html", "pdf"), default="json", help="default json"
    )
    evidence.add_argument("--out", type=Path, required=True, help="the file to write")
    verify = verbs.add_parser("verify", help="check a JSON pack's digest and its audit entry")
    verify.add_argument("file", type=Path, help="the pack, as `evidence --format json` wrote it")


def packs(contexts: Contexts) -> EvidencePacks:
    from application.compliance.evidence import EvidencePacks

    core = contexts.core
    return EvidencePacks(
        contexts.compliance.inventory(), core.uow_factory(), contexts.drills.runs_store(),
        contexts.surveillance.surveillance_store(), core.audit(), core.audit_log_service(),
        core.clock(),
    )  # fmt: skip


async def run(
    args: argparse.Namespace, contexts: Contexts, out: TextIO, err: TextIO | None = None
) -> int:
    err = err if err is not None else sys.stderr
    if args.verb == "verify":
        return await _verify(args.file, contexts, out, err)
    return await _evidence(args, contexts, out, err)


async def _evidence(args: argparse.Namespace, contexts: Contexts, out: TextIO, err: TextIO) -> int:
    from adapters.http.compliance.evidence import EvidencePackOut
    from adapters.http.compliance.evidence_html import render_pack
    from adapters.http.compliance.evidence_pdf import render_pdf
    from application.compliance.evidence import EvidenceQuery
    from bootstrap.cli_progress import ProgressBar
    from bootstrap.cli_users_named import principal_named
    from domain.principals import Principal, Role

    if args.out.parent and not args.out.parent.is_dir():
        print(f"bulwark: {args.out.parent} is not a folder", file=err)
        return 2
    if args.by is None:
        by = Principal(OPERATOR, Role.SYSTEM)
    else:
        by = await principal_named(contexts, args.by)
    bar = ProgressBar(err, unit="steps")
    bar.show(0.0, 0, 3)
    query = EvidenceQuery(args.since, args.until, args.account, args.book)
    pack = await packs(contexts).issue(by, query)
    bar.show(2 / 3, 2, 3)
    if args.format == "pdf":
        args.out.write_bytes(render_pdf(pack))
    elif args.format == "html":
        args.out.write_text(render_pack(pack), encoding="utf-8")
    else:
        import msgspec

        args.out.write_bytes(msgspec.json.format(msgspec.json.encode(EvidencePackOut.of(pack))))
    bar.show(1.0, 3, 3)
    bar.done()
    print(
        f"compliance: wrote {args.out} ({args.format}); sha256 {pack.digest}; "
        f"audit entry {pack.audit_seq}",
        file=out,
    )
    return 0


async def _verify(path: Path, contexts: Contexts, out: TextIO, err: TextIO) -> int:
    try:
        pack: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"bulwark: cannot read a JSON pack from {path}: {exc}", file=err)
        return 2
    if not isinstance(pack, dict) or not isinstance(pack.get("content"), dict):
        print(f"bulwark: {path} is not an evidence pack (no `content` object)", file=err)
        return 2
    digest = pack.get("digest")
    checked = await packs(contexts).verify(
        pack["content"], digest if isinstance(digest, str) else None
    )
    if checked.ok and checked.entry is not None:
        print(
            f"compliance: pack verified: sha256 {checked.digest}, audit entry "
            f"{checked.entry.seq} at {checked.entry.entry.at.isoformat()}",
            file=out,
        )
        return 0
    why = (
        "its digest does not match its content"
        if not checked.matches
        else ("no compliance.evidence_pack audit entry records its digest")
    )
    print(f"compliance: pack NOT verified: {why} (sha256 {checked.digest})", file=out)
    return EXIT_UNVERIFIED
