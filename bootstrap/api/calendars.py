"""Calendars' API: a venue's sessions for a date range."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring, bundle_of
from bootstrap.containers import http_contexts_parts as parts


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "calendars",
        sessions=providers.Singleton(parts.venue_sessions_query, w.core.calendar_sessions),
    )
