"""Wealth's API: investor profiles, retirement and estate tax."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "wealth",
        profiles=w.wealth.investor_profiles,
        retirement=w.wealth.retirement,
        estate_tax=w.wealth.estate_tax,
    )
