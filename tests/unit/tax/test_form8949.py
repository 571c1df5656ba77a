"""Form 8949 CSV on a worked example (IRS Publication 550 example 2 + a long-term sale)."""

from __future__ import annotations

import csv
import io

from domain.tax.engine import compute_tax_ledger
from domain.tax.form8949 import form_8949_csv
from domain.tax.lots import TaxAccount
from domain.tax.methods import AccountTaxType
from tests.unit.tax.helpers import buy, sell

ACCOUNTS = {"taxable": TaxAccount("taxable"), "ira": TaxAccount("ira", AccountTaxType.IRA)}


def test_worked_example() -> None:
    # Arrange: Pub 550 ex. 2 (100 sh XYZ, $1,000 -> $750, 50 bought for $400: $125 W),
    # a long-term sale of 10.5 sh ABC (basis 999.999 + 0.006 = 1,000.005 -> $1,000.01 half up,
    # not half even; proceeds 1,199.99999999975 -> $1,200.00),
    # an IRA sale (excluded) and a sale in another year (excluded).
    txs = [
        buy("2023-01-03", "10.5", "95.238", symbol="ABC", fees="0.006"),
        buy("2024-01-02", 100, 10),
        sell("2024-03-01", 100, "7.5"),
        buy("2024-03-15", 50, 8),
        sell("2024-06-03", "10.5", "114.2857142857", symbol="ABC", fees="0.0000000001"),
        buy("2024-01-02", 1, 10, account="ira"),
        sell("2024-02-02", 1, 5, account="ira"),
        sell("2025-01-02", 50, 9),
    ]
    ledger = compute_tax_ledger(txs, ACCOUNTS)
    # Act
    text = form_8949_csv(ledger.realized, 2024, short_box="A")
    # Assert
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        [
            "part",
            "box",
            "(a) description",
            "(b) date acquired",
            "(c) date sold",
            "(d) proceeds",
            "(e) cost basis",
            "(f) code",
            "(g) adjustment",
            "(h) gain or (loss)",
        ],
        [
            "I",
            "A",
            "100 sh XYZ",
            "01/02/2024",
            "03/01/2024",
            "750.00",
            "1000.00",
            "W",
            "125.00",
            "-125.00",
        ],
        ["I", "A", "Totals", "", "", "750.00", "1000.00", "", "125.00", "-125.00"],
        [
            "II",
            "not determined",
            "10.5 sh ABC",
            "01/03/2023",
            "06/03/2024",
            "1200.00",
            "1000.01",
            "",
            "",
            "199.99",
        ],
        ["II", "not determined", "Totals", "", "", "1200.00", "1000.01", "", "0.00", "199.99"],
    ]
    assert text.endswith("\r\n")


def test_empty_year_has_zero_totals() -> None:
    rows = list(csv.reader(io.StringIO(form_8949_csv((), 2024))))
    assert [r[2] for r in rows[1:]] == ["Totals", "Totals"]
    assert rows[1][5:] == ["0.00", "0.00", "", "0.00", "0.00"]
