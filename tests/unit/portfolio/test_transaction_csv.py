"""The column-wise CSV parser (adapters/arrow/transaction_csv.py) against the reference row
parser (application/portfolio/transaction_import.py): the same transactions and the same errors, to
the character, on generated files full of bad rows, odd numbers, odd quoting and odd lines."""

from __future__ import annotations

import csv
import io
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adapters.arrow.transaction_csv as column_parser
from adapters.arrow.transaction_csv import PY_WHITESPACE, parse_transaction_csv
from application.portfolio.transaction_import import (
    COLUMNS,
    MAX_ROWS,
    REQUIRED,
    CsvInvalid,
    ImportContext,
    parse_transactions,
)
from ports.portfolio.transaction_batch import TransactionList, batch_csv
from tests.unit.portfolio.portfolio_fixtures import import_context

# Per column: good cells, bad ones, and ones only Python's own rules decide (Unicode digits,
# case mappings, exponents, underscores, padding that str.strip() removes).
CELLS: dict[str, list[str]] = {
    "date": ["2026-01-05", "2026-03-31", " 2026-01-05 ", "2026-02-30", "", "yesterday",
             "2026-W01-1", "2027-01-01", "0001-01-01", "2026-1-5", "２０２６-01-05"],
    "account": ["ma-1", "Brokerage", " Brokerage\u00a0", "zz", "", "brokerage", "ma-2"],
    "type": ["buy", "SELL", " deposit ", "bogus", "", "split", "transfer_in", "transfer_out",
             "dividend", "fee", "Buy", "interest", "withdrawal"],
    "symbol": ["AAPL", "aapl", "", "a b", "X" * 33, "straße", "ÅB", "\u2003MSFT", "BRK.B", "ǆ"],
    "number": ["1", "-1", "", "x", "0.5", "0", "1e3", "NaN", "Infinity", "1e16", "1_000",
               "007.50", ".5", "5.", "-0", "1e-20000", "١٢", " 10 ", "+2", "1000000000000000",
               "0.000000000000000000000000000001", "1E+2", "-0.00"],
    "currency": ["", "usd", "EUR", "XYZ", "eur ", "ＵＳＤ", "gbp"],
    "reference": ["", "r-1", "r-2", "r-3", "old-7", "x" * 129, "ré-1", "tab\there", " r-1",
                  "r\u00a0x", "\u2028"],
    "split_ratio": ["", "2", "0", "-1", "x", "0.1", "1e1"],
    "acquired": ["", "2020-06-01", "2026-02-01", "bad", "2027-01-01", "2026-01-05"],
    "note": ["", "hello", "a,b", 'say "hi"', "x" * 501, "é" * 500, "nul\x00", "  padded  ",
             "line\nbreak", "\u3000"],
}  # fmt: skip
for _name in ("quantity", "price", "amount", "fees"):
    CELLS[_name] = CELLS["number"]
ODD_LINES = ["", "   ", ",,,,,,,,,,,,", "a,b", '"unterminated', '"ab"c,d', "\x1c"]
# Cells written as they stand, not quoted: quotes where RFC 4180 puts none, or puts them so.
RAW_CELLS = ['x"y', ' "q"', '"a"b', '""""', '"a""b"', '""', '"ma-1"', '"2026-01-05"', '"1"']


def context(booked: frozenset[str] = frozenset({"old-7"})) -> ImportContext:
    return import_context(booked)


def quoted(cell: str, always: bool) -> str:
    if always or any(c in cell for c in ',"\r\n') or cell != cell.strip():
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def files(draw: st.DrawFn, odd: bool = True) -> str:
    """A statement: a header (any order, optional columns left out), rows drawn from CELLS,
    RFC 4180 quoting (some cells quoted for no reason); with `odd`, also odd lines, bare CRs
    and files without a final newline."""
    optional = [c for c in COLUMNS if c not in REQUIRED]
    header = [*REQUIRED, *draw(st.lists(st.sampled_from(optional), unique=True))]
    header = draw(st.permutations(header))
    quote_all = draw(st.booleans())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [",".join(header)]
    for _ in range(draw(st.integers(1, 12))):
        if odd and draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(ODD_LINES)))
            continue
        cells = [quoted(draw(st.sampled_from(CELLS[c])), quote_all) for c in header]
        if odd and draw(st.integers(0, 4)) == 0:
            cells[draw(st.integers(0, len(cells) - 1))] = draw(st.sampled_from(RAW_CELLS))
        lines.append(",".join(cells))
    text = newline.join(lines)
    if odd and draw(st.integers(0, 19)) == 0:
        text = text.replace(newline, "\r", 1)
    if not odd or draw(st.booleans()):
        text += newline
    return text


def outcome(parse: object, text: str) -> object:
    """The rows (number, transaction) a parser answers, or its CsvInvalid's words."""
    try:
        batch = parse(text, context())  # type: ignore[operator]
    except CsvInvalid as exc:
        return ("invalid", exc.message, exc.errors)
    if isinstance(batch, list):
        return [(r.row, r.transaction) for r in batch]
    return list(zip(batch.row_numbers(), batch.transactions(), strict=True))


@settings(max_examples=400)
@given(files())
def test_the_column_parser_answers_what_the_row_parser_answers(text: str) -> None:
    # Act
    expected = outcome(parse_transactions, text)
    got = outcome(parse_transaction_csv, text)

    # Assert
    assert got == expected


@settings(max_examples=200)
@given(files(odd=False))
def test_plain_files_never_fall_back_to_the_row_parser(
    text: str,
) -> None:
    # Arrange: a file the csv module and pyarrow read alike, unless a note holds a newline
    if "line\nbreak" in text:
        return
    expected = outcome(parse_transactions, text)
    calls: list[str] = []
    real = column_parser.parse_batch

    def spy(text: str, ctx: ImportContext) -> object:
        calls.append(text)
        return real(text, ctx)

    # Act
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(column_parser, "parse_batch", spy)
        got = outcome(parse_transaction_csv, text)

    # Assert: same answer, worked out column-wise (blank-only bodies are the reference's)
    assert got == expected
    if not (isinstance(expected, tuple) and expected[1].startswith("the file has a header")):
        assert calls == []


def test_a_good_file_becomes_csv_for_the_store_in_the_batch_convention() -> None:
    # Arrange
    text = (
        f"{','.join(COLUMNS)}\n"
        '2026-01-02,Brokerage,deposit,,,,10000.50,,,dep-1,,,"opening, cash"\n'
        "2026-01-05,ma-1,BUY,aapl,10,150.250,,1,eur,,,,\n"
        "2026-03-03,ma-2,transfer_in,MSFT,5,300,,,,,,2020-06-01,\n"
    )

    # Act
    batch = parse_transaction_csv(text, context())

    # Assert: quoted text, unquoted dates, exact decimals, empty for None
    assert batch_csv(batch).decode().splitlines() == [
        '"tx-0001","pf-1","ma-1","deposit",2026-01-02,"USD",,"0","0","10000.50","0",,,,,'
        '"import","dep-1","opening, cash",,"0",,,,',
        '"tx-0002","pf-1","ma-1","buy",2026-01-05,"EUR","AAPL","10","150.250","0","1",,,,,'
        '"import",,"",,"0",,,,',
        '"tx-0003","pf-1","ma-2","transfer_in",2026-03-03,"USD","MSFT","5","300","0","0",,,,'
        '2020-06-01,"import",,"",,"0",,,,',
    ]
    assert batch.row_numbers() == [2, 3, 4]


def test_more_rows_than_allowed_is_refused_before_any_is_checked() -> None:
    text = f"{','.join(REQUIRED)}\n" + "2026-01-05,ma-1,deposit\n" * (MAX_ROWS + 1)

    with pytest.raises(CsvInvalid) as caught:
        parse_transaction_csv(text, context())

    assert caught.value.message == f"the file has more than {MAX_ROWS} rows"


def test_the_whitespace_it_strips_is_what_str_strip_strips() -> None:
    python = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())

    assert python == PY_WHITESPACE


def test_the_csv_chunks_are_the_whole_text_cut_at_rows() -> None:
    # Arrange
    lines = [f"2026-01-0{1 + i % 9},ma-1,deposit,,,,{i + 1},,,r-{i},,,n{i}" for i in range(7)]
    batch = parse_transaction_csv("\n".join([",".join(COLUMNS), *lines]), context())

    # Act
    chunks = list(batch.csv_chunks(3))

    # Assert
    assert [c.count(b"\n") for c in chunks] == [3, 3, 1]
    assert b"".join(chunks) == batch_csv(batch)
    as_list = TransactionList("pf-1", batch.transactions())
    assert cells(b"".join(as_list.csv_chunks(2))) == cells(batch_csv(batch))


def cells(text: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.decode(), newline="")))


def test_a_corporate_action_row_is_read_by_the_reference_rules() -> None:
    # Arrange: a spin-off needs new_symbol, split_ratio and allocation (columns of its own)
    text = (
        "date,account,type,symbol,split_ratio,new_symbol,allocation\n"
        "2026-01-05,ma-1,spin_off,ge,0.25,gev,0.173\n"
    )

    # Act
    (tx,) = parse_transaction_csv(text, context()).transactions()

    # Assert
    assert (tx.kind.value, tx.symbol, tx.new_symbol) == ("spin_off", "GE", "GEV")
    assert (tx.split_ratio, tx.allocation) == (Decimal("0.25"), Decimal("0.173"))


def test_a_malformed_corporate_action_names_its_column() -> None:
    # Arrange: a spin-off without its allocation
    text = "date,account,type,symbol,split_ratio,new_symbol\n2026-01-05,ma-1,spin_off,GE,0.25,GEV\n"

    # Act
    with pytest.raises(CsvInvalid) as caught:
        parse_transaction_csv(text, context())

    # Assert
    assert [(e.row, e.field) for e in caught.value.errors] == [(2, "allocation")]
