"""Venue connection DTOs: credentials come in once; only a masked key id ever goes out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from application.connections.service import (
    ConnectionView,
    CreateConnection,
    RotateCredentials,
)
from domain.keys.keys import MAX_SECRET
from domain.principals import Principal

# Printable, no spaces: what venues' key ids, secrets and tokens are made of.
_SECRET = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_SECRET, pattern=r"^\S+$")]
_KIND = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class ConnectionIn(Input):
    """A new connection: its venue kind (`alpaca`, `ccxt:<exchange id>`, `tradier`, `ibkr`),
    its environment (the kind's default when left out: never live), and what the kind needs:
    `key_id` and `secret` (Alpaca, ccxt), `secret` alone as the token with `venue_account`
    (Tradier), `endpoint` and `venue_account` (IBKR's gateway)."""

    label: Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
    kind: _KIND
    environment: str | None = None
    key_id: _SECRET | None = None
    secret: _SECRET | None = None
    venue_account: Annotated[str, msgspec.Meta(max_length=32)] | None = None
    endpoint: Annotated[str, msgspec.Meta(max_length=300)] | None = None
    quote: Annotated[str, msgspec.Meta(max_length=10)] | None = None
    verify_tls: bool = True
    # Halt an account of the connection when reconciliation confirms a drift between the
    # venue and Bulwark (else the owner is only alerted).
    halt_on_drift: bool = False

    def __repr__(self) -> str:
        return f"ConnectionIn(kind={self.kind!r}, environment={self.environment!r})"

    def to_command(self, principal: Principal) -> CreateConnection:
        return self.into(CreateConnection, principal=principal)


class RotateIn(Input):
    """New credentials: `secret` (and `key_id` for a pair); the old ones are kept for the
    vault's grace period while the venue propagates the new."""

    secret: _SECRET
    key_id: _SECRET | None = None

    def __repr__(self) -> str:
        return "RotateIn(...)"

    def to_command(self, principal: Principal, connection_id: str) -> RotateCredentials:
        return self.into(RotateCredentials, principal=principal, connection_id=connection_id)


class CheckOut(Output):
    """The venue's answer to its cheapest authenticated call: ok, refused or unreachable."""

    outcome: str
    reason: str


class ConnectionOut(Output):
    """A connection without its secret: `key_hint` is the key id masked (`PK…7XQ`)."""

    id: str
    label: str
    kind: str
    environment: str
    live: bool
    venue_account: str | None
    endpoint: str | None
    quote: str | None
    verify_tls: bool
    halt_on_drift: bool
    key_hint: str | None
    created_at: datetime
    rotated_at: datetime | None
    revoked_at: datetime | None
    check: CheckOut | None = None

    @classmethod
    def from_domain(cls, view: ConnectionView) -> ConnectionOut:
        c = view.connection
        check = None
        if view.check is not None:
            check = CheckOut(outcome=view.check.outcome.value, reason=view.check.reason)
        return cls(
            id=c.id,
            label=c.label,
            kind=str(c.kind),
            environment=c.environment.value,
            live=c.live,
            venue_account=c.venue_account,
            endpoint=c.endpoint,
            quote=c.quote,
            verify_tls=c.verify_tls,
            halt_on_drift=c.halt_on_drift,
            key_hint=view.key_hint,
            created_at=c.created_at,
            rotated_at=view.rotated_at,
            revoked_at=c.revoked_at,
            check=check,
        )


class ConnectionsOut(Output):
    connections: list[ConnectionOut]
