"""Instruments: search and read by anyone signed in; create, edit and import by admins."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, patch, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter, RawBody

from adapters.http.declared_bodies import text_body_operation
from adapters.http.deps import CallerDep
from adapters.http.problems import (
    NOT_CONFIGURED,
    FieldError,
    Problem,
    problem_response,
    title_for,
)
from adapters.http.security import READERS_AND_AGENTS, require_roles
from adapters.http.trading import TradingDep, problems
from adapters.http.trading.instruments_schemas import (
    ImportReportOut,
    InstrumentIn,
    InstrumentOut,
    InstrumentPageOut,
    InstrumentPatchIn,
)
from application.trading.instrument_catalog import InstrumentQuery
from application.trading.instrument_csv import MAX_BYTES, MAX_ROWS, REQUIRED, InvalidImport
from domain.principals import Role
from domain.trading.instruments import AssetClass

_ADMIN = "Admins only (403 FORBIDDEN for anyone else)."
_CSV_EXAMPLE = (
    "symbol,name,asset_class,sector,lot_size,tick_size,marginable,shortable\n"
    "AAPL,Apple Inc,equity,Tech,1,0.01,true,true\n"
)


# The import's OpenAPI operation: its body is text/csv (read raw, not decoded as JSON).
CsvUpload = text_body_operation(
    "text/csv", MAX_BYTES, description="CSV text with a header line", example=_CSV_EXAMPLE
)


class InstrumentController(Controller):
    """`/api/v1/instruments`: the reference data the gate reads (unknown/inactive: denied)."""

    path = "/instruments"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @get(
        "/",
        summary="Search instruments, by symbol, with a cursor",
        description=(
            "`q` matches the start of the symbol or of the name (case-insensitive); filters "
            "asset_class and active; `identifier` finds the instruments with that CUSIP, ISIN or "
            "FIGI. Pass `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor or "
            "identifier."
        ),
        responses=problems(400, 422, 429),
    )
    async def list_instruments(
        self,
        trading: TradingDep,
        caller: CallerDep,
        q: Annotated[str | None, QueryParameter(max_length=64)] = None,
        asset_class: FromQuery[AssetClass | None] = None,
        active: FromQuery[bool | None] = None,
        cursor: Annotated[str | None, QueryParameter(max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
        identifier: Annotated[str | None, QueryParameter(max_length=16)] = None,
    ) -> InstrumentPageOut:
        query = InstrumentQuery(q, asset_class, active, cursor, limit, identifier)
        return InstrumentPageOut.from_page(await trading.instruments.search(query))

    @get(
        "/{symbol:str}",
        summary="One instrument",
        description="404 NOT_FOUND for a symbol without reference data.",
        responses=problems(404, 429),
    )
    async def get_instrument(
        self, symbol: FromPath[str], trading: TradingDep, caller: CallerDep
    ) -> InstrumentOut:
        return InstrumentOut.from_domain(await trading.instruments.get(symbol))

    @post(
        "/",
        summary="Create an instrument",
        description=(
            "409 INSTRUMENT_EXISTS when the symbol has reference data already. A bond "
            "(`asset_class` bond) carries its `bond` terms: face_value, coupon_rate, frequency, "
            "issue_date, maturity, day_count; it is priced clean per 100 of face and counted "
            "in hundreds of face (multiplier 1; lot size one bond, face_value / 100, unless "
            "given). 422 INVALID_BOND_TERMS naming the term (`bond.frequency`, "
            "`bond.maturity`, `bond.day_count` ...), a bond without terms (`bond`), terms on "
            f"another asset class (`asset_class`) or a bond's multiplier other than 1. "
            "Optional `cusip`, `isin`, `figi` are checked, check digit included (422 "
            f"INVALID_INSTRUMENT naming the field). {_ADMIN}"
        ),
        guards=[require_roles(Role.ADMIN)],
        status_code=201,
        responses={
            201: ResponseSpec(InstrumentOut, description="The instrument; Location names it"),
            **problems(400, 409, 422, 429, notes={422: "INVALID_BOND_TERMS naming the term"}),
        },
    )
    async def create_instrument(
        self, data: JSONBody[InstrumentIn], caller: CallerDep, trading: TradingDep
    ) -> Response[InstrumentOut]:
        made = await trading.instruments.create(caller.principal, data.to_domain())
        return Response(
            InstrumentOut.from_domain(made),
            status_code=201,
            headers={"Location": f"/api/v1/instruments/{made.symbol}"},
        )

    @patch(
        "/{symbol:str}",
        summary="Edit an instrument",
        description=(
            "Name, sector, lot and tick size, marginable, shortable, active, cusip, isin, figi "
            "(checked: 422 INVALID_INSTRUMENT naming the field); a field left out "
            "stays. An inactive instrument's orders are denied (INSTRUMENT_INACTIVE); a "
            "non-shortable one refuses a sell that opens a short (SHORT_NOT_ALLOWED); a "
            f"non-marginable one is bought with 100% of its value. {_ADMIN}"
        ),
        guards=[require_roles(Role.ADMIN)],
        responses=problems(400, 404, 422, 429),
    )
    async def update_instrument(
        self,
        symbol: FromPath[str],
        data: JSONBody[InstrumentPatchIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> InstrumentOut:
        changed = await trading.instruments.edit(caller.principal, symbol, data.to_edit())
        return InstrumentOut.from_domain(changed)

    @post(
        "/import",
        summary="Import instruments from CSV",
        description=(
            f"A text/csv body with a header naming {', '.join(REQUIRED)} (any order; `active`, "
            "`cusip`, `isin` and `figi` may be added, each identifier checked); at most "
            f"{MAX_ROWS} rows and {MAX_BYTES} bytes. Every row is "
            "checked first: any bad row answers 422 INVALID_IMPORT with each problem's line "
            "(`source`) and column (`field`), and nothing is imported. An existing symbol is "
            f"updated with the row's fields. {_ADMIN}"
        ),
        guards=[require_roles(Role.ADMIN)],
        status_code=200,
        operation_class=CsvUpload,
        responses={
            200: ResponseSpec(ImportReportOut, description="What was created and updated"),
            **problems(400, 413, 422, 429),
        },
    )
    async def import_instruments_csv(
        self,
        request: Request[Any, Any, Any],
        body: RawBody,
        caller: CallerDep,
        trading: TradingDep,
    ) -> Response[ImportReportOut] | Response[Problem]:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            return _bad_file(request, "the file is not UTF-8 text", [])
        try:
            report = await trading.instruments.import_csv(caller.principal, text)
        except InvalidImport as exc:
            errors = [FieldError(e.field, e.message, f"line {e.line}") for e in exc.errors]
            return _bad_file(request, exc.message, errors)
        return Response(ImportReportOut.from_domain(report))

    @post(
        "/import/alpaca",
        summary="Import the broker's active US equities (Alpaca GET /v2/assets)",
        description=(
            "With `account_id` (one of the admin's own accounts, else 404), that account's "
            "linked Alpaca keys are used; else the "
            "deployment's own (BULWARK_ALPACA_KEY_ID/SECRET_KEY). 409 ASSET_LIST_UNAVAILABLE "
            "when Alpaca refuses or cannot be reached; 409 CAPABILITY_NOT_CONFIGURED naming "
            f"BULWARK_BROKER where no Alpaca is configured. {_ADMIN}"
        ),
        guards=[require_roles(Role.ADMIN)],
        status_code=200,
        responses=problems(
            400, 404, 409, 429, notes={409: "ASSET_LIST_UNAVAILABLE or " + NOT_CONFIGURED}
        ),
    )
    async def import_alpaca_instruments(
        self,
        caller: CallerDep,
        trading: TradingDep,
        account_id: Annotated[str | None, QueryParameter(max_length=64)] = None,
    ) -> ImportReportOut:
        report = await trading.instruments.import_from_broker(caller.principal, account_id)
        return ImportReportOut.from_domain(report)


def _bad_file(
    request: Request[Any, Any, Any], detail: str, errors: list[FieldError]
) -> Response[Problem]:
    return problem_response(
        request,
        422,
        InvalidImport.code,
        title_for(InvalidImport.code),
        detail,
        errors=errors or None,
    )


CONTROLLERS = [InstrumentController]
