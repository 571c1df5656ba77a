"""The health probes' API (/health, /ready): always served."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring
from bootstrap.containers import http_contexts_parts as parts


def bundle(w: Wiring) -> Bundle:
    return providers.Singleton(
        parts.health_context, providers.Singleton(parts.health_services, w.core.clock, w.probes)
    )
