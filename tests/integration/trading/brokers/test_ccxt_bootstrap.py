"""BULWARK_BROKER=ccxt as an operator sets it: the settings' one-line refusals, and the app
serving a crypto account on the local fake Binance, from opening it to an order at the venue."""

from __future__ import annotations

import pytest

from bootstrap.settings import load_settings
from tests.integration.trading.brokers.binance_fake import API_KEY, SECRET
from tests.integration.trading.brokers.conftest import settings_refusal

CCXT = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "ccxt",
    "BULWARK_CCXT_EXCHANGE": "binance",
    "BULWARK_CCXT_API_KEY": API_KEY,
    "BULWARK_CCXT_SECRET": SECRET,
}


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_CCXT_EXCHANGE": "binanse"},
            "BULWARK_CCXT_EXCHANGE=binanse is not a ccxt exchange id (such as binance,",
        ),
        (
            {"BULWARK_CCXT_EXCHANGE": None},
            "BULWARK_CCXT_EXCHANGE is needed when BULWARK_BROKER=ccxt",
        ),
        (
            {"BULWARK_CCXT_EXCHANGE": "kraken", "BULWARK_CCXT_SANDBOX": "true"},
            "BULWARK_CCXT_SANDBOX=true: kraken has no sandbox in ccxt",
        ),
        (
            {"BULWARK_CCXT_SECRET": None},
            "BULWARK_CCXT_API_KEY and BULWARK_CCXT_SECRET are needed when BULWARK_BROKER=ccxt",
        ),
    ],
)
def test_bad_ccxt_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = settings_refusal(CCXT, change)

    # Assert
    assert line in message and "\n" not in message
    assert SECRET not in message


def test_the_ccxt_keys_never_print() -> None:
    # Act
    settings = load_settings({**CCXT, "BULWARK_CCXT_PASSWORD": "pass-1"}, env_file=None)

    # Assert
    shown = repr(settings.brokers) + str(settings.redacted())
    assert API_KEY not in shown and SECRET not in shown and "pass-1" not in shown
