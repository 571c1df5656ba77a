"""OAuth's API: the authorization server's endpoints and a person's grants."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("oauth", service=w.oauth.service, clock=w.core.clock)
