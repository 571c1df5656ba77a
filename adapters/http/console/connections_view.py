"""What the connections page shows of a connection: its health in words and tone, the form's
kinds and environments, and the name a venue goes by in the console (a connection's label).

The page calls the same use cases as /api/v1/connections; this module only shapes their
answers for the templates. A secret never reaches here: a ConnectionView holds the key's
masked hint alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from application.connections.brokers import ConnectionState
from application.connections.service import ConnectionView
from domain.connections.kinds import FAMILIES, VenueEnvironment

# The kinds the form suggests (any `ccxt:<exchange id>` may be typed).
SUGGESTED_KINDS = ("alpaca", "tradier", "ibkr", "ccxt:binance", "ccxt:kraken", "ccxt:okx")
ENVIRONMENTS = tuple(e.value for e in VenueEnvironment)
FAMILY_HINTS = tuple((f.name, f.description) for f in FAMILIES.values())

_TONES = {
    ConnectionState.OK: "ok",
    ConnectionState.UNUSED: "warn",
    ConnectionState.UNREACHABLE: "warn",
    ConnectionState.RATE_LIMITED: "warn",
    ConnectionState.AUTH_FAILED: "bad",
    ConnectionState.REVOKED: "bad",
}


@dataclass(frozen=True, slots=True)
class Health:
    """A connection's state as the page says it: `state` (ok, auth_failed, unreachable,
    rate_limited, revoked, unused), since when, why, and its badge's tone (ok, warn, bad)."""

    state: str
    since: datetime | None
    reason: str
    tone: str


def health(view: ConnectionView) -> Health:
    """Revoked wins; else what the last call through it in this process left (`unused`: no
    call yet here, so nothing is known)."""
    connection = view.connection
    if connection.revoked_at is not None:
        return Health(ConnectionState.REVOKED.value, connection.revoked_at, "", "bad")
    if view.health is None:
        return Health(ConnectionState.UNUSED.value, None, "", "warn")
    state = view.health.state
    return Health(state.value, view.health.since, view.health.reason, _TONES[state])


def venue_names(views: Iterable[ConnectionView]) -> dict[str, str]:
    """Each connection's id -> "label (kind, environment)": how a route names its venue."""
    return {
        v.connection.id: f"{v.connection.label} ({v.connection.kind}, "
        f"{v.connection.environment.value})"
        for v in views
    }
