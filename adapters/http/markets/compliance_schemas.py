"""/api/v1/planning/13f and /planning/filing-calendar DTOs (docs/13f.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, TypeVar

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output, attributes, doc
from adapters.http.wire_format import MoneyOut
from adapters.wire.numbers import SignedMoney
from application.markets.filing_calendar import CalendarView
from application.markets.form13f import (
    Form13FDocument,
    Form13FRequest,
    ThresholdReport,
    ValidationReport,
)
from domain.analytics.compliance.filing_calendar import Deadline, InvalidFilingInput
from domain.analytics.compliance.form13f import (
    MAX_HOLDINGS,
    AmountType,
    Discretion,
    Holding13F,
    InfoTableEntry,
    PutCall,
)
from ports.markets.filing_reminders import ReminderSettings
from ports.markets.sec13f import Security13F

E = TypeVar("E", AmountType, PutCall, Discretion)
FORM13F_CONVENTIONS = {
    "value": "U.S. dollars, fair market value at the period end, rounded to the nearest dollar "
    "(filings from 2023-01-03; thousands before)",
    "amount": "sshPrnamt: whole shares (SH) or principal in dollars (PRN), rounded half up",
    "rows": "one per (CUSIP, class, SH/PRN, put/call, investment discretion, other managers); "
    "values added before rounding",
    "voting": "default when none given: all under Sole for SOLE discretion, Shared otherwise",
    "threshold_reached": "the table's own total is at least $100,000,000; the rule looks at "
    "every month end of the year (POST /planning/13f/threshold)",
    "deadline": "45 days after the quarter's end, next business day when closed (rule 0-3)",
}


class HoldingIn(Input):
    """One holding (columns of the information table)."""

    name_of_issuer: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    title_of_class: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    cusip: Annotated[str, msgspec.Meta(min_length=1, max_length=16)]
    market_value_usd: Annotated[SignedMoney, doc("Fair market value, USD, >= 0")]
    amount: Annotated[SignedMoney, doc("Shares (SH) or principal (PRN), >= 0")]
    amount_type: Annotated[str, doc("SH (default) or PRN")] = "SH"
    figi: Annotated[str, msgspec.Meta(max_length=16)] | None = None
    put_call: Annotated[str | None, doc("Put or Call, for options")] = None
    investment_discretion: Annotated[str, doc("SOLE (default), DFND or OTR")] = "SOLE"
    other_manager: Annotated[str, msgspec.Meta(max_length=120)] | None = None
    voting_sole: SignedMoney | None = None
    voting_shared: SignedMoney | None = None
    voting_none: SignedMoney | None = None

    def to_domain(self, where: str) -> Holding13F:
        return Holding13F(
            name_of_issuer=self.name_of_issuer,
            title_of_class=self.title_of_class,
            cusip=self.cusip,
            market_value=Decimal(self.market_value_usd),
            amount=Decimal(self.amount),
            amount_type=parse_enum(AmountType, self.amount_type, f"{where}.amount_type"),
            figi=self.figi,
            put_call=(
                None
                if self.put_call is None
                else parse_enum(PutCall, self.put_call.capitalize(), f"{where}.put_call")
            ),
            discretion=parse_enum(
                Discretion, self.investment_discretion.upper(), f"{where}.investment_discretion"
            ),
            other_manager=self.other_manager,
            voting_sole=None if self.voting_sole is None else Decimal(self.voting_sole),
            voting_shared=None if self.voting_shared is None else Decimal(self.voting_shared),
            voting_none=None if self.voting_none is None else Decimal(self.voting_none),
        )


def parse_enum(kind: type[E], text: str, field: str) -> E:
    """`text` as a member of `kind`, or 422 INVALID_FILING_INPUT naming `field`."""
    try:
        return kind(text)
    except ValueError:
        raise InvalidFilingInput(
            f"{field}: one of {', '.join(m.value for m in kind)}", field=field
        ) from None


class SecurityIn(Input):
    """One security of a posted master: a portfolio's symbol with what the Official List of
    Section 13(f) Securities gives it."""

    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    cusip: Annotated[str, msgspec.Meta(min_length=1, max_length=16)]
    name_of_issuer: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    title_of_class: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    figi: Annotated[str, msgspec.Meta(max_length=16)] | None = None
    listed_13f: Annotated[bool, doc("On the Official List of Section 13(f) Securities")] = True

    def to_domain(self) -> Security13F:
        return Security13F(
            self.symbol.strip().upper(), self.cusip, self.name_of_issuer, self.title_of_class,
            self.figi, self.listed_13f,
        )  # fmt: skip


class Form13FIn(Input):
    """`holdings`, or `portfolio_id` (yours) with `prices` at the period end and, to override
    the stored instruments and Official List, `securities`."""

    period_end: Annotated[
        dt.date | None, doc("A calendar quarter's last day (default: the last one before today)")
    ] = None
    holdings: Annotated[list[HoldingIn], msgspec.Meta(max_length=MAX_HOLDINGS)] | None = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    prices: (
        Annotated[
            dict[str, SignedMoney],
            msgspec.Meta(max_length=MAX_HOLDINGS, description="symbol -> USD price at period_end"),
        ]
        | None
    ) = None
    investment_discretion: Annotated[str, doc("For a portfolio's rows: SOLE, DFND, OTR")] = "SOLE"
    securities: (
        Annotated[
            list[SecurityIn],
            msgspec.Meta(
                max_length=MAX_HOLDINGS,
                description="With portfolio_id: the securities by symbol, instead of the stored "
                "instruments and Official List",
            ),
        ]
        | None
    ) = None

    def to_request(self) -> Form13FRequest:
        return Form13FRequest(
            period_end=self.period_end,
            holdings=None
            if self.holdings is None
            else [h.to_domain(f"holdings[{i}]") for i, h in enumerate(self.holdings)],
            portfolio_id=self.portfolio_id,
            prices=None if self.prices is None else {k: Decimal(v) for k, v in self.prices.items()},
            discretion=parse_enum(
                Discretion, self.investment_discretion.upper(), "investment_discretion"
            ),
            securities=None
            if self.securities is None
            else [s.to_domain() for s in self.securities],
        )


class DeadlineOut(Output):
    filing: str
    period: str
    period_end: dt.date
    nominal: dt.date
    due: dt.date
    rolled_over: list[str]
    calendar: str
    rule: str

    @classmethod
    def from_domain(cls, d: Deadline) -> DeadlineOut:
        return cls.from_attributes(
            d,
            filing=d.filing.value,
            rolled_over=list(d.rolled_over),
            calendar=d.calendar.value,
        )


class InfoTableOut(Output):
    name_of_issuer: str
    title_of_class: str
    cusip: str
    figi: str | None
    value: int
    shares_or_principal: int
    shares_or_principal_type: str
    put_call: str | None
    investment_discretion: str
    other_manager: str | None
    voting_sole: int
    voting_shared: int
    voting_none: int

    @classmethod
    def from_domain(cls, e: InfoTableEntry) -> InfoTableOut:
        return cls.from_attributes(
            e,
            shares_or_principal=e.amount,
            shares_or_principal_type=e.amount_type.value,
            put_call=None if e.put_call is None else e.put_call.value,
            investment_discretion=e.discretion.value,
        )


class ExclusionOut(Output):
    symbol: str
    reason: str


class Form13FOut(Output):
    """The information table, its XML (valid against the XSD) and the summary figures."""

    period_end: dt.date
    portfolio_id: str | None
    entry_total: int
    value_total: int
    threshold_reached: bool
    deadline: DeadlineOut
    schema_valid: bool
    schema_version: str
    official_list_period: str | None
    official_list_date: Annotated[dt.date | None, doc("The stored list's Run Date")]
    securities_source: Annotated[
        str | None,
        doc(
            "Where a portfolio's CUSIPs, issuers and classes came from: posted (your "
            "`securities`), instruments (the stored instruments and Official List) or file "
            "(the file master, before any list is imported)"
        ),
    ]
    entries: list[InfoTableOut]
    excluded: list[ExclusionOut]
    document: str
    conventions: dict[str, str]

    @classmethod
    def from_document(cls, d: Form13FDocument) -> Form13FOut:
        return cls.from_attributes(
            d,
            **attributes(d.table, "entry_total", "value_total"),
            deadline=DeadlineOut.from_domain(d.deadline),
            schema_valid=True,
            official_list_period=d.list_period,
            official_list_date=d.list_date,
            securities_source=d.securities_source,
            entries=[InfoTableOut.from_domain(e) for e in d.table.entries],
            excluded=[ExclusionOut(symbol=s, reason=r) for s, r in d.excluded],
            document=d.document.decode("utf-8"),
            conventions=FORM13F_CONVENTIONS,
        )


class ViolationOut(Output):
    path: str
    reason: str


class ValidationOut(Output):
    valid: bool
    schema_version: str
    violations: list[ViolationOut]

    @classmethod
    def from_report(cls, r: ValidationReport) -> ValidationOut:
        return cls(
            valid=r.valid, schema_version=r.schema_version,
            violations=[ViolationOut(path=v.path, reason=v.reason) for v in r.violations],
        )  # fmt: skip


class MonthEndValueIn(Input):
    date: dt.date
    value_usd: Annotated[SignedMoney, doc("13(f) securities' fair market value, USD")]


class ThresholdIn(Input):
    month_end_values: Annotated[list[MonthEndValueIn], msgspec.Meta(min_length=1, max_length=120)]

    def to_mapping(self) -> dict[dt.date, Decimal]:
        found: dict[dt.date, Decimal] = {}
        for index, row in enumerate(self.month_end_values):
            if row.date in found:
                raise InvalidFilingInput(
                    f"month_end_values[{index}]: {row.date.isoformat()} is given twice",
                    field=f"month_end_values[{index}].date",
                )
            found[row.date] = Decimal(row.value_usd)
        return found


class ThresholdOut(Output):
    threshold_usd: MoneyOut
    met: bool
    first_month_end: dt.date | None
    peak_value_usd: MoneyOut
    required_filings: list[DeadlineOut]
    rule: str

    @classmethod
    def from_report(cls, r: ThresholdReport) -> ThresholdOut:
        c = r.check
        return cls(
            threshold_usd=c.threshold_usd, met=c.met, first_month_end=c.first_month_end,
            peak_value_usd=c.peak_value,
            required_filings=[DeadlineOut.from_domain(d) for d in r.deadlines],
            rule="rule 13f-1(a): $100,000,000 or more of 13(f) securities on the last trading "
            "day of any month of a calendar year: file for that year's last quarter and the "
            "next year's first three",
        )  # fmt: skip


class CalendarOut(ItemsOut):
    start: dt.date
    end: dt.date
    filings: list[str]
    items: list[DeadlineOut]
    calendars: dict[str, str]

    @classmethod
    def from_view(cls, view: CalendarView) -> CalendarOut:
        return cls.of(
            view.deadlines, start=view.start, end=view.end,
            filings=[f.value for f in view.filings],
            calendars={
                "sec": "EDGAR business days: weekdays except U.S. federal holidays (5 U.S.C. "
                "6103, observed) and declared closures; rule 0-3 moves a deadline to the next",
                "irs": "26 U.S.C. 7503: weekdays except federal holidays and DC Emancipation "
                "Day (April 16, observed)",
            },
        )  # fmt: skip


class DeadlineIn(Input):
    """An event that sets off a Schedule 13D or 13G filing."""

    filing: Annotated[str, doc("SC 13D, SC 13D/A, SC 13G or SC 13G/A")]
    trigger: Annotated[
        str,
        doc(
            "crossed_5_percent, quarter_end_above_5_percent, month_end_above_10_percent, "
            "material_change or crossed_10_or_moved_5_percent"
        ),
    ]
    event_date: dt.date
    filer_type: Annotated[str | None, doc("For 13G: qii, passive or exempt")] = None


class RemindersIn(Input):
    filings: Annotated[
        list[str], msgspec.Meta(max_length=3, description="13F-HR, SC 13G/A, 1040-ES ([]: none)")
    ]
    lead_days: (
        Annotated[list[int], msgspec.Meta(max_length=5, description="Days ahead, each 0..60")]
        | None
    ) = None


class RemindersOut(Output):
    filings: list[str]
    lead_days: list[int]
    updated_at: dt.datetime
    event_type: str

    @classmethod
    def from_domain(cls, s: ReminderSettings) -> RemindersOut:
        return cls(
            filings=list(s.filings), lead_days=list(s.lead_days), updated_at=s.updated_at,
            event_type="filing.due",
        )  # fmt: skip
