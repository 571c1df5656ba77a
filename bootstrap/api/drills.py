"""Drills' API: the owners' drill schedules and the records of their drills."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "drills",
        schedules=w.drills.schedules,
        records=w.drills.records,
    )
