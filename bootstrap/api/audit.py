"""The audit log's API."""

from __future__ import annotations

from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    return bundle_of("audit", audit_log=w.core.audit_log_service)
