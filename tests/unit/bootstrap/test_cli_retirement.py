"""`bulwark retirement limits|rmd`: the IRS figures on the command line, no store."""

from __future__ import annotations

import io

from bootstrap.cli import _parser
from bootstrap.cli_retirement import EXIT_REFUSED, run


def call(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run(_parser().parse_args(["retirement", *argv]), out)
    return code, out.getvalue()


def test_rmd_of_publication_590b_method() -> None:
    code, text = call("rmd", "--balance", "100000", "--birth-date", "1951-06-01", "--year", "2024")

    assert code == 0
    assert "RMD 3773.58 = 100000 / 26.5 (age 73), due by 2025-04-01" in text


def test_no_rmd_before_the_beginning_age() -> None:
    code, text = call("rmd", "--balance", "1000", "--birth-date", "1960-01-01", "--year", "2034")

    assert code == 0 and "no RMD" in text and "2035" in text


def test_limits_of_a_year_and_a_year_not_published() -> None:
    code, text = call("limits", "--year", "2025")
    refused, why = call("limits", "--year", "2031")

    assert code == 0 and "IRS Notice 2024-80" in text and "catch-up 60-63: 11250" in text
    assert refused == EXIT_REFUSED and "2024, 2025, 2026" in why


def test_a_malformed_balance_is_refused() -> None:
    code, text = call("rmd", "--balance", "lots", "--birth-date", "1950-01-01", "--year", "2025")

    assert code == EXIT_REFUSED and text.startswith("refused")
