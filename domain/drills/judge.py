"""How a scheduled drill is judged: the venue drill's verdict (domain/killswitch/drill.py: every
venue confirmed and holding none of the drill's orders), and with flatten each venue flat too
(no position left where the kill switch said it was)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from domain.drills.runs import DrillOutcome
from domain.killswitch.drill import VenueFinding, VenueStatus


def judge_drill(
    findings: Sequence[VenueFinding], held: Mapping[str, tuple[str, ...]]
) -> tuple[DrillOutcome, str]:
    """PASS when every venue was confirmed, holds none of the drill's orders and (`held`, by
    venue: the positions it still shows after a flatten) no position; FAIL naming each venue
    where the halt did not hold and why."""
    if not findings:
        raise ValueError("a drill halts at least one venue")
    failures: list[str] = []
    for finding in findings:
        positions = held.get(finding.venue, ())
        kept = ", ".join(positions)
        if finding.status is VenueStatus.FALSE_ALARM and positions:
            failures.append(
                f"{finding.venue} did not end flat: it still holds {kept}, reported UNCONFIRMED"
            )
        elif (reason := finding.failure()) is not None:
            failures.append(reason)
        elif positions:
            failures.append(
                f"the kill switch reported {finding.venue} flat but it still holds {kept}"
            )
    if failures:
        return DrillOutcome.FAIL, "; ".join(failures)
    names = ", ".join(f.venue for f in findings)
    flat = " and holds no position" if held else ""
    return DrillOutcome.PASS, (f"every venue confirmed and holds no drill order{flat} ({names})")
