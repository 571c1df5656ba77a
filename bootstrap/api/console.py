"""The operator console's pages (they read the other served contexts' bundles)."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring
from bootstrap.containers import http_contexts_parts as parts


def bundle(_: Wiring) -> Bundle:
    return providers.Singleton(parts.console_context)
