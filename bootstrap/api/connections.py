"""Connections' API: an owner's venue connections."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("connections", service=w.connections.service)
