"""book_fills: a fill finds its order by Bulwark's id or by the client order id."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from application.trading.fills import book_fills
from domain.trading.fills import Fill
from domain.trading.orders import OrderStatus, Side
from tests.kit.gate import account, resting

D = Decimal
AT = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("named_by", ["open-1", "client-open-1"])
def test_a_fill_named_by_either_id_fills_its_order_and_moves_the_account(named_by: str) -> None:
    # Arrange
    order = resting("AAPL", Side.BUY, 10, limit=100)
    acct = account(10_000, open_orders=[order])
    fill = Fill("f-1", named_by, acct.id, "AAPL", Side.BUY, D(10), D(99), AT)

    # Act
    booked = book_fills(acct, [fill], acct.open_orders, {})

    # Assert
    assert booked == 1
    assert order.status is OrderStatus.FILLED
    assert acct.open_orders == {}
    assert acct.position_quantity("AAPL") == D(10)


def test_a_fill_of_an_unknown_order_moves_the_account_and_touches_no_order() -> None:
    # Arrange
    order = resting("AAPL", Side.BUY, 10, limit=100)
    acct = account(10_000, open_orders=[order])
    fill = Fill("f-1", "broker-xyz", acct.id, "AAPL", Side.SELL, D(3), D(101), AT)

    # Act
    book_fills(acct, [fill], acct.open_orders, {})

    # Assert
    assert order.status is OrderStatus.ACCEPTED
    assert acct.position_quantity("AAPL") == D(-3)
