"""Rebalancing's API: rebalances, autopilot limits and stored attribution."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "rebalancing",
        rebalancing=w.rebalancing.service,
        limits=w.rebalancing.limits,
        attribution=w.rebalancing.attribution,
    )
