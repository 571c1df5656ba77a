"""ItemsOut: an answer's `items` built by its item type's `from_domain`, read from the
`items` annotation; a page's `next_cursor` carried with them.

The answers are the API's own (AggregationHoldingListOut, SignalPageOut): a new Output
subclass here would join the walk of every response DTO (strategies.output_types)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

from adapters.http.aggregation.schemas import AggregationHoldingListOut, AggregationHoldingOut
from adapters.http.strategies.signals_schemas import SignalOut, SignalPageOut


def _holding(symbol: str) -> SimpleNamespace:
    return SimpleNamespace(
        account_id="acc-1",
        security_id=f"sec-{symbol}",
        symbol=symbol,
        name=None,
        security_type="equity",
        quantity=Decimal("2"),
        cost_basis=None,
        institution_price=Decimal("10"),
        institution_value=Decimal("20"),
        currency="USD",
        as_of=date(2026, 1, 2),
    )


def _signal(signal_id: str) -> SimpleNamespace:
    at = datetime(2026, 1, 2, tzinfo=UTC)
    return SimpleNamespace(
        id=signal_id,
        symbol="MSFT",
        timeframe=SimpleNamespace(value="1d"),
        pattern=SimpleNamespace(value="breakout"),
        score=0.5,
        direction=SimpleNamespace(value="long"),
        at=at,
        created_at=at,
        reason="closed above the range",
        details={},
    )


def test_the_item_type_is_read_from_the_items_annotation() -> None:
    assert AggregationHoldingListOut.item_type is AggregationHoldingOut


def test_a_list_answer_converts_each_value_with_the_item_types_from_domain() -> None:
    # Arrange
    holdings = [_holding("MSFT"), _holding("AAPL")]

    # Act
    answer = AggregationHoldingListOut.of(holdings)

    # Assert
    assert answer == AggregationHoldingListOut(
        items=[AggregationHoldingOut.from_domain(h) for h in holdings]
    )


def test_a_page_answer_carries_the_next_cursor_with_its_items() -> None:
    # Arrange
    page = SimpleNamespace(items=[_signal("s-1"), _signal("s-2")], next_cursor="c-2")

    # Act
    answer = SignalPageOut.from_page(page)

    # Assert
    assert answer == SignalPageOut(
        items=[SignalOut.from_domain(s) for s in page.items], next_cursor="c-2"
    )
