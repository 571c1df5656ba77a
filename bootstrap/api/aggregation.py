"""Aggregation's API: linked institutions and their webhooks."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "aggregation", aggregation=w.aggregation.service, webhooks=w.aggregation.webhooks
    )
