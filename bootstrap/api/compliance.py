"""Compliance's API: the control inventory."""

from __future__ import annotations

from dependency_injector import providers

from application.compliance.evidence import EvidencePacks
from bootstrap.api import Bundle, Wiring, bundle_of


def bundle(w: Wiring) -> Bundle:
    evidence = providers.Singleton(
        EvidencePacks,
        w.compliance.inventory, w.core.uow_factory, w.drills.runs_store,
        w.surveillance.surveillance_store, w.core.audit, w.core.audit_log_service, w.core.clock,
    )  # fmt: skip
    return bundle_of("compliance", inventory=w.compliance.inventory, evidence=evidence)
