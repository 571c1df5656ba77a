"""`bulwark drill schedule ...` and `bulwark drill runs`: a user's scheduled kill-switch drills
from the console (docs/kill-switch.md#scheduled-drills), acting as that user (`--as USERNAME`),
as the API would for them. Unlike `bulwark drill kill-switch|venues` (in-process, touching
nothing), these read and write the deployment's store.

- `schedule list --as U`: one line per schedule: id, cron, time zone, target, flatten, faults,
  on/off, next run;
- `schedule add --as U --cron CRON [--target paper|vc-...] [--timezone Z] [--no-flatten]
  [--fault FAULTS] [--symbol S --limit-price P] [--off]`;
- `schedule set --as U ID [--cron ...] [--target ...] [--timezone ...] [--on|--off] [--flatten|
  --no-flatten] [--fault ...] [--symbol ... --limit-price ...]`: only what is given changes;
- `schedule remove --as U ID`: the schedule deleted (its drills' records stay);
- `runs --as U [--limit N] [ID]`: the user's drills, newest first, or one drill's venues.

A refused command (an unknown user, schedule or connection, a live connection, a cron that
cannot be read) is one line on stderr naming its code, exit code 3.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TextIO

from bootstrap.settings import SettingsError
from domain.errors import DomainError

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.drills.runs import DrillRun
    from domain.drills.schedule import DrillSchedule
    from domain.principals import Principal

SCHEDULE = "schedule"
RUNS = "runs"
KINDS = (SCHEDULE, RUNS)
EXIT_REFUSED = 3


def uses_store(args: argparse.Namespace) -> bool:
    """Whether this `bulwark drill ...` reads the deployment's store (not an in-process drill)."""
    return getattr(args, "drill", None) in KINDS


def _price(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError("expected a price, as 1.25") from None
    if not value.is_finite() or value <= 0:
        raise argparse.ArgumentTypeError("expected a positive price")
    return value


def _acting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="username", required=True, help="the schedules' owner")


def _fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    parser.add_argument(
        "--cron", required=adding, help="five cron fields (e.g. '0 3 * * 1-5') or @daily, ..."
    )
    parser.add_argument(
        "--target", help="paper (default) or a venue connection's id (never a live one)"
    )
    parser.add_argument("--timezone", help="the IANA zone the cron is read in (default UTC)")
    parser.add_argument(
        "--flatten", dest="flatten", action="store_true", default=None,
        help="paper: hold a position the kill switch must close (the default there)",
    )  # fmt: skip
    parser.add_argument(
        "--no-flatten", dest="flatten", action="store_false", help="paper: drill without one"
    )
    parser.add_argument(
        "--fault", dest="faults", help="paper: the broker's faults during the halt (none, ...)"
    )
    parser.add_argument("--symbol", help="a venue's drill: a symbol the venue lists")
    parser.add_argument(
        "--limit-price", type=_price, help="a venue's drill: a buy limit well below the market"
    )


def add_parsers(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schedule = kinds.add_parser(
        SCHEDULE,
        help="a user's drill schedules in the store: list, add, set, remove",
        epilog=f"exit codes: 0 done; 2 bad arguments; {EXIT_REFUSED} refused",
    )
    verbs = schedule.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="the user's drill schedules")
    _acting(listing)
    add = verbs.add_parser("add", help="a new drill schedule")
    _acting(add)
    _fields(add, adding=True)
    add.add_argument("--off", dest="enabled", action="store_false", help="kept, not run yet")
    change = verbs.add_parser("set", help="change a drill schedule (only what is given)")
    _acting(change)
    change.add_argument("schedule_id", metavar="ID", help="the schedule's id (ds-...)")
    _fields(change, adding=False)
    change.add_argument(
        "--on", dest="enabled", action="store_true", default=None, help="run it when due"
    )
    change.add_argument("--off", dest="enabled", action="store_false", help="keep it, run none")
    remove = verbs.add_parser("remove", help="delete a drill schedule (its drills stay)")
    _acting(remove)
    remove.add_argument("schedule_id", metavar="ID", help="the schedule's id (ds-...)")
    runs = kinds.add_parser(RUNS, help="a user's scheduled drills, newest first, or one")
    _acting(runs)
    runs.add_argument("run_id", metavar="ID", nargs="?", help="one drill's id (dr-...)")
    runs.add_argument("--limit", type=int, default=20, help="how many drills (20)")


async def run(args: argparse.Namespace, contexts: Contexts, out: TextIO) -> int:
    from bootstrap.cli_users_named import principal_named

    try:
        principal = await principal_named(contexts, args.username)
        if args.drill == RUNS:
            return await _runs(args, contexts, principal, out)
        return await _schedule(args, contexts, principal, out)
    except DomainError as exc:
        print(f"bulwark: {exc.code}: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except SettingsError as exc:
        print(f"bulwark: {exc}", file=sys.stderr)
        return EXIT_REFUSED


async def _schedule(
    args: argparse.Namespace, contexts: Contexts, principal: Principal, out: TextIO
) -> int:
    from application.drills.schedules import ScheduleChange, ScheduleDraft

    service = contexts.drills.schedules()
    if args.verb == "list":
        print("id\tcron\ttimezone\ttarget\tflatten\tfaults\tstate\tnext run", file=out)
        for schedule in await service.list(principal):
            print(_line(schedule), file=out)
        return 0
    if args.verb == "remove":
        await service.delete(principal, args.schedule_id)
        print(f"drill schedule: removed {args.schedule_id} (its drills' records stay)", file=out)
        return 0
    given = {
        "cron": args.cron, "target": args.target, "timezone": args.timezone,
        "flatten": args.flatten, "faults": args.faults, "symbol": args.symbol,
        "limit_price": args.limit_price,
    }  # fmt: skip
    if args.verb == "add":
        chosen = {k: v for k, v in given.items() if v is not None}
        made = await service.create(ScheduleDraft(principal, enabled=args.enabled, **chosen))
        print(f"drill schedule: added {_line(made)}", file=out)
        return 0
    changed = await service.change(
        ScheduleChange(principal, args.schedule_id, enabled=args.enabled, **given)
    )
    print(f"drill schedule: changed {_line(changed)}", file=out)
    return 0


async def _runs(
    args: argparse.Namespace, contexts: Contexts, principal: Principal, out: TextIO
) -> int:
    records = contexts.drills.records()
    if args.run_id is not None:
        _detail(await records.get(principal, args.run_id), out)
        return 0
    page = await records.page(principal, None, max(1, args.limit))
    print(
        "id\tstarted\ttarget\toutcome\thalt ms\tcancel ms\tflat ms\tunconfirmed\treason", file=out
    )
    for run in page.items:
        print(
            "\t".join(
                [
                    run.id, run.started_at.isoformat(), run.target.key, run.outcome.value,
                    _ms(run.time_to_halt_ms), _ms(run.time_to_cancel_ms),
                    _ms(run.time_to_flat_ms), ",".join(run.unconfirmed_venues) or "-",
                    run.reason,
                ]
            ),
            file=out,
        )  # fmt: skip
    return 0


def _detail(run: DrillRun, out: TextIO) -> None:
    print(
        f"drill {run.id}: {run.outcome.value.upper()} on {run.target.key}, "
        f"{run.started_at.isoformat()} to {run.finished_at.isoformat()}",
        file=out,
    )
    print(f"  reason: {run.reason}", file=out)
    print(f"  time to halt: {_ms(run.time_to_halt_ms)} ms", file=out)
    for venue in run.venues:
        state = "confirmed" if venue.confirmed else "UNCONFIRMED"
        print(
            f"  {venue.venue}: {state}; confirmed cancel {_ms(venue.time_to_cancel_ms)} ms, "
            f"flat {_ms(venue.time_to_flat_ms)} ms; still open: "
            f"{', '.join(venue.still_open) or 'none'}; still held: "
            f"{', '.join(venue.positions_remaining) or 'none'}; errors: "
            f"{', '.join(venue.errors) or 'none'}",
            file=out,
        )


def _line(schedule: DrillSchedule) -> str:
    target = schedule.target.key
    if schedule.symbol is not None:
        target += f" ({schedule.symbol} at {schedule.limit_price})"
    following = "-" if schedule.next_run_at is None else schedule.next_run_at.isoformat()
    return "\t".join(
        [
            schedule.id, schedule.cron, schedule.timezone, target,
            "yes" if schedule.flatten else "no", schedule.faults,
            "on" if schedule.enabled else "off", following,
        ]
    )  # fmt: skip


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
