"""Books' API: an owner's books."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("books", service=w.books.service, killswitch=w.books.killswitch)
