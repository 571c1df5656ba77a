"""Safety's API: the kill switch, succession and the drills' faults."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "safety",
        killswitch=w.safety.killswitch,
        succession=w.safety.succession,
        drill_faults=w.safety.drill_faults,
    )
