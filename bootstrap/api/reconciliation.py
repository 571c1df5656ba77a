"""Reconciliation's API: each connection's accounts against their venue."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("reconciliation", service=w.reconciliation.service)
