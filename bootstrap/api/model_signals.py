"""Model signals' API: the catalogue of signal models."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("model_signals", catalogue=w.model_signals.catalogue)
