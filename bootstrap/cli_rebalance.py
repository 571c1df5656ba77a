"""`bulwark rebalance drift|propose|execute|autopilot`: rebalancing from the console.

`drift OWNER PORTFOLIO` and `propose OWNER PORTFOLIO [--band B] [--fractional]` read the
household with a progress bar on stderr (one step per account: large households take a
while); `propose` stores the proposal (dry run) and prints its trades, lots and estimated
gains; `execute OWNER PROPOSAL` sends it through the order gate (idempotent); `autopilot`
runs one autopilot pass now. OWNER is a username; the same owner scoping as the API.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.cli_progress import ProgressBar
from bootstrap.cli_users_named import principal_named
from domain.rebalancing.proposal import RebalanceSettings

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.rebalancing.model import SymbolDrift

COMMAND = "rebalance"


def _band(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or not Decimal(0) <= value < Decimal(1):
        raise argparse.ArgumentTypeError("a band is a fraction in [0, 1)")
    return value


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(COMMAND, help="rebalancing: drift, proposals, execution, autopilot")
    verbs = cmd.add_subparsers(dest="verb", required=True)
    for verb, what in (("drift", "drift against the targets"), ("propose", "a dry run")):
        parser = verbs.add_parser(verb, help=what)
        parser.add_argument("owner", help="the owner's username")
        parser.add_argument("portfolio_id", help="the portfolio's id")
        parser.add_argument(
            "--band",
            type=_band,
            default=None,
            help="tolerance band, an absolute weight in [0, 1) (default BULWARK_REBALANCE_BAND)",
        )
        if verb == "propose":
            parser.add_argument("--fractional", action="store_true", help="trade fractional shares")
        else:
            add_json_flag(parser)
    execute = verbs.add_parser("execute", help="send a proposal through the order gate")
    execute.add_argument("owner", help="the owner's username")
    execute.add_argument("proposal_id", help="the proposal's id (from `rebalance propose`)")
    verbs.add_parser("autopilot", help="one autopilot pass now")


async def run(
    args: argparse.Namespace, container: Contexts, out: TextIO, err: TextIO | None = None
) -> int:
    rebalancing = container.rebalancing
    if args.verb == "autopilot":
        decisions = await rebalancing.autopilot().run_once()
        for d in decisions:
            print(f"{d.portfolio_id} {d.proposal_id} {d.reason}", file=out)
        print(f"autopilot: {len(decisions)} proposals, "
              f"{sum(1 for d in decisions if d.executed)} executed", file=out)  # fmt: skip
        return 0
    service = rebalancing.service()
    owner = await principal_named(container, args.owner)
    if args.verb == "execute":
        execution = await service.execute(owner, args.proposal_id)
        for o in execution.outcomes:
            reasons = f" ({', '.join(o.reasons)})" if o.reasons else ""
            print(f"{o.trade.account_id} {o.trade.side} {o.trade.quantity} {o.trade.symbol}: "
                  f"{o.status} {o.order_id or ''}{reasons}", file=out)  # fmt: skip
        print("replayed" if execution.replayed else "executed", file=out)
        return 0
    if args.verb == "drift":
        view = await service.drift(owner, args.portfolio_id, args.band)
        if args.json:
            print_json([drift_record(s) for s in view.household.symbols], out)
            return 0
        for s in view.household.symbols:
            flag = " OUT OF BAND" if s.out_of_band else ""
            print(f"{s.symbol}: weight {s.weight} target {s.target_weight} drift "
                  f"{s.drift_weight} ({s.drift_value}){flag}", file=out)  # fmt: skip
        return 0
    bar = ProgressBar(err if err is not None else sys.stderr)
    defaults = service.defaults
    settings = RebalanceSettings(
        defaults.band if args.band is None else args.band,
        args.fractional or defaults.fractional,
    )
    stored = await service.propose(owner, args.portfolio_id, settings, progress=bar.show)
    bar.done()
    p = stored.proposal
    for t in p.trades:
        print(f"{t.account_id} {t.side} {t.quantity} {t.symbol} @ {t.price}", file=out)
        for lot in t.lots:
            print(f"  lot {lot.lot_id}: {lot.quantity} gain {lot.gain} ({lot.term})", file=out)
    for u in p.unresolved:
        print(f"unresolved {u.symbol}: {u.reason} (drift {u.drift_weight})", file=out)
    print(f"proposal {stored.id}: {len(p.trades)} trades, turnover {p.turnover}, "
          f"realised gain {p.realised_gain()} ({p.lot_method})", file=out)  # fmt: skip
    return 0


def drift_record(drift: SymbolDrift) -> dict[str, object]:
    """A symbol's drift as `rebalance drift --json` prints it (weights and money as strings)."""
    return {
        "symbol": drift.symbol,
        "value": drift.value,
        "target_value": drift.target_value,
        "weight": drift.weight,
        "target_weight": drift.target_weight,
        "drift_weight": drift.drift_weight,
        "drift_value": drift.drift_value,
        "out_of_band": drift.out_of_band,
    }
