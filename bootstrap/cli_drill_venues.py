"""`bulwark drill venues`: one kill switch over several venue families at once, in-process.

Each `--venue FAMILY[=FAULTS]` opens a venue of that family (bootstrap/drill_venues.py: the
real adapter on a simulator of its venue's API served on loopback, or the paper broker) with
a drill account routed to it; the drill rests orders at every venue, switches each venue's
faults on, engages the kill switch once over all of them and asks each venue what it still
holds. It prints the halt's steps, each venue's steps and outcome, and the verdict: PASS
(exit 0) when every venue was confirmed and holds nothing, FAIL (exit 1) naming each venue
where orders survived, with their ids; a usage error exits 2.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from bootstrap.cli_drill import (
    DRILL_OWNER,
    DRILL_SYMBOL,
    EXIT_FAIL,
    EXIT_PASS,
    PRICE,
    RESTING_LIMIT,
    ms,
    orders_arg,
)
from bootstrap.drill_venues import VENUES, VenueChoice, halt_deadline, venue_world
from domain.killswitch.drill import BrokerFaults, UnknownFault

if TYPE_CHECKING:  # the drill's world loads when it runs, not with the console's parser
    from application.safety.venue_drill import VenueDrillReport, VenueReport

KIND = "venues"
CASH = Decimal(1_000_000)


def venue_arg(text: str) -> VenueChoice:
    """argparse type for --venue: a family of the table, then `=FAULTS` if it is to lie."""
    name, sep, faults = text.strip().partition("=")
    family = VENUES.get(name.strip().lower())
    if family is None:
        raise argparse.ArgumentTypeError(
            f"unknown venue {name.strip()!r}; known: {', '.join(VENUES)}"
        )
    try:
        return VenueChoice(family, BrokerFaults.parse(faults) if sep else BrokerFaults())
    except UnknownFault as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


class _EachVenueOnce(argparse.Action):
    """Appends a --venue, refusing one named twice."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        chosen: list[VenueChoice] = list(getattr(namespace, self.dest) or [])
        choice: VenueChoice = values  # type: ignore[assignment]  # venue_arg's
        if any(c.name == choice.name for c in chosen):
            raise argparse.ArgumentError(self, f"venue {choice.name} is named twice")
        setattr(namespace, self.dest, [*chosen, choice])


def add_parser(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    venues = kinds.add_parser(
        KIND, help="engage the kill switch once over several venue families, one may lie"
    )
    venues.add_argument(
        "--venue",
        dest="venues",
        type=venue_arg,
        action=_EachVenueOnce,
        metavar="FAMILY[=FAULTS]",
        help=f"a venue to halt: {', '.join(VENUES)}, with faults after = "
        "(e.g. paper=keep_on_cancel); repeat it; default every family, none lying",
    )
    venues.add_argument("--orders", type=orders_arg, default=3, help="orders per venue (3)")


def every_family() -> tuple[VenueChoice, ...]:
    return tuple(VenueChoice(family, BrokerFaults()) for family in VENUES.values())


async def run_venue_drill(choices: tuple[VenueChoice, ...], orders: int = 3) -> VenueDrillReport:
    from application.safety.venue_drill import RunVenueDrill

    async with venue_world(choices, DRILL_OWNER.id, DRILL_SYMBOL, PRICE, CASH) as world:
        return await world.drill.run(
            RunVenueDrill(DRILL_OWNER, world.venues, DRILL_SYMBOL, RESTING_LIMIT, orders)
        )


def run(args: argparse.Namespace, out: TextIO) -> int:
    choices = tuple(args.venues or every_family())
    report = asyncio.run(run_venue_drill(choices, args.orders))
    print_report(report, choices, out)
    return EXIT_PASS if report.judgement.passed else EXIT_FAIL


def print_report(report: VenueDrillReport, choices: Sequence[VenueChoice], out: TextIO) -> None:
    print(
        f"kill-switch drill over {len(report.venues)} venues, one global halt "
        "(nothing outside the process)",
        file=out,
    )
    for choice in choices:
        print(f"  {choice.describe()}: {choice.family.runs}", file=out)
    seconds, why = halt_deadline(c.family for c in choices)
    print(f"  kill-switch deadline {seconds:g} s ({why})", file=out)
    record = report.record
    for step in report.timeline:
        if step.label == "broker-confirmed" and step.at_ms is None:
            unconfirmed = ", ".join(record.unconfirmed_brokers)
            print(
                f"  {'':>14}  UNCONFIRMED after {record.elapsed_ms:.3f} ms: {unconfirmed}",
                file=out,
            )
        else:
            print(f"  {ms(step.at_ms):>14}  {step.label}", file=out)
    for venue in report.venues:
        _print_venue(venue, out)
    print(f"verdict: {report.judgement.verdict.value}: {report.judgement.reason}", file=out)


def _print_venue(venue: VenueReport, out: TextIO) -> None:
    finding = venue.finding
    print(f"  {venue.name} (fault {venue.faults.describe()}): {finding.status.value}", file=out)
    for step in venue.steps:
        print(f"  {ms(step.at_ms):>14}  {step.label}", file=out)
    outcome = venue.outcome
    if outcome is None:
        asked = "the kill switch did not reach it"
    else:
        tries = "attempt" if outcome.attempts == 1 else "attempts"
        asked = f"{outcome.attempts} {tries}, errors: {', '.join(outcome.errors) or 'none'}"
    truth = f"venue truth: {len(finding.still_open)} of {venue.placed} drill orders open"
    print(f"  {'':>14}  {asked}; {truth}", file=out)
    for held in finding.still_open:
        print(
            f"  {'':>14}  still open: {held.client_order_id} (at the venue {held.venue_order_id})",
            file=out,
        )
