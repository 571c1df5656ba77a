"""Form 13F use cases (docs/13f.md): the information table of posted holdings or of one of the
caller's portfolios, as the specification's XML validated against the project's XSD; the
validation of a document a filer brings; the $100 million threshold and its filings.

From a portfolio (the caller's own: another user's is 404 PORTFOLIO_NOT_FOUND) each long
position in USD needs its security's CUSIP, issuer name and class title, and whether it is on
the Official List of Section 13(f) Securities. They come from, in this order:
- `securities` posted with the request (a master the caller brings: an override);
- the stored instruments joined to the stored Official List through their CUSIP, once a list
  has been imported (`bulwark instruments import-13f-list`): an instrument without a CUSIP, or
  whose CUSIP is not on the list (or was DELETED from it) is excluded, naming the reason;
- else the file master (BULWARK_SEC13F_DIR, the shipped SAMPLE by default).
The answer names the source and the list's quarter and date. A position that is short, in
another currency or without a price is excluded too. Values are quantity x price, the price
being `prices[symbol]` when given (the period end's close, as the form asks) or else the
reference price now. The document is generated, then validated against the XSD off the event
loop (the compute budget); a violation is 422 XSD_INVALID naming the path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from application.core.compute_budget import ComputeBudget
from application.portfolio.portfolios import PortfolioService
from domain.analytics.compliance.filing_calendar import Deadline, InvalidFilingInput, form_13f
from domain.analytics.compliance.form13f import (
    FILING_THRESHOLD_USD,
    Discretion,
    Holding13F,
    InformationTable,
    ThresholdCheck,
    filing_threshold,
    information_table,
    information_table_xml,
)
from domain.errors import DomainError
from domain.principals import Principal
from domain.trading.instruments import AssetClass, Instrument
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.markets.official_13f_list import Official13FListStore
from ports.markets.sec13f import (
    InformationTableSchema,
    InvalidDocument,
    SchemaViolation,
    SecuritiesMasterPort,
    Security13F,
)

USD = "USD"
POSTED, INSTRUMENTS, FILE = "posted", "instruments", "file"
OFFICIAL_LIST = "the Official List of Section 13(f) Securities"
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_MONTH_ENDS = 120


class InformationTableInvalid(DomainError):
    """The document breaks the XSD (422 naming the first path; `violations` holds them)."""

    code = "XSD_INVALID"

    def __init__(self, violations: Sequence[SchemaViolation]) -> None:
        first = violations[0]
        super().__init__(f"{first.path}: {first.reason}", field=first.path)
        self.violations = tuple(violations)


class MalformedDocument(InvalidFilingInput):
    """Not well-formed or not safe XML (a DTD or entity declaration): 422 naming `document`."""

    code = "XML_MALFORMED"


@dataclass(frozen=True, slots=True)
class Form13FRequest:
    """Either `holdings` or `portfolio_id` (with `prices` at the period end, `discretion`, and
    optionally `securities`: a master that overrides the stored one)."""

    period_end: date | None = None
    holdings: Sequence[Holding13F] | None = None
    portfolio_id: str | None = None
    prices: Mapping[str, Decimal] | None = None
    discretion: Discretion = Discretion.SOLE
    securities: Sequence[Security13F] | None = None


@dataclass(frozen=True, slots=True)
class SecuritiesUsed:
    """Where a portfolio's securities came from (POSTED, INSTRUMENTS or FILE) and, for the
    last two, the Official List's quarter and (stored list) its Run Date."""

    source: str
    list_period: str | None = None
    list_date: date | None = None


@dataclass(frozen=True, slots=True)
class Form13FDocument:
    period_end: date
    table: InformationTable
    document: bytes
    schema_version: str
    deadline: Deadline
    excluded: tuple[tuple[str, str], ...]
    list_period: str | None  # the Official List's period (portfolio path)
    portfolio_id: str | None
    securities_source: str | None = None  # POSTED, INSTRUMENTS or FILE (portfolio path)
    list_date: date | None = None  # the stored list's Run Date

    @property
    def threshold_reached(self) -> bool:
        """The table's own total reaches $100M (the rule looks at every month end)."""
        return self.table.value_total >= FILING_THRESHOLD_USD


@dataclass(frozen=True, slots=True)
class ValidationReport:
    valid: bool
    violations: tuple[SchemaViolation, ...]
    schema_version: str


@dataclass(frozen=True, slots=True)
class ThresholdReport:
    check: ThresholdCheck
    deadlines: tuple[Deadline, ...]


@dataclass(eq=False)
class Form13FService:
    securities: SecuritiesMasterPort
    schema: InformationTableSchema
    portfolios: PortfolioService
    budget: ComputeBudget
    clock: Clock
    official_list: Official13FListStore | None = None
    uow_factory: UnitOfWorkFactory | None = None

    async def information_table(
        self, principal: Principal, request: Form13FRequest
    ) -> Form13FDocument:
        if (request.holdings is None) == (request.portfolio_id is None):
            raise InvalidFilingInput(
                "give holdings or portfolio_id (one of them)", field="holdings"
            )
        period_end = request.period_end or _last_quarter_end(self.clock.now().date())
        if (period_end + timedelta(days=1)).day != 1 or period_end.month % 3:
            raise InvalidFilingInput(
                "period_end: the last day of a calendar quarter", field="period_end"
            )
        deadline = form_13f(period_end.year, period_end.month // 3)
        excluded: tuple[tuple[str, str], ...] = ()
        used = SecuritiesUsed("")
        if request.portfolio_id is not None:
            holdings, excluded, used = await self._portfolio_holdings(principal, request)
            field = "portfolio_id"
        else:
            if request.securities is not None:
                raise InvalidFilingInput(
                    "securities: only with portfolio_id (holdings carry their own)",
                    field="securities",
                )
            holdings, field = list(request.holdings or ()), "holdings"
        if not holdings:
            raise InvalidFilingInput(
                "nothing to report: no long USD position in a Section 13(f) security"
                if request.portfolio_id
                else "there is no holding to report",
                field=field,
            )

        def work() -> tuple[InformationTable, bytes, list[SchemaViolation]]:
            table = information_table(holdings)
            document = information_table_xml(table)
            return table, document, self.schema.violations(document)

        try:
            table, document, violations = await self.budget.run("13f-information-table", work)
        except InvalidDocument as error:  # a character the domain let through and XML refuses
            raise MalformedDocument(
                f"the document is not XML: {error.reason}", field=field
            ) from None
        if violations:
            raise InformationTableInvalid(violations)
        return Form13FDocument(
            period_end, table, document, self.schema.version, deadline, excluded,
            used.list_period, request.portfolio_id, used.source or None, used.list_date,
        )  # fmt: skip

    async def validate(self, document: bytes) -> ValidationReport:
        if not document:
            raise MalformedDocument("the body is empty: post the XML document", field="document")
        if len(document) > MAX_DOCUMENT_BYTES:
            raise MalformedDocument(f"at most {MAX_DOCUMENT_BYTES} bytes", field="document")
        try:
            found = await self.budget.run("13f-validate", lambda: self.schema.violations(document))
        except InvalidDocument as error:
            raise MalformedDocument(
                f"not well-formed XML: {error.reason}", field="document"
            ) from None
        return ValidationReport(not found, tuple(found), self.schema.version)

    def threshold(self, month_end_values: Mapping[date, Decimal]) -> ThresholdReport:
        if len(month_end_values) > MAX_MONTH_ENDS:
            raise InvalidFilingInput(
                f"at most {MAX_MONTH_ENDS} month ends", field="month_end_values"
            )
        for day in month_end_values:
            if (day + timedelta(days=4)).month == day.month:
                raise InvalidFilingInput(
                    f"month_end_values: {day.isoformat()} is not in a month's last days "
                    "(the last trading day of a month)",
                    field="month_end_values",
                )
        check = filing_threshold(month_end_values)
        return ThresholdReport(check, tuple(form_13f(y, q) for y, q in check.required_quarters))

    async def _portfolio_holdings(
        self, principal: Principal, request: Form13FRequest
    ) -> tuple[list[Holding13F], tuple[tuple[str, str], ...], SecuritiesUsed]:
        assert request.portfolio_id is not None
        view = await self.portfolios.holdings(principal, request.portfolio_id)
        prices = {k.upper(): v for k, v in (request.prices or {}).items()}
        for symbol, posted in prices.items():
            if not posted.is_finite() or posted <= 0:
                raise InvalidFilingInput(
                    f"prices.{symbol[:16]}: a price above zero", field=f"prices.{symbol[:16]}"
                )
        symbols = {p.symbol for a in view.accounts for p in a.positions}
        known, reasons, used = await self._securities(symbols, request.securities)
        excluded: dict[str, str] = {}
        holdings = []
        for account in view.accounts:
            for p in account.positions:
                security = known.get(p.symbol.upper())
                price: Decimal | None = prices.get(p.symbol.upper(), p.price)
                why = _exclusion(security, p.currency, p.quantity, price)
                if security is None:
                    why = reasons.get(p.symbol.upper(), why)
                if why is not None:
                    excluded[p.symbol] = why
                    continue
                assert security is not None and price is not None
                holdings.append(
                    Holding13F(
                        name_of_issuer=security.name_of_issuer,
                        title_of_class=security.title_of_class,
                        cusip=security.cusip,
                        figi=security.figi,
                        market_value=p.quantity * price,
                        amount=p.quantity,
                        discretion=request.discretion,
                    )
                )
        return holdings, tuple(sorted(excluded.items())), used

    async def _securities(
        self, symbols: set[str], posted: Sequence[Security13F] | None
    ) -> tuple[dict[str, Security13F], dict[str, str], SecuritiesUsed]:
        """The securities of `symbols` by symbol, the reasons of those left out, and the
        source (module doc)."""
        wanted = {s.upper() for s in symbols}
        if posted is not None:
            given = {s.symbol.upper(): s for s in posted}
            return {s: given[s] for s in wanted if s in given}, {}, SecuritiesUsed(POSTED)
        current = None if self.official_list is None else await self.official_list.current()
        if current is None or self.official_list is None or self.uow_factory is None:
            from_file = await self.securities.lookup(wanted)
            return from_file, {}, SecuritiesUsed(FILE, await self.securities.list_period())
        async with self.uow_factory() as uow:
            instruments = [await uow.instruments.get(s) for s in sorted(wanted)]
        held = {i.symbol: i for i in instruments if i is not None}
        listed = await self.official_list.lookup({i.cusip for i in held.values() if i.cusip})
        known: dict[str, Security13F] = {}
        reasons: dict[str, str] = {}
        period = current.period
        for symbol in wanted:
            instrument = held.get(symbol)
            if instrument is None or instrument.cusip is None:
                known_one = instrument is not None
                reasons[symbol] = (
                    "the instrument has no CUSIP" if known_one else "no such instrument (no CUSIP)"
                )
                continue
            entry = listed.get(instrument.cusip)
            cusip = instrument.cusip
            if entry is None:
                reasons[symbol] = f"CUSIP {cusip} is not on {OFFICIAL_LIST} ({period})"
            elif not entry.on_list:
                reasons[symbol] = f"CUSIP {cusip} was deleted from {OFFICIAL_LIST} ({period})"
            elif entry.is_option or _is_option(instrument):
                reasons[symbol] = "an option: post it as holdings with putCall and the underlying"
            else:
                known[symbol] = Security13F(
                    symbol, cusip, entry.issuer_name, entry.title_of_class, instrument.figi
                )
        return known, reasons, SecuritiesUsed(INSTRUMENTS, period, current.list_date)


def _exclusion(
    security: Security13F | None, currency: str, quantity: Decimal, price: Decimal | None
) -> str | None:
    if security is None:
        return "not in the security master (no CUSIP)"
    if not security.listed_13f:
        return "not on the Official List of Section 13(f) Securities"
    if currency != USD:
        return f"held in {currency}: Form 13F values are U.S. dollars"
    if quantity <= 0:
        return "a short position: Form 13F reports long positions"
    if price is None:
        return "no price (give prices[symbol] at the period end)"
    return None


def _is_option(instrument: Instrument) -> bool:
    return instrument.asset_class is AssetClass.OPTION


def _last_quarter_end(today: date) -> date:
    first_of_quarter = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return first_of_quarter - timedelta(days=1)
