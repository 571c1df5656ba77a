"""The core API: status, settings summary, events, streams, compute and jobs: always served."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring, bundle_of
from bootstrap.containers import http_contexts_parts as parts


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "core",
        clock=w.core.clock,
        auth=w.core.auth,
        accounts=w.trading.accounts,
        events=w.events,
        probes=w.probes,
        settings_summary=w.settings_summary,
        streams=providers.Selector(
            w.core.kafka_kind, none=providers.Object(None), kafka=w.core.kafka_link.provided.monitor
        ),
        in_doubt=w.safety.in_doubt_watch,
        compute=w.core.compute,
        jobs=w.core.job_holdings,
        ops_alerts=providers.Singleton(parts.ops_alert_relay, w.core.uow_factory, w.core.notifier),
    )
