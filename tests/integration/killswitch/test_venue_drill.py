"""One kill switch over every venue family (the paper broker, the Alpaca adapter, the CCXT
adapter on Binance and Kraken, the IBKR and Tradier adapters, each on its venue's simulator),
one of them lying or none."""

from __future__ import annotations

import asyncio

from adapters.brokers.ibkr.gateway import PACING
from application.safety.venue_drill import RunVenueDrill, VenueDrillReport
from bootstrap.cli_drill import DRILL_OWNER, DRILL_SYMBOL, PRICE, RESTING_LIMIT
from bootstrap.cli_drill_venues import CASH, every_family, run_venue_drill, venue_arg
from bootstrap.drill_venues import VENUES, halt_deadline, venue_world
from domain.killswitch.drill import DrillVerdict, VenueStatus, VenueStep
from domain.killswitch.state import Scope

FAMILIES = ("paper", "alpaca", "ccxt:binance", "ccxt:kraken", "ibkr", "tradier")


async def test_honest_venues_of_every_family_are_each_confirmed_and_the_drill_passes() -> None:
    # Act
    report = await run_venue_drill(every_family(), orders=2)

    # Assert
    assert [v.name for v in report.venues] == list(FAMILIES)
    assert report.record.broker_confirmed is True
    for venue in report.venues:
        assert venue.placed == 2
        assert venue.finding.status is VenueStatus.CONFIRMED
        assert venue.finding.still_open == ()
        assert [s.label for s in venue.steps] == [s.value for s in VenueStep]
        assert all(s.at_ms is not None and s.at_ms >= 0 for s in venue.steps)
    assert [s.label for s in report.timeline] == [
        "command sent", "halted", "halt broadcast", "cancels sent", "broker-confirmed",
    ]  # fmt: skip
    assert all(s.at_ms is not None for s in report.timeline)
    assert report.judgement.verdict is DrillVerdict.PASS


async def test_a_venue_that_keeps_its_orders_fails_the_drill_by_name_with_its_orders() -> None:
    # Arrange: each family in turn the liar among all of them, the drills side by side (each
    # its own Bulwark and simulators: IBKR's pacing keeps every drill some seconds)
    runs = {
        liar: tuple(
            venue_arg(f"{name}=keep_on_cancel" if name == liar else name) for name in FAMILIES
        )
        for liar in FAMILIES
    }

    # Act
    reports = await asyncio.gather(*(run_venue_drill(c, orders=2) for c in runs.values()))

    # Assert
    for liar, report in zip(runs, reports, strict=True):
        _assert_the_liar_alone_fails(report, liar)


def _assert_the_liar_alone_fails(report: VenueDrillReport, liar: str) -> None:
    by_name = {v.name: v for v in report.venues}
    lying = by_name.pop(liar)
    assert lying.finding.status is VenueStatus.UNCONFIRMED, liar
    assert len(lying.finding.still_open) == 2, liar
    never = {s.label for s in lying.steps if s.at_ms is None}
    assert never == {"none open"}, liar  # cancels sent and acknowledged, never found empty
    assert all(v.finding.status is VenueStatus.CONFIRMED for v in by_name.values()), liar
    ids = ", ".join(o.client_order_id for o in lying.finding.still_open)
    assert report.judgement.verdict is DrillVerdict.FAIL
    assert report.judgement.reason == (
        f"the halt did not hold at {liar}: 2 orders still open ({ids}), reported UNCONFIRMED"
    )


def test_the_drill_gives_the_kill_switch_the_deadline_its_slowest_venue_needs() -> None:
    # Act
    alone = halt_deadline([VENUES["paper"], VENUES["alpaca"]])
    with_ibkr = halt_deadline(VENUES.values())

    # Assert
    assert alone == (1.5, "the default")
    assert with_ibkr == (6.0, "ibkr: IBKR lists the live orders once per 5 s; the default is 1.5 s")
    assert with_ibkr[0] > PACING["orders"]  # the confirming listing fits inside it


async def test_an_unreachable_venue_fails_the_drill_and_the_drill_is_audited_per_venue() -> None:
    # Arrange
    choices = (venue_arg("paper=disconnect"), venue_arg("alpaca"))

    # Act
    async with venue_world(choices, DRILL_OWNER.id, DRILL_SYMBOL, PRICE, CASH) as world:
        report = await world.drill.run(
            RunVenueDrill(DRILL_OWNER, world.venues, DRILL_SYMBOL, RESTING_LIMIT, orders=1)
        )
        entries = await world.embedded.audit.entries(Scope.global_().key)
        switched_off = [not v.switch.current().active for v in world.venues]

    # Assert
    paper, alpaca = report.venues
    assert paper.outcome is not None and "BROKER_UNAVAILABLE" in paper.outcome.errors
    assert paper.finding.status is VenueStatus.UNCONFIRMED
    assert alpaca.finding.status is VenueStatus.CONFIRMED
    drills = [e for e in entries if e.action == "kill_switch.drill"]
    assert len(drills) == 1
    assert drills[0].outcome == "fail"
    assert drills[0].details["venues"] == {"paper": "UNCONFIRMED", "alpaca": "confirmed"}
    assert drills[0].details["faults"] == {"paper": "disconnect", "alpaca": "none"}
    kept = [o.client_order_id for o in paper.finding.still_open]
    assert drills[0].details["still_open"] == {"paper": kept, "alpaca": []}
    assert drills[0].details["kill_switch_event"] == report.record.id
    assert switched_off == [True, True]
