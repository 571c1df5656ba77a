"""Portfolios: your portfolios, their accounts, transactions, CSV imports, holdings
and performance (docs/ledger.md). Another user's portfolio answers 404 on every route."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.exceptions import ClientException, InternalServerException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from adapters.http.declared_bodies import text_body_operation
from adapters.http.deps import CallerDep, HttpConfigDep
from adapters.http.paging import Cursor
from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.portfolios_schemas import (
    CsvInvalidProblem,
    HoldingsOut,
    LedgerRiskOut,
    LedgerTransactionIn,
    LedgerTransactionOut,
    LedgerTransactionPageOut,
    PortfolioAccountIn,
    PortfolioImportOut,
    PortfolioIn,
    PortfolioOut,
    PortfolioPageOut,
    PortfolioPerformanceOut,
)
from adapters.http.problems import PROBLEM_JSON, problem_response
from adapters.http.security import READERS, require_roles
from application.portfolio.portfolio_risk import (
    DEFAULT_BENCHMARK,
    DEFAULT_WINDOW_DAYS,
    DIVIDEND_RATE,
    LONG_TERM_RATE,
    MAX_WINDOW_DAYS,
    MIN_WINDOW_DAYS,
    SHORT_TERM_RATE,
    RiskRequest,
)
from application.portfolio.transaction_import import COLUMNS, MAX_BYTES, MAX_ROWS, CsvInvalid
from application.portfolio.valuations import MAX_DAYS, check_period

_ID = "{portfolio_id:str}"
_SCOPE = "Yours only: another user's portfolio answers 404 PORTFOLIO_NOT_FOUND."
_PAGE = "Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text)."
_CSV_EXAMPLE = (
    f"{','.join(COLUMNS)}\n"
    "2026-01-02,Brokerage,deposit,,,,10000.00,,USD,stmt-1,,,opening cash\n"
    "2026-01-05,Brokerage,buy,AAPL,10,150.25,,1.00,USD,stmt-2,,,\n"
)
_DISCONNECTED = "client disconnected prematurely"
_CSV_TYPES = ("text/csv", "text/plain", "application/csv")


# The import's OpenAPI operation: its body is text/csv (read raw, not decoded as JSON).
CsvUpload = text_body_operation(
    "text/csv",
    MAX_BYTES,
    description="A broker CSV in the documented format (docs/ledger.md), UTF-8",
    example=_CSV_EXAMPLE,
)


class PortfolioController(Controller):
    """`/api/v1/portfolios`: the ledger (docs/ledger.md)."""

    path = "/portfolios"
    guards = (require_roles(*READERS),)  # a viewer's changes: 403 (read_only.py)

    @post(
        "/",
        summary="Create a portfolio",
        description="422 INVALID_PORTFOLIO names `name` or `base_currency` (ISO 4217).",
        status_code=201,
        responses={
            201: ResponseSpec(PortfolioOut, description="The portfolio; Location names it"),
            **problems(400, 422, 429),
        },
    )
    async def create_portfolio(
        self, data: JSONBody[PortfolioIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> Response[PortfolioOut]:
        made = await portfolio.portfolios.create(caller.principal, data.name, data.base_currency)
        return Response(
            PortfolioOut.from_domain(made),
            status_code=201,
            headers={"Location": f"/api/v1/portfolios/{made.id}"},
        )

    @get(
        "/",
        summary="Your portfolios, a page at a time",
        description=f"In id order. {_PAGE}",
        responses=problems(400, 422, 429),
    )
    async def list_portfolios(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        cursor: Cursor = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> PortfolioPageOut:
        page = await portfolio.portfolios.list(caller.principal, cursor, limit)
        return PortfolioPageOut.from_page(page)

    @get(
        f"/{_ID}",
        summary="One portfolio with its accounts",
        description=_SCOPE,
        responses=problems(404, 429),
    )
    async def get_portfolio(
        self, portfolio_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> PortfolioOut:
        found = await portfolio.portfolios.get(caller.principal, portfolio_id)
        return PortfolioOut.from_domain(found)

    @post(
        f"/{_ID}/accounts",
        summary="Attach a trading account of yours, or make a manual holding account",
        description=(
            "kind=trading: your trading account (another's: 404); its fills book here. "
            "kind=manual: a new account named `name` (unique in the portfolio). 409 "
            f"ACCOUNT_ALREADY_HELD when the account is in a portfolio already. {_SCOPE}"
        ),
        status_code=201,
        responses={
            201: ResponseSpec(PortfolioOut, description="The portfolio with the account"),
            **problems(400, 404, 409, 422, 429),
        },
    )
    async def add_portfolio_account(
        self,
        portfolio_id: FromPath[str],
        data: JSONBody[PortfolioAccountIn],
        caller: CallerDep,
        portfolio: PortfolioDep,
    ) -> Response[PortfolioOut]:
        changed = await portfolio.portfolios.add_account(
            caller.principal, portfolio_id, data.to_new()
        )
        return Response(PortfolioOut.from_domain(changed), status_code=201)

    @post(
        f"/{_ID}/transactions",
        summary="Book a transaction",
        description=(
            "Validated, then checked against the ledger by the tax engine before anything is "
            "written: 422 INVALID_TRANSACTION names the field (`quantity` for a sale or "
            "transfer out larger than the position, `lot_picks` for an unknown lot, "
            "`currency`, `trade_date` after today, `account_id` not in the portfolio, ...). "
            f"409 DUPLICATE_TRANSACTION for an `external_id` booked already. {_SCOPE}"
        ),
        status_code=201,
        responses={
            201: ResponseSpec(LedgerTransactionOut, description="The booked transaction"),
            **problems(400, 404, 409, 422, 429),
        },
    )
    async def add_portfolio_transaction(
        self,
        portfolio_id: FromPath[str],
        data: JSONBody[LedgerTransactionIn],
        caller: CallerDep,
        portfolio: PortfolioDep,
    ) -> Response[LedgerTransactionOut]:
        booked = await portfolio.portfolios.add_transaction(
            caller.principal, portfolio_id, data.to_draft()
        )
        return Response(LedgerTransactionOut.from_domain(booked), status_code=201)

    @get(
        f"/{_ID}/transactions",
        summary="The portfolio's transactions, by trade date, a page at a time",
        description=f"(trade_date, id) order: the order the tax engine books them in. {_PAGE}",
        responses=problems(400, 404, 422, 429),
    )
    async def list_portfolio_transactions(
        self,
        portfolio_id: FromPath[str],
        caller: CallerDep,
        portfolio: PortfolioDep,
        cursor: Cursor = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> LedgerTransactionPageOut:
        page = await portfolio.portfolios.transactions(
            caller.principal, portfolio_id, cursor, limit
        )
        return LedgerTransactionPageOut.from_page(page)

    @post(
        f"/{_ID}/transactions/import",
        summary="Import a broker CSV: every row or none",
        description=(
            f"A text/csv body, header {','.join(COLUMNS)} (docs/ledger.md: any order; date, "
            f"account and type required), at most {MAX_ROWS} rows and {MAX_BYTES} bytes "
            "(413 past it). Every row is checked, then the ledger with the tax engine: any "
            "bad row answers 422 CSV_INVALID listing every error as {row, field, message} "
            "(row 1 = the header), and nothing is imported. A `reference` repeated in the file "
            f"or booked already is a row error. {_SCOPE}"
        ),
        status_code=200,
        operation_class=CsvUpload,
        request_max_body_size=MAX_BYTES,
        responses={
            200: ResponseSpec(PortfolioImportOut, description="What was booked"),
            422: ResponseSpec(
                CsvInvalidProblem,
                description="CSV_INVALID with every row error (or another 422 code)",
                media_type=PROBLEM_JSON,
                generate_examples=False,
            ),
            **problems(400, 404, 409, 413, 415, 429),
        },
    )
    async def import_portfolio_transactions(
        self,
        request: Request[Any, Any, Any],
        portfolio_id: FromPath[str],
        caller: CallerDep,
        portfolio: PortfolioDep,
        http_config: HttpConfigDep,
    ) -> Response[Any]:
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        csv = media in _CSV_TYPES
        # Only a CSV gets this route's larger cap; any other body the API's ordinary one.
        cap = MAX_BYTES if csv else http_config.max_body_bytes
        raw = await _body(request, cap)
        if raw is None:
            return problem_response(
                request, 413, "BODY_TOO_LARGE", "Request Entity Too Large",
                f"the body is larger than {cap} bytes",
            )  # fmt: skip
        if not csv:
            return problem_response(
                request, 415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                f"send text/csv, not {media[:64]!r}",
            )  # fmt: skip
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _csv_problem(request, CsvInvalid("the file is not UTF-8 text", []))
        try:
            report = await portfolio.portfolios.import_csv(caller.principal, portfolio_id, text)
        except CsvInvalid as exc:
            return _csv_problem(request, exc)
        return Response(PortfolioImportOut.from_report(report))

    @get(
        f"/{_ID}/holdings",
        summary="Positions with their open tax lots, and cash, at reference prices",
        description=(
            "Per account: each symbol's quantity, adjusted basis and open lots (relieved under "
            "the account's lot method, named), cash per currency; totals in the base currency. "
            f"{_SCOPE}"
        ),
        responses=problems(404, 429),
    )
    async def get_portfolio_holdings(
        self, portfolio_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> HoldingsOut:
        view = await portfolio.portfolios.holdings(caller.principal, portfolio_id)
        return HoldingsOut.from_view(view)

    @get(
        f"/{_ID}/performance",
        summary="Daily valuation series, TWR, MWR and Modified Dietz",
        description=(
            "Recomputed from the transactions and daily closes, and stored. `end` defaults to "
            "today (UTC), `start` to 364 days before `end`; at most "
            f"{MAX_DAYS} days. 422 INVALID_PERIOD names `start` or `end`. Conventions are "
            f"in the answer (day count ACT/365). {_SCOPE}"
        ),
        responses=problems(400, 404, 422, 429),
    )
    async def get_portfolio_performance(
        self,
        portfolio_id: FromPath[str],
        caller: CallerDep,
        portfolio: PortfolioDep,
        start: FromQuery[date | None] = None,
        end: FromQuery[date | None] = None,
    ) -> PortfolioPerformanceOut:
        found = await portfolio.portfolios.get(caller.principal, portfolio_id)
        today = portfolio.clock.now().date()
        last = end or today
        first = start or last - timedelta(days=364)
        check_period(first, last, today)
        perf = await portfolio.valuations.performance(found, first, last)
        return PortfolioPerformanceOut.from_domain(perf)

    @get(
        f"/{_ID}/risk",
        summary="Volatility, Sharpe, max drawdown, beta and tax drag of the current holdings",
        description=(
            "A current-holdings backcast (today's quantities at the bar store's adjusted daily "
            "closes over the trailing `window_days`, "
            f"{MIN_WINDOW_DAYS}..{MAX_WINDOW_DAYS}, default {DEFAULT_WINDOW_DAYS}), beta "
            f"against `benchmark` (default {DEFAULT_BENCHMARK}), and the tax drag of what the "
            "window realised at the given rates; `held_correlation`: the held positions' "
            "correlation matrix, volatilities and diversification ratio over the window (null "
            "with `held_correlation_note` saying why). A held symbol without stored closes "
            "makes the figures null, `reasons` naming it. Cached per portfolio until its ledger "
            "changes (`computed_at`). 422 INVALID_RISK_REQUEST names the parameter. "
            f"Conventions are in the answer. {_SCOPE}"
        ),
        responses=problems(400, 404, 422, 429),
    )
    async def get_ledger_portfolio_risk(
        self,
        portfolio_id: FromPath[str],
        caller: CallerDep,
        portfolio: PortfolioDep,
        window_days: FromQuery[int] = DEFAULT_WINDOW_DAYS,
        benchmark: FromQuery[str] = DEFAULT_BENCHMARK,
        risk_free: FromQuery[float] = 0.0,
        short_term_rate: FromQuery[Decimal] = SHORT_TERM_RATE,
        long_term_rate: FromQuery[Decimal] = LONG_TERM_RATE,
        dividend_rate: FromQuery[Decimal] = DIVIDEND_RATE,
    ) -> LedgerRiskOut:
        request = RiskRequest(
            window_days, benchmark.upper(), risk_free, short_term_rate, long_term_rate,
            dividend_rate,
        )  # fmt: skip
        risk = await portfolio.risk.risk(caller.principal, portfolio_id, request)
        return LedgerRiskOut.from_domain(risk)


async def _body(request: Request[Any, Any, Any], cap: int) -> bytes | None:
    """The whole body; None past `cap` bytes (and past the route's limit: Litestar's 413)."""
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
    except InternalServerException as exc:
        if exc.detail != _DISCONNECTED:
            raise
        raise ClientException("the client disconnected before sending the whole body") from None
    return b"".join(chunks)


def _csv_problem(request: Request[Any, Any, Any], exc: CsvInvalid) -> Response[Any]:
    problem = CsvInvalidProblem.of(request.scope["path"], exc.message, exc.errors)
    return Response(problem, status_code=422, media_type=PROBLEM_JSON)


CONTROLLERS = [PortfolioController]
