"""BULWARK_BROKER=ibkr as an operator sets it: the settings' one-line refusals, and the app
serving an IBKR account on the local fake Client Portal Gateway, from opening it to an order
placed with its question confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bootstrap.settings import load_settings
from tests.integration.trading.brokers.ibkr_fake import ACCOUNT_ID
from tests.integration.trading.brokers.served import refusal
from tests.unit.bootstrap.test_settings import prod_env

IBKR = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "ibkr",
    "BULWARK_IBKR_ACCOUNT_ID": ACCOUNT_ID,
    "BULWARK_IBKR_VERIFY_SSL": "false",
}
REMOTE = "https://gateway.internal:5000/v1/api"


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_IBKR_ACCOUNT_ID": None},
            "BULWARK_IBKR_ACCOUNT_ID is needed when BULWARK_BROKER=ibkr (the IBKR account",
        ),
        (
            {"BULWARK_IBKR_GATEWAY_URL": "http://gateway.internal:5000/v1/api"},
            "BULWARK_IBKR_GATEWAY_URL: plain http only to a gateway on this host",
        ),
        (
            {"BULWARK_IBKR_CA_FILE": "/no/such/ca.pem", "BULWARK_IBKR_VERIFY_SSL": "true"},
            "BULWARK_IBKR_CA_FILE=/no/such/ca.pem: no such file",
        ),
        (
            {"BULWARK_IBKR_CA_FILE": "/no/such/ca.pem"},
            "BULWARK_IBKR_CA_FILE verifies the gateway's certificate: it cannot go with "
            "BULWARK_IBKR_VERIFY_SSL=false",
        ),
    ],
)
def test_bad_ibkr_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = refusal({**IBKR, **change})

    # Assert
    assert line in message


def test_an_unverified_gateway_elsewhere_is_refused_in_prod(tmp_path: Path) -> None:
    # Arrange: the gateway's certificate unchecked, on another host, in production
    key_file = tmp_path / "jwt.pem"
    key_file.write_text("-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n")
    prod = {f"BULWARK_{k.upper()}": v for k, v in prod_env(key_file).items()}
    environ = {**IBKR, **prod, "BULWARK_IBKR_GATEWAY_URL": REMOTE}

    # Act
    message = refusal(environ)

    # Assert
    assert message == (
        "BULWARK_IBKR_VERIFY_SSL=false is only for a gateway on this host when "
        "BULWARK_ENV=prod: set BULWARK_IBKR_CA_FILE to the CA bundle that signed the "
        "gateway's certificate"
    )
    # Outside production, or verified, the same gateway is accepted.
    assert load_settings({**IBKR, "BULWARK_IBKR_GATEWAY_URL": REMOTE}, env_file=None)
    verified = {**environ, "BULWARK_IBKR_VERIFY_SSL": "true"}
    assert load_settings(verified, env_file=None).brokers.ibkr_gateway_url == REMOTE
