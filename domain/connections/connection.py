"""A venue connection: one owner's way into one venue account, its credentials in the vault.

Accounts name their connection (an account on a connection is routed by the connection's
id), so any number of connections of any kinds serve at once. The credentials are a vault
key (`vault_key_id`): sealed, rotatable, never returned. A revoked connection keeps its row
(its accounts' history names it) but routes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from domain.connections.kinds import InvalidConnection, VenueEnvironment, VenueKind

ID_PREFIX = "vc-"  # a connection's id, and so the route name of its accounts
MAX_LABEL = 120
_VENUE_ACCOUNT = re.compile(r"[A-Za-z0-9]{2,32}")
_QUOTE = re.compile(r"[A-Z0-9]{2,10}")
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def on_this_host(url: str) -> bool:
    """Whether `url` names this host (where plain http and a self-signed certificate may do)."""
    return urlsplit(url).hostname in _LOCAL_HOSTS


def is_connection_id(route: str) -> bool:
    """Whether an account's route names a connection (rather than a settings' broker)."""
    return route.startswith(ID_PREFIX)


@dataclass(frozen=True, slots=True)
class VenueConnection:
    """One connection (module docstring). `quote` is a crypto venue's quote currency of cash
    and bare symbols ("BTC" is BTC/USDT); `verify_tls` false is allowed for an endpoint on this
    host only (an IBKR gateway's self-signed certificate)."""

    id: str
    owner_id: str
    label: str
    kind: VenueKind
    environment: VenueEnvironment
    created_at: datetime
    vault_key_id: str | None = None
    venue_account: str | None = None
    endpoint: str | None = None
    quote: str | None = None
    verify_tls: bool = True
    revoked_at: datetime | None = None
    # Reconciliation (application/reconciliation): halt an account of this connection when
    # its venue and Bulwark confirm a drift, rather than only alerting.
    halt_on_drift: bool = False

    @property
    def live(self) -> bool:
        return self.environment is VenueEnvironment.LIVE

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def revoked(self, now: datetime) -> VenueConnection:
        return replace(self, vault_key_id=None, revoked_at=now)


def check_label(label: str) -> str:
    cleaned = label.strip()
    if not cleaned or len(cleaned) > MAX_LABEL or not cleaned.isprintable():
        raise InvalidConnection(
            f"field `label` must be 1 to {MAX_LABEL} printable characters", field="label"
        )
    return cleaned


def check_environment(kind: VenueKind, text: str | None) -> VenueEnvironment:
    """The environment asked for, or the family's default (never live by default)."""
    allowed = kind.spec.environments
    if text is None:
        return allowed[0]
    try:
        environment = VenueEnvironment(text)
    except ValueError:
        environment = None
    if environment not in allowed:
        raise InvalidConnection(
            f"field `environment`: {kind} has {', '.join(allowed)}", field="environment"
        )
    return environment


def check_venue_account(kind: VenueKind, value: str | None) -> str | None:
    if not kind.spec.venue_account:
        if value is not None:
            raise InvalidConnection(
                f"field `venue_account`: {kind} takes none", field="venue_account"
            )
        return None
    if value is None or not _VENUE_ACCOUNT.fullmatch(value):
        raise InvalidConnection(
            f"field `venue_account` is needed for {kind}: the venue's account number "
            "(2 to 32 letters and digits)",
            field="venue_account",
        )
    return value


def check_endpoint(kind: VenueKind, value: str | None, verify_tls: bool) -> str | None:
    """An http(s) URL; plain http or an unverified certificate only to this host."""
    if value is None:
        if kind.spec.endpoint:
            raise InvalidConnection(
                f"field `endpoint` is needed for {kind}: the URL of its gateway's API",
                field="endpoint",
            )
        if not verify_tls:
            raise InvalidConnection(
                "field `verify_tls`: false only for an endpoint on this host", field="verify_tls"
            )
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(value) > 300:
        raise InvalidConnection("field `endpoint` must be an http(s) URL", field="endpoint")
    local = on_this_host(value)
    if parts.scheme == "http" and not local:
        raise InvalidConnection(
            "field `endpoint`: plain http only to this host (localhost): credentials and "
            "orders would cross the network unencrypted",
            field="endpoint",
        )
    if not verify_tls and not local:
        raise InvalidConnection(
            "field `verify_tls`: false only for an endpoint on this host", field="verify_tls"
        )
    return value.rstrip("/")


def check_quote(kind: VenueKind, value: str | None) -> str | None:
    if kind.family != "ccxt":
        if value is not None:
            raise InvalidConnection(f"field `quote`: {kind} takes none", field="quote")
        return None
    quote = value or "USDT"
    if not _QUOTE.fullmatch(quote):
        raise InvalidConnection(
            "field `quote` must be 2 to 10 capitals or digits, as in USDT", field="quote"
        )
    return quote
