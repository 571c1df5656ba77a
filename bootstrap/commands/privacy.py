"""`bulwark privacy export|erase`: a person's data from the console (docs/privacy.md).

- `bulwark privacy export USERNAME --by ADMIN [--out FILE]`: the zip the API serves, written to
  FILE (default: its own name in the current folder), the sections counted;
- `bulwark privacy erase USERNAME --by ADMIN --confirm USERNAME`: the erasure the API runs.

`--by` names the person acting (an admin, or for an export the user themselves): the audit
entry names them, as it would for the same request over the API.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts

COMMAND = "privacy"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    privacy = sub.add_parser(COMMAND, help="a person's data: export it, or erase a user")
    verbs = privacy.add_subparsers(dest="verb", required=True)
    export = verbs.add_parser("export", help="write everything held about a user to a zip")
    export.add_argument("username", help="whose data")
    export.add_argument("--by", required=True, help="who asks: an admin, or the user")
    export.add_argument("--out", type=Path, help="the zip to write (default: its own name)")
    erase = verbs.add_parser("erase", help="erase a user on request (cannot be undone)")
    erase.add_argument("username", help="whom to erase")
    erase.add_argument("--by", required=True, help="the admin erasing them")
    erase.add_argument("--confirm", required=True, help="the username again")


async def run(args: argparse.Namespace, contexts: Contexts, out: TextIO) -> int:
    from application.privacy.archive import archive, file_name
    from bootstrap.cli_users_named import principal_named, user_named

    by = await principal_named(contexts, args.by)
    user = await user_named(contexts, args.username)
    service = contexts.privacy.personal_data()
    if args.verb == "export":
        export = await service.export(by, user.id)
        path: Path = args.out or Path(file_name(export))
        path.write_bytes(archive(export))
        rows = sum(export.counts().values())
        print(f"privacy: wrote {path} ({len(export.sections)} sections, {rows} rows)", file=out)
        return 0
    report = await service.erase(by, user.id, args.confirm)
    print(
        f"privacy: erased {user.id} (now {report.pseudonym}): {report.api_keys_revoked} API "
        f"keys revoked, {report.endpoints_removed} endpoints removed, {report.devices_revoked} "
        f"devices revoked, {report.connections_revoked} venue connections revoked, "
        f"{report.vault_keys_deleted} vault keys deleted; "
        f"kept: {', '.join(kept.what for kept in report.retained)}",
        file=out,
    )
    return 0
