"""The SEC's Official List of Section 13(f) Securities, read from its quarterly text file.

The list (13flistYYYYqN.txt, published each quarter) has a few heading lines (the title, the
quarter, "Run Date: MM/DD/YYYY", "Total Count", the column headings CUSIP NO / HAS LISTED
OPTION / ISSUER NAME / ISSUER DESCRIPTION / STATUS) and one line per security:

    037833100    APPLE INC                      COM
    037833902  * APPLE INC                      CALL
    990002107    ACME INDL HLDGS                COM                    ADDED
    990009102    OLD CO                         COM                    DELETED

- the CUSIP (9 characters, check digit checked: a line whose CUSIP fails it is skipped and
  counted, naming its line);
- `*`: an option entry (puts and calls on the security have their own CUSIPs on the list);
- the issuer's name and the class description (Form 13F's nameOfIssuer and titleOfClass, in
  upper case as the list prints them), cut at the heading's columns when the heading line is
  there, else at a run of two or more spaces (or a tab);
- the status: ADDED (new on this list), DELETED (taken off since the previous list: no longer
  a 13(f) security), nothing for the rest.

The period ("2025 Q1") is read from a line such as "First Quarter 2025", "1st QUARTER 2025" or
"2025 Q1", else from the file's name (13flist2025q1.txt); the list's date from "Run Date:".
A CUSIP listed twice keeps its first line, a DELETED line giving way to a live one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.analytics.compliance.filing_calendar import InvalidFilingInput
from domain.trading.identifiers import cusip_check_digit

MAX_LIST_BYTES = 16 * 1024 * 1024
MAX_FIELD = 150
_LINE = re.compile(r"\s*([A-Z0-9]{6}[A-Z0-9*@#]{2}[0-9])(\s+\*|\*)?(?=\s)(.*)")
_STATUS = re.compile(r"^(.*?)\s+(ADDED|DELETED)\s*$")
_SPLIT = re.compile(r"\t+|\s{2,}")
_ORDINALS = {"FIRST": 1, "SECOND": 2, "THIRD": 3, "FOURTH": 4, "1ST": 1, "2ND": 2, "3RD": 3,
             "4TH": 4}  # fmt: skip
_QUARTER_WORDS = re.compile(r"\b(FIRST|SECOND|THIRD|FOURTH|1ST|2ND|3RD|4TH)\s+QUARTER,?\s+(\d{4})")
_QUARTER_SHORT = re.compile(r"\b(\d{4})\s*Q([1-4])\b|\bQ([1-4])\s*(\d{4})\b")
_FILE_NAME = re.compile(r"(\d{4})Q([1-4])", re.IGNORECASE)
_RUN_DATE = re.compile(r"RUN\s+DATE:?\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_PERIOD = re.compile(r"(\d{4}) Q([1-4])")


class InvalidOfficialList(InvalidFilingInput):
    """The file is not the SEC's list (no entry found), or too large (422 naming `file`)."""

    code = "INVALID_13F_LIST"


class ListStatus(StrEnum):
    LISTED = "LISTED"  # no flag on its line
    ADDED = "ADDED"
    DELETED = "DELETED"


@dataclass(frozen=True, slots=True)
class ListedSecurity:
    """One line of the list."""

    cusip: str
    issuer_name: str
    title_of_class: str
    is_option: bool = False
    status: ListStatus = ListStatus.LISTED

    @property
    def on_list(self) -> bool:
        """A 13(f) security of the list's quarter (a DELETED line is not)."""
        return self.status is not ListStatus.DELETED


@dataclass(frozen=True, slots=True)
class OfficialList:
    period: str  # "2025 Q1"
    list_date: date | None  # the Run Date
    entries: tuple[ListedSecurity, ...]
    skipped_lines: tuple[int, ...]  # lines whose CUSIP's check digit does not match

    @property
    def deleted(self) -> int:
        return sum(1 for e in self.entries if not e.on_list)


def check_period(text: str) -> str:
    """ "2025 Q1" (a year and a quarter), or 422 naming `period`."""
    found = _PERIOD.fullmatch(" ".join(text.upper().split()))
    if found is None:
        raise InvalidOfficialList("period: a year and a quarter, as 2025 Q1", field="period")
    return f"{found[1]} Q{found[2]}"


def parse_official_list(text: str, name: str = "", period: str | None = None) -> OfficialList:
    """The list in `text` (module doc); `name` is the file's name, `period` overrides the one
    the file gives."""
    if len(text) > MAX_LIST_BYTES:
        raise InvalidOfficialList(f"file: at most {MAX_LIST_BYTES} bytes", field="file")
    found_period = None if period is None else check_period(period)
    list_date: date | None = None
    columns: tuple[int, int, int] | None = None
    entries: dict[str, ListedSecurity] = {}
    skipped: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip().upper()
        if columns is not None:
            line = line.expandtabs(8)
        match = _LINE.match(line) if line else None
        if match is None:
            found_period = found_period or _period_in(line)
            list_date = list_date or _run_date(line)
            columns = columns or _columns(line.expandtabs(8))
            continue
        cusip = match[1]
        entry = None
        if cusip_check_digit(cusip[:8]) == int(cusip[8]):
            entry = _entry(cusip, match[2] is not None, line, match.start(3), columns)
        if entry is None:
            skipped.append(number)
            continue
        kept = entries.get(cusip)
        if kept is None or (not kept.on_list and entry.on_list):
            entries[cusip] = entry
    if not entries:
        raise InvalidOfficialList(
            "file: no security line found (CUSIP, issuer name, class): is it the SEC's "
            "13flist text?",
            field="file",
        )
    found_period = found_period or _period_in(name.upper(), _FILE_NAME)
    if found_period is None:
        raise InvalidOfficialList(
            "period: the file does not name its quarter: give it (2025 Q1)", field="period"
        )
    return OfficialList(found_period, list_date, tuple(entries.values()), tuple(skipped))


def _entry(
    cusip: str, option: bool, line: str, rest_at: int, columns: tuple[int, int, int] | None
) -> ListedSecurity | None:
    """The line (upper case, tabs expanded when cut at the heading's columns) as an entry;
    None when it has no issuer and class."""
    rest = line[rest_at:]
    flagged = _STATUS.match(rest)
    status = ListStatus.LISTED if flagged is None else ListStatus(flagged[2])
    body_end = len(line) if flagged is None else rest_at + len(flagged[1])
    issuer = title = ""
    if columns is not None:
        name_at, class_at, status_at = columns
        issuer, title = line[name_at:class_at], line[class_at : min(status_at, body_end)]
    if not issuer.strip() or not title.strip():  # no heading, or one the lines do not follow
        parts = [p for p in _SPLIT.split(line[rest_at:body_end].strip()) if p]
        if len(parts) < 2:
            return None
        issuer, title = parts[0], " ".join(parts[1:])
    issuer, title = " ".join(issuer.split()), " ".join(title.split())
    if len(issuer) > MAX_FIELD or len(title) > MAX_FIELD:
        return None
    return ListedSecurity(cusip, issuer, title, option, status)


def _columns(heading: str) -> tuple[int, int, int] | None:
    """Where the issuer name, the class description and the status start, from the heading."""
    name_at, class_at = heading.find("ISSUER NAME"), heading.find("ISSUER DESCRIPTION")
    if name_at < 0 or class_at <= name_at:
        return None
    status_at = heading.find("STATUS", class_at)
    return name_at, class_at, status_at if status_at > 0 else 10_000


def _period_in(text: str, short: re.Pattern[str] = _QUARTER_SHORT) -> str | None:
    words = _QUARTER_WORDS.search(text)
    if words is not None and short is _QUARTER_SHORT:
        return f"{words[2]} Q{_ORDINALS[words[1]]}"
    found = short.search(text)
    if found is None:
        return None
    groups = [g for g in found.groups() if g]
    year, quarter = (groups[0], groups[1]) if len(groups[0]) == 4 else (groups[1], groups[0])
    return f"{year} Q{quarter}"


def _run_date(text: str) -> date | None:
    found = _RUN_DATE.search(text)
    if found is None:
        return None
    try:
        return date(int(found[3]), int(found[1]), int(found[2]))
    except ValueError:
        return None
