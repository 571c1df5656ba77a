"""domain/analytics/insiders.py: net insider buying by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.analytics.insiders import AcquiredDisposed, InsiderTransaction, net_buying

D = Decimal


def row(
    symbol: str, owner: str, day: int, code: str, shares: str, price: str | None
) -> InsiderTransaction:
    side = AcquiredDisposed.DISPOSED if code in "SFG" else AcquiredDisposed.ACQUIRED
    return InsiderTransaction(
        symbol=symbol, issuer_cik="1", owner_name=owner, owner_cik=owner, relationship="Director",
        transaction_date=date(2024, 3, day), code=code, shares=D(shares),
        price=None if price is None else D(price), acquired_disposed=side,
        shares_owned_after=None,
    )  # fmt: skip


def test_net_buying_counts_purchases_and_sales_only() -> None:
    # Arrange: ACME: two buyers (1,000 @ 10 and 500 @ 12), one seller (300 @ 11), a grant
    # and a tax withholding that are not decisions; one purchase outside the window
    rows = [
        row("ACME", "a", 4, "P", "1000", "10"),
        row("ACME", "b", 5, "P", "500", "12"),
        row("ACME", "a", 6, "S", "300", "11"),
        row("ACME", "c", 7, "A", "5000", None),
        row("ACME", "c", 7, "F", "900", "11.5"),
        row("ACME", "d", 28, "P", "9999", "10"),
        row("BOLT", "e", 10, "S", "200", "50"),
    ]

    # Act
    activity = net_buying(rows, date(2024, 3, 1), date(2024, 3, 20))

    # Assert: shares 1,500 - 300 = 1,200; value 10,000 + 6,000 - 3,300 = 12,700 USD
    acme, bolt = activity
    assert (acme.symbol, acme.buys, acme.sells, acme.other) == ("ACME", 2, 1, 2)
    assert (acme.shares_bought, acme.shares_sold, acme.net_shares) == (D(1500), D(300), D(1200))
    assert (acme.value_bought, acme.value_sold, acme.net_value) == (
        D(16000), D(3300), D(12700),
    )  # fmt: skip
    assert (acme.buyers, acme.sellers) == (2, 1)
    assert (bolt.symbol, bolt.net_shares, bolt.net_value) == ("BOLT", D(-200), D(-10000))


def test_a_window_without_rows_is_empty() -> None:
    # Act / Assert
    assert (
        net_buying([row("ACME", "a", 4, "P", "1", "1")], date(2025, 1, 1), date(2025, 2, 1)) == []
    )
