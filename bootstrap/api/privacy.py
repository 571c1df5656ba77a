"""Privacy's API: a person's data exported, a user erased on request."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("privacy", personal_data=w.privacy.personal_data)
