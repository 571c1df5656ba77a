"""Review's API: reviews and model records."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("review", reviews=w.review.reviews, model_records=w.review.model_records)
