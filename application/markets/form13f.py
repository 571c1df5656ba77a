"""Form 13F use cases (docs/13f.md): the information table of posted holdings or of one of the
caller's portfolios, as the specification's XML validated against the project's XSD; the
validation of a document a filer brings; the $100 million threshold and its filings.

From a portfolio (the caller's own: another user's is 404 PORTFOLIO_NOT_FOUND): each long
position in USD is looked up in the security master (SecuritiesMasterPort); one that is not
there, not on the Official List of Section 13(f) Securities, short, in another currency or
without a price is listed in `excluded` with the reason. Values are quantity x price, the
price being `prices[symbol]` when given (the period end's close, as the form asks) or else
the reference price now. The document is generated, then validated against the XSD off the
event loop (the compute budget); a violation is 422 XSD_INVALID naming the path.
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
from ports.core.clock import Clock
from ports.markets.sec13f import (
    InformationTableSchema,
    InvalidDocument,
    SchemaViolation,
    SecuritiesMasterPort,
    Security13F,
)

USD = "USD"
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
    """Either `holdings` or `portfolio_id` (with `prices` at the period end, `discretion`)."""

    period_end: date | None = None
    holdings: Sequence[Holding13F] | None = None
    portfolio_id: str | None = None
    prices: Mapping[str, Decimal] | None = None
    discretion: Discretion = Discretion.SOLE


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
        list_period = None
        if request.portfolio_id is not None:
            holdings, excluded = await self._portfolio_holdings(principal, request)
            list_period = await self.securities.list_period()
            field = "portfolio_id"
        else:
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
            period_end, table, document, self.schema.version, deadline, excluded, list_period,
            request.portfolio_id,
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
    ) -> tuple[list[Holding13F], tuple[tuple[str, str], ...]]:
        assert request.portfolio_id is not None
        view = await self.portfolios.holdings(principal, request.portfolio_id)
        prices = {k.upper(): v for k, v in (request.prices or {}).items()}
        for symbol, posted in prices.items():
            if not posted.is_finite() or posted <= 0:
                raise InvalidFilingInput(
                    f"prices.{symbol[:16]}: a price above zero", field=f"prices.{symbol[:16]}"
                )
        symbols = {p.symbol for a in view.accounts for p in a.positions}
        known = await self.securities.lookup(symbols)
        excluded: dict[str, str] = {}
        holdings = []
        for account in view.accounts:
            for p in account.positions:
                security = known.get(p.symbol.upper())
                price: Decimal | None = prices.get(p.symbol.upper(), p.price)
                why = _exclusion(security, p.currency, p.quantity, price)
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
        return holdings, tuple(sorted(excluded.items()))


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


def _last_quarter_end(today: date) -> date:
    first_of_quarter = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return first_of_quarter - timedelta(days=1)
