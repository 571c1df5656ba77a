"""The process and its HTTP API: profile, listener, logs, collector, request limits."""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.contexts import ALWAYS_SERVED, SERVABLE_CONTEXTS
from bootstrap.settings.base import PerMinute, PosInt, Seconds, Section, SettingsError


class CoreSettings(Section, frozen=True, kw_only=True):
    """The process: profile, listener, logs, workers, event-loop watchdog and collector."""

    env_prefix: ClassVar[str] = ""

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 8000
    workers: Annotated[int, msgspec.Meta(ge=1, le=256)] = 1
    # A background job (recorders, snapshots, watches, schedules) runs in one process of the
    # deployment, the holder of its lease (bootstrap/job_leases.py): a holder that dies or stops
    # renewing is taken over within this many seconds (renewed every third of it).
    job_lease_seconds: Annotated[float, msgspec.Meta(ge=3, le=600)] = 15.0
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["auto", "json", "console"] = "auto"
    demo: bool = False
    docs_enabled: bool = True
    # The API's contexts this instance mounts and builds (comma-separated names, e.g.
    # "trading,safety,identity"); empty: all of them. `health` and `core` are always served;
    # `console` is the operator console's pages.
    served_contexts: tuple[str, ...] = ()
    # The event loop blocked longer than this is logged with its stack, counted and alerted
    # (`bulwark serve` and `bulwark consume`); 0 turns the watchdog off.
    loop_watchdog_ms: Annotated[float, msgspec.Meta(ge=0, le=60_000)] = 100.0
    # After start-up (`bulwark serve` and `bulwark consume`): one collection, then gc.freeze()
    # (start-up objects are never scanned again) and these collector thresholds (CPython's
    # are 700, 10, 10; ours were measured with benchmarks/bench_latency.py, see gc_tuning).
    gc_freeze: bool = True
    gc_threshold_gen0: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 2000
    gc_threshold_gen1: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 10
    gc_threshold_gen2: Annotated[int, msgspec.Meta(ge=1, le=1000)] = 100
    # `bulwark serve` on SIGTERM or Ctrl-C: open requests and connections get this long, then
    # the background tasks (the notification dispatcher...) are cancelled and the process
    # exits; what they left (pending deliveries) stays in the store for the next start. 5 s:
    # with the watcher's 3 s margin, gone before a container runtime's SIGKILL (10 s).
    shutdown_grace_seconds: Annotated[float, msgspec.Meta(ge=0.5, le=600)] = 5.0

    def serves(self, context: str) -> bool:
        """Whether this instance serves the API context `context` (served_contexts)."""
        chosen = self.served_contexts
        return not chosen or context in chosen or context in ALWAYS_SERVED

    def check(self) -> None:
        if self.env == "prod" and self.demo:
            raise SettingsError(f"{self.var('demo')} must be false when BULWARK_ENV=prod")
        unknown = sorted(set(self.served_contexts) - set(SERVABLE_CONTEXTS))
        if unknown:
            raise SettingsError(
                f"{self.var('served_contexts')}: no context named {', '.join(unknown)}; "
                f"the API's contexts are {', '.join(SERVABLE_CONTEXTS)}"
            )


class HttpSettings(Section, frozen=True, kw_only=True):
    """What the API accepts: bodies, JSON shape, order size, rate limits, WebSockets, CORS."""

    env_prefix: ClassVar[str] = ""

    max_body_bytes: PosInt = 1_048_576
    # Every JSON body, WebSocket message and Kafka command is refused above these, before decoding.
    json_max_depth: Annotated[int, msgspec.Meta(ge=2, le=512)] = 64
    json_max_string_bytes: PosInt = 65_536
    # The largest order accepted, as quantity x price x multiplier (money, whole units): above
    # it an order is refused with 422 INVALID_QUANTITY before the gate sees it.
    max_order_notional: Annotated[int, msgspec.Meta(ge=1, le=10**15)] = 1_000_000_000
    login_rate_per_minute: PerMinute = 10
    refresh_rate_per_minute: PerMinute = 30
    kill_switch_rate_per_minute: PerMinute = 30
    api_rate_per_minute: PerMinute = 1200
    # Admission to the order path, per worker: an order that would wait longer than this for
    # it is refused at once, 503 OVERLOADED with Retry-After (docs/admission.md); 0: off.
    admission_max_wait_ms: Annotated[int, msgspec.Meta(ge=0, le=60_000)] = 500
    ws_ping_seconds: Seconds = 20.0
    ws_queue_size: PosInt = 1000
    cors_origins: tuple[str, ...] = ()
    # This server as its users reach it (https://bulwark.example.com: scheme and host, no path),
    # behind a proxy that passes on another Host: the OAuth issuer, the protected resource
    # (`<public URL>/mcp`) and the discovery documents' URLs. Unset: the request's own.
    public_url: str | None = None
    # Body limit of POST /api/v1/analytics/options/greeks and .../implied-vol only (JSON or
    # Arrow): a million options are ~100 MB of JSON; the rest of the API keeps max_body_bytes.
    analytics_max_body_bytes: Annotated[int, msgspec.Meta(ge=1024, le=1_073_741_824)] = 67_108_864

    def check(self) -> None:
        if self.public_url is not None and not re.match(
            r"^https?://[^/\s?#@]+/?$", self.public_url
        ):
            raise SettingsError(
                f"{self.var('public_url')}: expected an origin like https://bulwark.example.com "
                "(scheme and host, no path)"
            )
        for origin in self.cors_origins:
            if origin != "*" and not re.match(r"^https?://[^/\s]+$", origin):
                raise SettingsError(
                    f"{self.var('cors_origins')}: expected '*' or origins like "
                    "https://app.example.com"
                )
