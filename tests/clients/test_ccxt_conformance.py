"""The ccxt face against the `ccxt` package itself: its errors are ccxt's own classes (and the
stand-ins used without ccxt have ccxt's hierarchy), and its order, position and balance
structures carry every key of ccxt's unified structures (`ccxt.base.types`) with a value of the
type ccxt declares for it."""

from __future__ import annotations

import types
from decimal import Decimal
from typing import Any, Literal, NotRequired, Union, get_args, get_origin, get_type_hints

import ccxt  # type: ignore[import-untyped]
import pytest
from ccxt.base import types as ccxt_types  # type: ignore[import-untyped]

import bulwark_client.ccxt as bulwark_ccxt

ORDER = {
    "id": "o-1",
    "client_order_id": "c-1",
    "account_id": "acc-1",
    "symbol": "AAPL",
    "side": "buy",
    "order_type": "limit",
    "time_in_force": "day",
    "quantity": "10.00000000",
    "filled_quantity": "4.00000000",
    "average_fill_price": "185.25",
    "limit_price": "185.50",
    "stop_price": None,
    "reduce_only": False,
    "status": "partially_filled",
    "created_at": "2026-01-05T15:30:00Z",
}
POSITION = {
    "symbol": "AAPL",
    "quantity": "-3.00000000",
    "average_price": "180.00",
    "mark": "190.00",
    "market_value": "-570.00",
    "unrealized_pnl": "-30.00",
    "realized_pnl": "0",
}
ACCOUNT = {"id": "acc-1", "currency": "USD", "cash": "10000", "equity": "10000"}


def conforms(value: Any, hint: Any) -> bool:
    """Whether `value` is of the type ccxt declares (`hint`, from its TypedDicts)."""
    origin = get_origin(hint)
    if hint is Any:
        return True
    if origin is NotRequired:
        return conforms(value, get_args(hint)[0])
    if origin in (Union, types.UnionType):
        return any(conforms(value, arg) for arg in get_args(hint))
    if origin is Literal:
        return value in get_args(hint)
    if origin is list:
        return isinstance(value, list)
    if origin is dict or (isinstance(hint, type) and issubclass(hint, dict)):
        return isinstance(value, dict)
    if hint is type(None):
        return value is None
    if hint in (int, float):
        return isinstance(value, hint) and not isinstance(value, bool)
    return isinstance(value, hint)


def misfits(structure: dict[str, Any], typed: type) -> dict[str, Any]:
    """The keys of ccxt's `typed` structure that `structure` lacks (unless optional there) or
    fills with another type."""
    hints = get_type_hints(typed, include_extras=True)
    return {
        key: structure.get(key, "<missing>")
        for key, hint in hints.items()
        if (key in structure and not conforms(structure[key], hint))
        or (key not in structure and get_origin(hint) is not NotRequired)
    }


@pytest.mark.parametrize("name", sorted(bulwark_ccxt._HIERARCHY))
def test_each_error_is_ccxts_own_class(name: str) -> None:
    # Act
    raised = getattr(bulwark_ccxt, name)

    # Assert: `except ccxt.<name>` catches what the face raises
    assert raised is getattr(ccxt, name)
    assert issubclass(raised, ccxt.BaseError)


@pytest.mark.parametrize("name", sorted(bulwark_ccxt._HIERARCHY))
def test_the_stand_in_errors_without_ccxt_have_ccxts_hierarchy(name: str) -> None:
    # Arrange
    stand_ins = bulwark_ccxt.stand_in_errors()

    # Act
    ancestry = [c.__name__ for c in stand_ins[name].__mro__ if c.__name__ in stand_ins]

    # Assert: a script's `except ccxt.NetworkError` means the same with either
    assert ancestry == [c.__name__ for c in getattr(ccxt, name).__mro__ if c.__name__ in stand_ins]


def test_an_order_is_ccxts_order_structure() -> None:
    # Act
    order = bulwark_ccxt.unified_order(ORDER)

    # Assert
    assert misfits(order, ccxt_types.Order) == {}
    assert (order["amount"], order["filled"], order["remaining"]) == (10.0, 4.0, 6.0)


def test_a_position_is_ccxts_position_structure() -> None:
    # Act
    position = bulwark_ccxt.unified_position(POSITION)

    # Assert
    assert misfits(position, ccxt_types.Position) == {}
    assert (position["side"], position["contracts"]) == ("short", 3.0)


def test_a_balance_is_ccxts_balance_structure() -> None:
    # Act
    balance = bulwark_ccxt.unified_balance(ACCOUNT)

    # Assert: the structure's own keys, and each currency's free / used / total
    assert misfits(balance, ccxt_types.Balances) == {}
    assert misfits(balance["USD"], ccxt_types.Balance) == {}
    for part in ("free", "used", "total"):
        assert balance[part] == {"USD": balance["USD"][part]}
    assert Decimal(str(balance["USD"]["total"])) == Decimal(10_000)
