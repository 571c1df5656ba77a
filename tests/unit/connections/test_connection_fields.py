"""A connection's fields against its venue kind: what each kind needs, refuses and defaults."""

from __future__ import annotations

import pytest

from domain.connections.connection import (
    check_endpoint,
    check_environment,
    check_quote,
    check_venue_account,
)
from domain.connections.kinds import InvalidConnection, VenueEnvironment, VenueKind


@pytest.mark.parametrize(
    ("text", "family", "exchange"),
    [("alpaca", "alpaca", None), ("ccxt:binance", "ccxt", "binance"), ("ibkr", "ibkr", None)],
)
def test_a_kind_is_parsed_and_written_back_the_same(
    text: str, family: str, exchange: str | None
) -> None:
    # Act
    kind = VenueKind.parse(text)

    # Assert
    assert (kind.family, kind.exchange, str(kind)) == (family, exchange, text)


@pytest.mark.parametrize("text", ["ccxt", "ccxt:", "ccxt:Bin ance", "alpaca:x", "robinhood", ""])
def test_a_malformed_kind_is_refused_naming_the_field(text: str) -> None:
    # Act
    with pytest.raises(InvalidConnection) as caught:
        VenueKind.parse(text)

    # Assert
    assert caught.value.field == "kind"


@pytest.mark.parametrize(
    ("kind", "default"),
    [
        ("alpaca", VenueEnvironment.PAPER),
        ("tradier", VenueEnvironment.SANDBOX),
        ("ccxt:kraken", VenueEnvironment.TESTNET),
        ("ibkr", VenueEnvironment.PAPER),
    ],
)
def test_no_kind_defaults_to_live_money(kind: str, default: VenueEnvironment) -> None:
    # Act
    chosen = check_environment(VenueKind.parse(kind), None)

    # Assert
    assert chosen is default and chosen is not VenueEnvironment.LIVE


def test_an_environment_the_kind_lacks_is_refused() -> None:
    # Act
    with pytest.raises(InvalidConnection) as caught:
        check_environment(VenueKind.parse("alpaca"), "testnet")

    # Assert
    assert caught.value.field == "environment"


def test_the_venue_account_is_needed_where_the_kind_trades_one_and_refused_elsewhere() -> None:
    # Arrange
    tradier, alpaca = VenueKind.parse("tradier"), VenueKind.parse("alpaca")

    # Act / Assert
    assert check_venue_account(tradier, "VA12345678") == "VA12345678"
    with pytest.raises(InvalidConnection):
        check_venue_account(tradier, None)
    with pytest.raises(InvalidConnection):
        check_venue_account(alpaca, "VA12345678")


@pytest.mark.parametrize(
    ("url", "verify", "allowed"),
    [
        ("https://gateway.example.com/v1/api", True, True),
        ("http://127.0.0.1:5000/v1/api", True, True),
        ("https://localhost:5000/v1/api", False, True),
        ("http://gateway.example.com/v1/api", True, False),  # plain http across a network
        ("https://gateway.example.com/v1/api", False, False),  # unverified across a network
        ("ftp://localhost/x", True, False),
    ],
)
def test_an_endpoint_crosses_a_network_only_encrypted_and_verified(
    url: str, verify: bool, allowed: bool
) -> None:
    # Arrange
    ibkr = VenueKind.parse("ibkr")

    # Act / Assert
    if allowed:
        assert check_endpoint(ibkr, url, verify) == url
    else:
        with pytest.raises(InvalidConnection):
            check_endpoint(ibkr, url, verify)


def test_ibkr_needs_its_gateway_endpoint() -> None:
    # Act
    with pytest.raises(InvalidConnection) as caught:
        check_endpoint(VenueKind.parse("ibkr"), None, True)

    # Assert
    assert caught.value.field == "endpoint"


def test_only_a_crypto_venue_takes_a_quote_currency_and_it_defaults_to_usdt() -> None:
    # Act / Assert
    assert check_quote(VenueKind.parse("ccxt:binance"), None) == "USDT"
    assert check_quote(VenueKind.parse("ccxt:binance"), "USD") == "USD"
    with pytest.raises(InvalidConnection):
        check_quote(VenueKind.parse("alpaca"), "USD")
    with pytest.raises(InvalidConnection):
        check_quote(VenueKind.parse("ccxt:binance"), "usd t")
