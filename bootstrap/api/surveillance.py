"""Surveillance's API: its alerts."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("surveillance", surveillance=w.surveillance.surveillance)
