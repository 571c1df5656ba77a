"""`bulwark orders export`: the orders of a period with their attribution, as CSV or JSON on
stdout, a progress bar on stderr (docs/order-attribution.md).

    bulwark orders export --from 2026-11-01 --to 2026-11-30 --format csv > november.csv

`--from` and `--to` take a date (UTC; `--to`'s day included) or a time with its zone (`--to`
excluded). The console exports every account's orders, as a risk officer would, unless `--by
USERNAME` names the person it is for: then what that person may read (their own accounts'
orders, or everyone's for a risk officer, an admin or a viewer). The export is audited
(`orders.export`). A bad bound or format is one line on stderr and exit status 2, an unknown
`--by` one line and exit status 3, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_progress import ProgressBar
from bootstrap.cli_serve import EXIT_USAGE
from domain.principals import Principal

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.trading.orders import Order

COMMAND = "orders"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    orders = sub.add_parser(COMMAND, help="orders: export a period's orders with their attribution")
    verbs = orders.add_subparsers(dest="verb", required=True)
    export = verbs.add_parser(
        "export", help="the orders of a period with their algorithm, person and client"
    )
    export.add_argument(
        "--from", dest="since", required=True, help="first day (YYYY-MM-DD, UTC) or time"
    )
    export.add_argument(
        "--to", dest="until", required=True, help="last day, included (or a time, excluded)"
    )
    export.add_argument(
        "--format", dest="export_format", default="csv", help="csv (default) or json"
    )
    export.add_argument(
        "--by", help="username of the person it is for (default: every account's orders)"
    )


async def run(
    args: argparse.Namespace, contexts: Contexts, out: TextIO, err: TextIO | None = None
) -> int:
    from application.trading.attribution_export import (
        FORMATS,
        InvalidExportPeriod,
        export_period,
        rendered,
    )

    err = err if err is not None else sys.stderr
    try:
        if args.export_format not in FORMATS:
            raise InvalidExportPeriod("--format is csv or json", field="format")
        since, until = export_period(args.since, args.until)
    except InvalidExportPeriod as exc:
        print(f"bulwark: orders export: {_option(exc.message)}", file=err)
        return EXIT_USAGE
    principal = Principal.system()
    if args.by:
        from bootstrap.cli_users_named import principal_named

        principal = await principal_named(contexts, args.by)
    export = await contexts.trading.attribution_export().open(
        principal, since, until, args.export_format
    )
    bar = ProgressBar(err, unit="orders")
    written = 0

    def shown(page: list[Order]) -> None:
        nonlocal written
        written += len(page)
        bar.show(export.progress(page[-1]))  # how far through the period

    async for piece in rendered(export, args.export_format, shown):
        out.write(piece)
    out.flush()
    bar.show(1.0)
    bar.done()
    print(
        f"orders export: {written} orders placed from {since.isoformat()} to "
        f"{until.isoformat()} (excluded)",
        file=err,
    )
    return 0


def _option(message: str) -> str:
    """The use case's words for the query's fields, as the command's options."""
    for name in ("from", "to", "format"):
        if message.startswith(f"{name} "):
            return f"--{message}"
    return message
