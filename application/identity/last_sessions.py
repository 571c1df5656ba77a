"""Who each access token belonged to at the last read of the store, for a store outage.

A request's token is checked against the store (revoked? the user still active, and their
role today?) at most once a second (AuthService's session cache). When the store cannot be
reached, every request needing that check answers 503 — except a kill-switch activation,
which must still be able to stop trading: for it alone, the principal this process read last
for the same valid, unexpired token is accepted (docs/reliability.md, "The kill switch while
the store is down"). The worst a token revoked during the outage can then do is halt, and
only with its owner's kill-switch passcode.

Shared by the API's and the kill-switch lane's authentication (two event loops), so it is
thread-safe and never awaits.
"""

from __future__ import annotations

import threading

from domain.principals import Principal

MAX_TOKENS = 50_000  # past this many, everything is forgotten (tokens live minutes)


class LastSessions:
    """The principal last read for each token id (jti)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._principals: dict[str, Principal] = {}

    def remember(self, jti: str, principal: Principal) -> None:
        with self._mutex:
            if len(self._principals) >= MAX_TOKENS and jti not in self._principals:
                self._principals.clear()
            self._principals[jti] = principal

    def principal(self, jti: str, subject: str) -> Principal | None:
        """The principal last read for the token, if it was the token's own subject."""
        with self._mutex:
            found = self._principals.get(jti)
        return found if found is not None and found.id == subject else None

    def forget(self, jti: str) -> None:
        with self._mutex:
            self._principals.pop(jti, None)

    def clear(self) -> None:
        """Revocations were committed: nothing read before them may stand in for the store."""
        with self._mutex:
            self._principals.clear()
