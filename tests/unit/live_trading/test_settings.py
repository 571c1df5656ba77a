"""The live trading settings: the defaults' values bounded as the rules they become."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.containers.live_trading import limit_defaults
from bootstrap.settings import SettingsError, load_settings
from domain.live_trading.limits import LimitDefaults


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BULWARK_DEFAULT_MAX_DAILY_LOSS_PCT", "0"),
        ("BULWARK_DEFAULT_MAX_DAILY_LOSS_PCT", "1.5"),
        ("BULWARK_DEFAULT_MAX_DAILY_LOSS_PCT", "0.123456789"),
        ("BULWARK_DEFAULT_MAX_ORDER_NOTIONAL", "0"),
        ("BULWARK_DEFAULT_MAX_ORDER_NOTIONAL", "1e16"),
        ("BULWARK_DEFAULT_MAX_ORDER_NOTIONAL", "10.1234567"),
        ("BULWARK_DEFAULT_ORDERS_PER_SECOND", "0"),
        ("BULWARK_DEFAULT_MAX_OPEN_ORDERS", "100001"),
    ],
)
def test_a_default_out_of_its_rules_bounds_is_refused_naming_it(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, env_file=None)


def test_the_defaults_and_turning_them_off() -> None:
    # Act
    on = limit_defaults(load_settings({}, env_file=None))
    off = limit_defaults(load_settings({"BULWARK_DEFAULT_LIMITS": "false"}, env_file=None))

    # Assert
    assert on == LimitDefaults(Decimal(250_000), Decimal("0.1"), 20, 200)
    assert off is None
