"""BULWARK_BROKER=tradier as an operator sets it: the settings' one-line refusals, and the
app serving a Tradier account on the local fake Tradier, from opening it to an order there."""

from __future__ import annotations

import pytest

from bootstrap.settings import load_settings
from tests.integration.trading.brokers.conftest import settings_refusal
from tests.integration.trading.brokers.tradier_fake import TOKEN, TRADIER_ACCOUNT

TRADIER = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "tradier",
    "BULWARK_TRADIER_TOKEN": TOKEN,
    "BULWARK_TRADIER_ACCOUNT_ID": TRADIER_ACCOUNT,
}


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_TRADIER_TOKEN": None},
            "BULWARK_TRADIER_TOKEN and BULWARK_TRADIER_ACCOUNT_ID are needed when "
            "BULWARK_BROKER=tradier",
        ),
        (
            {"BULWARK_TRADIER_ACCOUNT_ID": None},
            "BULWARK_TRADIER_TOKEN and BULWARK_TRADIER_ACCOUNT_ID are needed when "
            "BULWARK_BROKER=tradier",
        ),
        (
            {"BULWARK_TRADIER_ACCOUNT_ID": "VA 123/../x"},
            "BULWARK_TRADIER_ACCOUNT_ID: expected a string matching ^[A-Za-z0-9]{4,32}$",
        ),
        (
            {"BULWARK_TRADIER_API_URL": "sandbox.tradier.com"},
            "BULWARK_TRADIER_API_URL: expected a string matching ^https?://",
        ),
        ({"BULWARK_TRADIER_SANDBOX": "maybe"}, "BULWARK_TRADIER_SANDBOX: expected true or false"),
    ],
    ids=["no-token", "no-account", "bad-account", "url-without-scheme", "sandbox-not-a-bool"],
)
def test_bad_tradier_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = settings_refusal(TRADIER, change)

    # Assert
    assert line in message and "\n" not in message
    assert TOKEN not in message


def test_the_tradier_token_never_prints() -> None:
    # Act
    settings = load_settings(TRADIER, env_file=None)

    # Assert
    shown = repr(settings.brokers) + str(settings.redacted())
    assert TOKEN not in shown
    assert settings.brokers.tradier_sandbox
