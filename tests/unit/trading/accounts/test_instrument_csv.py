"""CSV instrument files: every row checked, bad rows reported by line, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from application.trading.instrument_csv import MAX_ROWS, InvalidImport, parse_instruments
from domain.trading.instruments import AssetClass

HEADER = "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable"


def test_columns_in_any_order_with_an_optional_active_column() -> None:
    text = "shortable,marginable,tick_size,lot_size,sector,asset_class,name,symbol,active\n"
    text += "no,yes,0.05,100,Energy,equity,Exxon,xom,false\n"

    (row,) = parse_instruments(text)

    assert (row.line, row.symbol, row.name, row.asset_class) == (
        2,
        "XOM",
        "Exxon",
        AssetClass.EQUITY,
    )
    assert (row.lot_size, row.tick_size) == (Decimal(100), Decimal("0.05"))
    assert (row.marginable, row.shortable, row.active) == (True, False, False)


def test_every_bad_row_is_reported_with_its_line_and_column() -> None:
    text = "\n".join(
        [
            HEADER,
            "AAPL,Apple,equity,Tech,1,0.01,true,true",
            "MSFT,Microsoft,option,Tech,1,0.01,true,true",
            '"GME",GameStop,equity,Retail,1,Infinity,true,true',
            "AAPL,Twice,equity,Tech,1,0.01,true,true",
        ]
    )

    with pytest.raises(InvalidImport) as refused:
        parse_instruments(text)

    assert [(e.line, e.field) for e in refused.value.errors] == [
        (3, "asset_class"),
        (4, "tick_size"),
        (5, "symbol"),
    ]


def test_a_quoted_field_may_hold_a_comma_but_not_a_line_break() -> None:
    good = HEADER + '\nBRK.B,"Berkshire Hathaway, Inc.",equity,Finance,1,0.01,true,true\n'
    broken = HEADER + '\nBRK.B,"Berkshire\nClass B",equity,Finance,1,0.01,true,true\n'

    (row,) = parse_instruments(good)
    with pytest.raises(InvalidImport) as refused:
        parse_instruments(broken)

    assert (row.symbol, row.name) == ("BRK.B", "Berkshire Hathaway, Inc.")
    assert [(e.line, e.field) for e in refused.value.errors] == [(3, "name")]


def test_too_many_rows_are_refused_before_anything_else() -> None:
    text = (
        HEADER + "\n" + "\n".join(f"S{i},n,equity,s,1,0.01,true,true" for i in range(MAX_ROWS + 1))
    )

    with pytest.raises(InvalidImport, match="more than"):
        parse_instruments(text)
