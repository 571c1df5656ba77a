"""Form 13F-HR: the information table from holdings, and the $100 million filing threshold.

The information table's columns are those of the SEC's Form 13F XML Technical Specification
(namespace INFORMATION_TABLE_NS): nameOfIssuer, titleOfClass, cusip, figi (optional, since
2023), value, shrsOrPrnAmt (sshPrnamt, sshPrnamtType SH / PRN), putCall (Put / Call,
optional), investmentDiscretion (SOLE / DFND / OTR), otherManager (optional), votingAuthority
(Sole / Shared / None). The XSD this project wrote from the specification is
adapters/sec13f/schemas/informationtable.xsd; the rules below are checked first so that a
refusal names the holding.

Conventions (docs/13f.md):
- value: the holding's fair market value in U.S. dollars at the close of the period's last
  trading day, rounded to the nearest dollar (half up). Filings from 2023-01-03 on report
  whole dollars; earlier filings reported thousands. For an option (putCall) the value and
  amount are those of the underlying securities, as the Form 13F instructions ask.
- sshPrnamt: whole shares (SH) or principal amount in dollars (PRN), rounded half up.
- Holdings of one issuer, class and CUSIP are one row per (putCall, investment discretion,
  other managers): values, amounts and voting authority add up.
- Voting authority given nowhere: all shares under Sole for SOLE discretion, under Shared
  otherwise (a default the filer should check).
- CUSIP: 9 characters [A-Z0-9] with a valid check digit (the modulus 10 "double-add-double"
  of the CUSIP Global Services standard, '*', '@', '#' = 36, 37, 38).
- Threshold (rule 13f-1(a)): a manager exercising investment discretion over 13(f) securities
  of $100,000,000 or more on the last trading day of any month of a calendar year files for
  the last quarter of that year and each of the next year's first three quarters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from xml.sax.saxutils import escape

from domain.analytics.compliance.filing_calendar import InvalidFilingInput
from domain.numbers import ONE
from domain.trading.identifiers import cusip_check_digit

INFORMATION_TABLE_NS = "http://www.sec.gov/edgar/document/thirteenf/informationtable"
FILING_THRESHOLD_USD = Decimal(100_000_000)
MAX_HOLDINGS = 20_000  # rows posted or held; 20,000 build and validate in ~1.5 s of CPU
MAX_NAME = 150
MAX_OTHER_MANAGER = 100
MAX_DIGITS = 16  # value, sshPrnamt and voting figures: up to 16 digits
# EDGAR's entity-name characters (the specification's ENTITY_NAME_TYPE pattern).
_ISSUER_NAME = re.compile(r"[A-Za-z0-9\s!\\#$(),.:;`=@'\-{}|/&]+")
_CUSIP = re.compile(r"[A-Z0-9*@#]{8}[0-9]")
_FIGI = re.compile(r"[A-Z0-9]{12}")
_OTHER_MANAGER = re.compile(r"[0-9]{1,3}(,[0-9]{1,3})*")


class InvalidCusip(InvalidFilingInput):
    """A CUSIP that is not 9 characters or whose check digit does not match (422, naming the
    holding)."""

    code = "INVALID_CUSIP"


class AmountType(StrEnum):
    SHARES = "SH"
    PRINCIPAL = "PRN"


class PutCall(StrEnum):
    PUT = "Put"
    CALL = "Call"


class Discretion(StrEnum):
    SOLE = "SOLE"
    DEFINED = "DFND"  # shared-defined
    OTHER = "OTR"  # shared-other


@dataclass(frozen=True, slots=True)
class Holding13F:
    """One holding as the manager records it; `market_value` in USD (exact), `amount` in
    shares or principal dollars; voting figures None: the default of the module doc."""

    name_of_issuer: str
    title_of_class: str
    cusip: str
    market_value: Decimal
    amount: Decimal
    amount_type: AmountType = AmountType.SHARES
    figi: str | None = None
    put_call: PutCall | None = None
    discretion: Discretion = Discretion.SOLE
    other_manager: str | None = None
    voting_sole: Decimal | None = None
    voting_shared: Decimal | None = None
    voting_none: Decimal | None = None


@dataclass(frozen=True, slots=True)
class InfoTableEntry:
    """One row of the information table, in the specification's units."""

    name_of_issuer: str
    title_of_class: str
    cusip: str
    figi: str | None
    value: int  # USD, rounded to the dollar
    amount: int
    amount_type: AmountType
    put_call: PutCall | None
    discretion: Discretion
    other_manager: str | None
    voting_sole: int
    voting_shared: int
    voting_none: int


@dataclass(frozen=True, slots=True)
class InformationTable:
    entries: tuple[InfoTableEntry, ...]

    @property
    def entry_total(self) -> int:
        """The summary page's tableEntryTotal."""
        return len(self.entries)

    @property
    def value_total(self) -> int:
        """The summary page's tableValueTotal, USD."""
        return sum(e.value for e in self.entries)


def check_cusip(cusip: str, field: str) -> str:
    text = cusip.strip().upper()
    if not _CUSIP.fullmatch(text) or cusip_check_digit(text[:8]) != int(text[8]):
        raise InvalidCusip(
            f"{field}: {cusip[:12]!r} is not a CUSIP (9 characters, valid check digit)",
            field=field,
        )
    return text


def _whole(value: Decimal, field: str) -> int:
    if not value.is_finite() or value < 0:
        raise InvalidFilingInput(f"{field}: a number >= 0", field=field)
    whole = int(value.quantize(ONE, rounding=ROUND_HALF_UP))
    if len(str(whole)) > MAX_DIGITS:
        raise InvalidFilingInput(f"{field}: at most {MAX_DIGITS} digits", field=field)
    return whole


def _text(value: str, field: str, limit: int, pattern: re.Pattern[str] | None = None) -> str:
    text = " ".join(value.split())
    bad = not text.isprintable() or (pattern is not None and not pattern.fullmatch(text))
    if not 1 <= len(text) <= limit or bad:
        allowed = " of EDGAR's name characters (letters, digits, spaces, !\\#$(),.:;`=@'-{}|/&)"
        raise InvalidFilingInput(
            f"{field}: 1 to {limit} printable characters" + (allowed if pattern else ""),
            field=field,
        )
    return text


def _entry(holding: Holding13F, where: str) -> InfoTableEntry:
    cusip = check_cusip(holding.cusip, f"{where}.cusip")
    figi = None
    if holding.figi:
        figi = holding.figi.strip().upper()
        if not _FIGI.fullmatch(figi):
            raise InvalidFilingInput(f"{where}.figi: 12 letters or digits", field=f"{where}.figi")
    other = None
    if holding.other_manager:
        other = holding.other_manager.replace(" ", "")
        if len(other) > MAX_OTHER_MANAGER or not _OTHER_MANAGER.fullmatch(other):
            raise InvalidFilingInput(
                f"{where}.other_manager: the other managers' numbers, comma-separated (1,3)",
                field=f"{where}.other_manager",
            )
    amount = _whole(holding.amount, f"{where}.amount")
    voting = [holding.voting_sole, holding.voting_shared, holding.voting_none]
    if all(v is None for v in voting):
        sole, shared, none = (
            (amount, 0, 0) if holding.discretion is Discretion.SOLE else (0, amount, 0)
        )
    else:
        sole, shared, none = (
            _whole(v or Decimal(0), f"{where}.voting_{name}")
            for v, name in zip(voting, ("sole", "shared", "none"), strict=True)
        )
    return InfoTableEntry(
        name_of_issuer=_text(holding.name_of_issuer, f"{where}.name_of_issuer", MAX_NAME,
                             _ISSUER_NAME),
        title_of_class=_text(holding.title_of_class, f"{where}.title_of_class", MAX_NAME),
        cusip=cusip, figi=figi,
        value=_whole(holding.market_value, f"{where}.market_value"),
        amount=amount, amount_type=holding.amount_type, put_call=holding.put_call,
        discretion=holding.discretion, other_manager=other,
        voting_sole=sole, voting_shared=shared, voting_none=none,
    )  # fmt: skip


def information_table(holdings: Sequence[Holding13F], field: str = "holdings") -> InformationTable:
    """The information table of `holdings` (module doc): each checked (422 naming
    `holdings[i].<field>`), combined per issuer row, values rounded after adding up."""
    if not holdings:
        raise InvalidFilingInput("there is no holding to report", field=field)
    if len(holdings) > MAX_HOLDINGS:
        raise InvalidFilingInput(f"at most {MAX_HOLDINGS:,} holdings", field=field)
    groups: dict[tuple[object, ...], list[tuple[Holding13F, InfoTableEntry]]] = {}
    for index, holding in enumerate(holdings):
        entry = _entry(holding, f"{field}[{index}]")
        key = (entry.cusip, entry.title_of_class.upper(), entry.amount_type, entry.put_call,
               entry.discretion, entry.other_manager)  # fmt: skip
        groups.setdefault(key, []).append((holding, entry))
    entries = []
    for rows in groups.values():
        first = rows[0][1]
        exact_value = sum((h.market_value for h, _ in rows), Decimal(0))
        exact_amount = sum((h.amount for h, _ in rows), Decimal(0))
        entries.append(
            InfoTableEntry(
                name_of_issuer=first.name_of_issuer,
                title_of_class=first.title_of_class,
                cusip=first.cusip,
                figi=next((e.figi for _, e in rows if e.figi), None),
                value=_whole(exact_value, f"{field}.{first.cusip}.market_value"),
                amount=_whole(exact_amount, f"{field}.{first.cusip}.amount"),
                amount_type=first.amount_type,
                put_call=first.put_call,
                discretion=first.discretion,
                other_manager=first.other_manager,
                voting_sole=sum(e.voting_sole for _, e in rows),
                voting_shared=sum(e.voting_shared for _, e in rows),
                voting_none=sum(e.voting_none for _, e in rows),
            )
        )
    entries.sort(key=lambda e: (e.name_of_issuer.upper(), e.cusip, e.put_call or "", e.discretion))
    return InformationTable(tuple(entries))


def information_table_xml(table: InformationTable) -> bytes:
    """The table as the specification's XML document (UTF-8, default namespace, two-space
    indentation). Written as text with every value escaped: ElementTree took most of the time
    of a large table (docs/13f.md)."""
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        f'<informationTable xmlns="{INFORMATION_TABLE_NS}">',
    ]
    add = lines.append
    for e in table.entries:
        add("  <infoTable>")
        add(f"    <nameOfIssuer>{escape(e.name_of_issuer)}</nameOfIssuer>")
        add(f"    <titleOfClass>{escape(e.title_of_class)}</titleOfClass>")
        add(f"    <cusip>{escape(e.cusip)}</cusip>")
        if e.figi:
            add(f"    <figi>{escape(e.figi)}</figi>")
        add(f"    <value>{e.value:d}</value>")
        add("    <shrsOrPrnAmt>")
        add(f"      <sshPrnamt>{e.amount:d}</sshPrnamt>")
        add(f"      <sshPrnamtType>{e.amount_type.value}</sshPrnamtType>")
        add("    </shrsOrPrnAmt>")
        if e.put_call is not None:
            add(f"    <putCall>{e.put_call.value}</putCall>")
        add(f"    <investmentDiscretion>{e.discretion.value}</investmentDiscretion>")
        if e.other_manager:
            add(f"    <otherManager>{escape(e.other_manager)}</otherManager>")
        add("    <votingAuthority>")
        add(f"      <Sole>{e.voting_sole:d}</Sole>")
        add(f"      <Shared>{e.voting_shared:d}</Shared>")
        add(f"      <None>{e.voting_none:d}</None>")
        add("    </votingAuthority>")
        add("  </infoTable>")
    add("</informationTable>")
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class ThresholdCheck:
    """Whether the $100 million rule is met, and the quarters it makes the manager file."""

    threshold_usd: Decimal
    met: bool
    first_month_end: date | None  # the first month end at or above the threshold
    peak_value: Decimal
    required_quarters: tuple[tuple[int, int], ...]  # (year, quarter)


def filing_threshold(month_end_values: Mapping[date, Decimal]) -> ThresholdCheck:
    """The rule of the module doc over 13(f) securities' values (USD) at month ends."""
    if not month_end_values:
        raise InvalidFilingInput("give at least one month-end value", field="month_end_values")
    for day, value in month_end_values.items():
        if not value.is_finite() or value < 0:
            raise InvalidFilingInput(
                f"month_end_values[{day.isoformat()}]: an amount >= 0", field="month_end_values"
            )
    reached = sorted(d for d, v in month_end_values.items() if v >= FILING_THRESHOLD_USD)
    peak = max(month_end_values.values())
    if not reached:
        return ThresholdCheck(FILING_THRESHOLD_USD, False, None, peak, ())
    years = sorted({d.year for d in reached})
    quarters: set[tuple[int, int]] = set()
    for year in years:
        quarters |= {(year, 4), (year + 1, 1), (year + 1, 2), (year + 1, 3)}
    return ThresholdCheck(FILING_THRESHOLD_USD, True, reached[0], peak, tuple(sorted(quarters)))
