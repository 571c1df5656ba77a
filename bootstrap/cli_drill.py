"""`bulwark drill kill-switch`: a kill-switch drill in-process, against a paper broker that lies
(`bulwark drill venues`, several venue families at once, is bootstrap/cli_drill_venues.py).

The drill builds an embedded Bulwark of its own (in-memory store, paper broker behind the
drill faults), rests a few orders in the scope through the pre-trade gate, switches the
fault on and engages the kill switch through its real sequence. It prints the timeline and
a verdict: PASS (exit 0) when the kill switch's confirmation matches what the broker still
holds, FAIL (exit 1) otherwise; a usage error exits 2. Nothing outside the process is
touched, so it runs the same in every environment.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, TextIO

from domain.killswitch.drill import BrokerFaults, UnknownFault
from domain.killswitch.state import Scope, ScopeKind
from domain.principals import Principal, Role

if TYPE_CHECKING:  # the drill's world loads when it runs, not with the console's parser
    from adapters.brokers.paper.drill import FaultSwitch
    from application.safety.killswitch import KillSwitchConfig
    from application.safety.killswitch_drill import DrillReport, KillSwitchDrill, RunDrill
    from bootstrap.embedded import Embedded

COMMAND = "drill"
EXIT_PASS = 0
EXIT_FAIL = 1
DRILL_OWNER = Principal("drill-owner", Role.OWNER)
DRILL_ACCOUNT = "drill-account"
DRILL_SYMBOL = "DRILL"
PRICE = Decimal(100)
RESTING_LIMIT = Decimal(50)  # a buy limit well below the price: it rests
_FAULTS_HELP = (
    "none (the baseline), or faults joined by commas: keep_on_cancel, delay_acks[=MS], "
    "drop_acks, reject_sends, disconnect"
)


def scope_arg(text: str) -> Scope:
    """argparse type for --scope: global, account:ID or agent:ID."""
    try:
        return Scope.parse(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError("expected global, account:ID or agent:ID") from None


def faults_arg(text: str) -> BrokerFaults:
    try:
        return BrokerFaults.parse(text)
    except UnknownFault as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def orders_arg(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError("expected 1 to 100 orders")
    return int(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    drill = sub.add_parser("drill", help="rehearse failures in-process (touches nothing outside)")
    kinds = drill.add_subparsers(dest="drill", required=True)
    switch = kinds.add_parser(
        "kill-switch", help="engage the kill switch against a paper broker with a fault"
    )
    switch.add_argument(
        "--scope",
        type=scope_arg,
        default=Scope.account(DRILL_ACCOUNT),
        help=f"global, account:ID or agent:ID (default account:{DRILL_ACCOUNT})",
    )
    switch.add_argument("--fault", type=faults_arg, default=BrokerFaults(), help=_FAULTS_HELP)
    switch.add_argument("--orders", type=orders_arg, default=3, help="orders to rest (3)")
    from bootstrap import cli_drill_schedules, cli_drill_venues

    cli_drill_venues.add_parser(kinds)
    cli_drill_schedules.add_parsers(kinds)  # schedule ..., runs: the store's, not in-process


@dataclass
class DrillWorld:
    """An embedded Bulwark whose paper broker shows the faults `switch` holds."""

    embedded: Embedded
    switch: FaultSwitch
    drill: KillSwitchDrill


def drill_world(
    *, fake_clock: bool = False, killswitch_config: KillSwitchConfig | None = None
) -> DrillWorld:
    from adapters.brokers.paper.drill import FaultSwitch, FaultyBroker
    from application.safety.killswitch_drill import KillSwitchDrill
    from bootstrap.embedded import build_embedded

    switch = FaultSwitch()
    embedded = build_embedded(
        fake_clock=fake_clock,
        killswitch_config=killswitch_config,
        route_paper=lambda paper, clock: FaultyBroker(paper, switch, clock),
    )
    drill = KillSwitchDrill(
        embedded.killswitch,
        embedded.orders,
        embedded.broker,  # the bare paper broker: the truth
        switch,
        embedded.clock,
        embedded.audit,
    )
    return DrillWorld(embedded, switch, drill)


async def prepare(world: DrillWorld, scope: Scope, faults: BrokerFaults, orders: int) -> RunDrill:
    """The drill's instrument and account (the scope's account when it names one)."""
    from application.safety.killswitch_drill import RunDrill
    from domain.trading.instruments import Instrument

    account_id = scope.id if scope.kind is ScopeKind.ACCOUNT else DRILL_ACCOUNT
    await world.embedded.add_instrument(Instrument(DRILL_SYMBOL, sector="Drill"), PRICE)
    await world.embedded.open_account(account_id, DRILL_OWNER.id, Decimal(1_000_000))
    return RunDrill(
        DRILL_OWNER, scope, account_id, faults, DRILL_SYMBOL, RESTING_LIMIT, orders=orders
    )


async def run_drill(
    scope: Scope, faults: BrokerFaults, orders: int = 3, *, world: DrillWorld | None = None
) -> DrillReport:
    world = world or drill_world()
    return await world.drill.run(await prepare(world, scope, faults, orders))


def in_process(args: argparse.Namespace) -> bool:
    """Whether this `bulwark drill ...` runs in-process (kill-switch, venues), touching nothing
    outside; `schedule` and `runs` read the store (bootstrap/cli_drill_schedules.py)."""
    from bootstrap import cli_drill_schedules

    return not cli_drill_schedules.uses_store(args)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from bootstrap import cli_drill_venues

    if args.drill == cli_drill_venues.KIND:
        return cli_drill_venues.run(args, out)
    report = asyncio.run(run_drill(args.scope, args.fault, args.orders))
    print_report(report, out)
    return exit_code(report)


def exit_code(report: DrillReport) -> int:
    return EXIT_PASS if report.judgement.passed else EXIT_FAIL


def print_report(report: DrillReport, out: TextIO) -> None:
    record = report.record
    print(
        f"kill-switch drill: scope {report.scope.key}, fault {report.faults.describe()} "
        "(in-process paper broker)",
        file=out,
    )
    print(f"  {report.placed} orders resting at the broker before the halt", file=out)
    outcomes = record.brokers
    for step in report.timeline:
        detail = ""
        if step.label == "cancels sent":
            requested = sum(o.cancel_requested for o in outcomes)
            acknowledged = sum(o.cancel_acknowledged for o in outcomes)
            detail = f" ({requested} requested, {acknowledged} acknowledged)"
        elif step.label == "broker-confirmed":
            if step.at_ms is None:
                print(f"  {'':>14}  UNCONFIRMED after {record.elapsed_ms:.3f} ms", file=out)
                continue
            detail = ": no order left open"
        print(f"  {ms(step.at_ms):>14}  {step.label}{detail}", file=out)
    for outcome in outcomes:
        errors = ", ".join(outcome.errors) or "none"
        tries = "attempt" if outcome.attempts == 1 else "attempts"
        print(
            f"  {'':>14}  {outcome.broker}: {outcome.attempts} {tries}, "
            f"{outcome.remaining_open} counted open, errors: {errors}",
            file=out,
        )
    print(
        f"  broker truth: {report.still_open} of {report.placed} drill orders still open",
        file=out,
    )
    print(f"verdict: {report.judgement.verdict.value}: {report.judgement.reason}", file=out)


def ms(at_ms: float | None) -> str:
    return "never" if at_ms is None else f"+{at_ms:.3f} ms"
