"""The SEC's Official List of Section 13(f) Securities read from its text file: a worked sample
with an option line, an ADDED and a DELETED line, the heading's columns and the period."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.compliance.official_13f_list import (
    InvalidOfficialList,
    ListStatus,
    check_period,
    parse_official_list,
)
from domain.trading.identifiers import cusip_check_digit

# Fixed width, as the SEC prints it: the heading gives the columns.
SAMPLE = """\
                     List of Section 13F Securities
                     First Quarter 2025
Run Date: 3/13/2025                                  Run Time: 10:15:03

CUSIP NO     HAS LISTED OPTION   ISSUER NAME                    ISSUER DESCRIPTION   STATUS
037833100                        APPLE INC                      COM
037833902        *               APPLE INC                      CALL
037833951        *               APPLE INC                      PUT
02079K305                        ALPHABET INC                   CAP STK CL A         ADDED
990009102                        OLD CO                         COM                  DELETED
037833101                        BROKEN CHECK DIGIT             COM
Total Count: 6
"""


def test_the_worked_sample_reads_each_kind_of_line() -> None:
    # Act
    parsed = parse_official_list(SAMPLE, "13flist2025q1.txt")

    # Assert: the period and date from the heading; the bad check digit skipped by line
    assert (parsed.period, parsed.list_date) == ("2025 Q1", date(2025, 3, 13))
    by_cusip = {e.cusip: e for e in parsed.entries}
    apple, call = by_cusip["037833100"], by_cusip["037833902"]
    assert (apple.issuer_name, apple.title_of_class, apple.is_option) == ("APPLE INC", "COM", False)
    assert (call.title_of_class, call.is_option, call.on_list) == ("CALL", True, True)
    alphabet = by_cusip["02079K305"]
    assert (alphabet.title_of_class, alphabet.status) == ("CAP STK CL A", ListStatus.ADDED)
    old = by_cusip["990009102"]
    assert (old.status, old.on_list, old.title_of_class) == (ListStatus.DELETED, False, "COM")
    assert parsed.deleted == 1 and len(parsed.entries) == 5
    assert parsed.skipped_lines == (11,)


def test_without_a_heading_the_columns_are_runs_of_spaces_and_the_name_gives_the_period() -> None:
    # Arrange: no heading; the period only in the file's name
    text = "037833100    APPLE INC    COM\n037833902  * APPLE INC    CALL    ADDED\n"

    # Act
    parsed = parse_official_list(text, "/tmp/13flist2024q4.txt")

    # Assert
    assert parsed.period == "2024 Q4" and parsed.list_date is None
    (apple, call) = parsed.entries
    assert (apple.issuer_name, apple.title_of_class) == ("APPLE INC", "COM")
    assert (call.is_option, call.title_of_class, call.status) == (True, "CALL", ListStatus.ADDED)


def test_a_deleted_line_gives_way_to_a_live_one_of_the_same_cusip() -> None:
    text = "990009102    OLD CO    COM    DELETED\n990009102    OLD CO    COM\n"

    (entry,) = parse_official_list(text, period="2025 q2").entries

    assert entry.on_list


@pytest.mark.parametrize(
    ("text", "name", "period", "field"),
    [
        ("nothing here\n", "13flist2025q1.txt", None, "file"),
        ("037833100    APPLE INC    COM\n", "list.txt", None, "period"),
        ("037833100    APPLE INC    COM\n", "list.txt", "Q1", "period"),
    ],
)
def test_what_is_not_the_list_is_refused_naming_the_field(
    text: str, name: str, period: str | None, field: str
) -> None:
    with pytest.raises(InvalidOfficialList) as refused:
        parse_official_list(text, name, period)

    assert refused.value.field == field and refused.value.code == "INVALID_13F_LIST"


@given(
    issuer=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ&.", min_size=1, max_size=30),
    base=st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=8, max_size=8),
)
def test_any_valid_line_round_trips(issuer: str, base: str) -> None:
    # Arrange: a well-formed line of a valid CUSIP
    cusip = base + str(cusip_check_digit(base))

    # Act
    (entry,) = parse_official_list(f"{cusip}    {issuer}    COM\n", period="2025 Q3").entries

    # Assert
    assert (entry.cusip, entry.issuer_name, entry.title_of_class) == (cusip, issuer, "COM")


def test_period_is_a_year_and_a_quarter() -> None:
    assert check_period(" 2025   q4 ") == "2025 Q4"
