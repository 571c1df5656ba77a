"""The kinds of venue a connection reaches, and what each needs: environments, credentials,
the venue's account number, an endpoint.

A kind is data: `alpaca`, `tradier`, `ibkr`, or `ccxt:<exchange id>` (any exchange ccxt
knows). Paper accounts need no connection: they route to the instance's paper broker. What a
family needs is one entry of FAMILIES; the composition root builds each family's adapter from
a connection (bootstrap/connections.py), so a new venue kind is a new entry there and here,
never a branch in a factory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from domain.errors import DomainError


class InvalidConnection(DomainError):
    """A field of a connection is malformed or does not fit its venue kind."""

    code = "INVALID_CONNECTION"


class VenueEnvironment(StrEnum):
    """Which of a venue's environments a connection trades in: live money or not."""

    PAPER = "paper"  # a broker's paper-trading account (Alpaca, IBKR's DU accounts)
    SANDBOX = "sandbox"  # a broker's sandbox API (Tradier)
    TESTNET = "testnet"  # a crypto venue's testnet (ccxt's sandbox mode)
    LIVE = "live"


class CredentialShape(StrEnum):
    """What a venue's credentials are."""

    PAIR = "pair"  # a key id and a secret (Alpaca, crypto venues)
    TOKEN = "token"  # a secret alone, for the venue account it trades (Tradier)
    NONE = "none"  # none kept here: a gateway holds the session (IBKR)


@dataclass(frozen=True, slots=True)
class VenueFamily:
    """One family of venues: its environments (the first is the default), its credentials,
    whether it needs the venue's account number and an endpoint, and the key vault's provider
    its credentials are stored under."""

    name: str
    environments: tuple[VenueEnvironment, ...]
    credentials: CredentialShape
    venue_account: bool
    endpoint: bool
    provider: str | None
    description: str


_ENV = VenueEnvironment
FAMILIES: dict[str, VenueFamily] = {
    f.name: f
    for f in (
        VenueFamily(
            "alpaca", (_ENV.PAPER, _ENV.LIVE), CredentialShape.PAIR, False, False, "alpaca",
            "Alpaca: US equities and options (a key id and its secret)",
        ),
        VenueFamily(
            "ccxt", (_ENV.TESTNET, _ENV.LIVE), CredentialShape.PAIR, False, False, "ccxt",
            "a crypto venue through ccxt: ccxt:<exchange id> (an API key and its secret)",
        ),
        VenueFamily(
            "tradier", (_ENV.SANDBOX, _ENV.LIVE), CredentialShape.TOKEN, True, False, "tradier",
            "Tradier: US equities and options (an access token and its account number)",
        ),
        VenueFamily(
            "ibkr", (_ENV.PAPER, _ENV.LIVE), CredentialShape.NONE, True, True, None,
            "Interactive Brokers through its Client Portal Gateway (the gateway holds the "
            "session: its URL and the IBKR account number)",
        ),
    )
}  # fmt: skip

_EXCHANGE = re.compile(r"[a-z][a-z0-9_]{1,39}")


@dataclass(frozen=True, slots=True)
class VenueKind:
    """A venue family, and for `ccxt` the exchange: written `ccxt:binance`."""

    family: str
    exchange: str | None = None

    @classmethod
    def parse(cls, text: str) -> VenueKind:
        """`alpaca`, `tradier`, `ibkr` or `ccxt:<exchange id>`; else InvalidConnection."""
        family, _, exchange = text.partition(":")
        if family not in FAMILIES:
            raise InvalidConnection(
                f"field `kind` must be one of: {', '.join(_written())} (got {text[:40]!r})",
                field="kind",
            )
        if family == "ccxt":
            if not _EXCHANGE.fullmatch(exchange):
                raise InvalidConnection(
                    "field `kind`: ccxt needs an exchange id, as in ccxt:binance or ccxt:kraken",
                    field="kind",
                )
            return cls(family, exchange)
        if exchange:
            raise InvalidConnection(f"field `kind`: {family} takes no exchange", field="kind")
        return cls(family)

    @property
    def spec(self) -> VenueFamily:
        return FAMILIES[self.family]

    def __str__(self) -> str:
        return self.family if self.exchange is None else f"{self.family}:{self.exchange}"


def _written() -> list[str]:
    return [f"{name}:<exchange id>" if name == "ccxt" else name for name in FAMILIES]
