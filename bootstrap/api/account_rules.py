"""Account rules' API: an account's settings of the US account rules."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("account_rules", service=w.account_rules.service)
