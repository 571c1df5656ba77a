"""An order's attribution (MiFID II RTS 6 Art. 12): the algorithm that sent it and its version,
the person responsible for it and the client it is for.

The agent and the strategy behind an order, and the channel it came in by, are its origin's
(domain/trading/orders.py: `Origin`); this record holds what the origin does not say. How it is
made for each kind of origin is domain/trading/order_attribution.py.
"""

from __future__ import annotations

from typing import NamedTuple

from domain.errors import DomainError

# The longest algorithm name and version a caller may declare (the orders table's columns).
MAX_ALGORITHM = 64
MAX_ALGORITHM_VERSION = 32


class InvalidAttribution(DomainError):
    """A declared algorithm name or version that is empty, too long, not printable, or padded
    with spaces; `field` names it (`algorithm` or `algorithm_version`)."""

    code = "INVALID_ATTRIBUTION"


class Attribution(NamedTuple):
    """Who and what sent an order, fixed when it is placed (a NamedTuple: one is built for
    every order on the order path, where it costs half a frozen dataclass).

    `responsible_id`: the person answerable for it (the user who submitted it; an agent's
    owner for the agent's order; a strategy's owner for the strategy's). `client_id`: the
    account's owner when it was placed. `algorithm` / `algorithm_version`: the algorithm that
    decided it (a strategy's id and version, or what an agent or a bot declared); None for an
    order a person placed by hand."""

    responsible_id: str
    client_id: str
    algorithm: str | None = None
    algorithm_version: str | None = None


def check_declared(algorithm: str | None, algorithm_version: str | None) -> None:
    """Raise InvalidAttribution when a declared name or version is empty, longer than its
    maximum, holds a character that is not printable (a control, a line break, a bidi
    override) or starts or ends with a space. None (not declared) is always fine."""
    _check("algorithm", algorithm, MAX_ALGORITHM)
    _check("algorithm_version", algorithm_version, MAX_ALGORITHM_VERSION)


def _check(name: str, value: str | None, most: int) -> None:
    if value is None:
        return
    if not 1 <= len(value) <= most:
        raise InvalidAttribution(f"{name} must be 1 to {most} characters", field=name)
    if not value.isprintable():
        raise InvalidAttribution(f"{name} must hold printable characters only", field=name)
    if value != value.strip():
        raise InvalidAttribution(f"{name} must not start or end with a space", field=name)
