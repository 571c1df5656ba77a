"""/api/v1/planning/13f and /planning/filing-calendar: the 13F-HR information table (XML
validated against the project's XSD), document validation, the $100M threshold, and the
filing calendar with its reminders (docs/13f.md).
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import JSONBody, QueryParameter

from adapters.http.declared_bodies import text_body_operation
from adapters.http.deps import CallerDep, HttpConfigDep
from adapters.http.markets import MarketsDep, problems
from adapters.http.markets.compliance_schemas import (
    CalendarOut,
    DeadlineIn,
    DeadlineOut,
    Form13FIn,
    Form13FOut,
    RemindersIn,
    RemindersOut,
    ThresholdIn,
    ThresholdOut,
    ValidationOut,
)
from adapters.http.markets.markets import MarketsController
from adapters.http.problems import problem_response, problem_responses
from adapters.http.security import READERS, require_roles
from adapters.http.shared_calculations import calculation
from application.markets.form13f import MAX_DOCUMENT_BYTES

XML = "application/xml"
XML_TYPES = ("application/xml", "text/xml")


# The validation's OpenAPI operation: its body is the XML document itself.
XmlUpload = text_body_operation(
    XML,
    MAX_DOCUMENT_BYTES,
    description="An information-table document (UTF-8 XML), at most 16 MiB",
)


_TABLE = (
    "`holdings` you post (at most 20,000: issuer, class, CUSIP with a valid check digit, "
    "optional FIGI, USD value, shares or principal, put/call, investment discretion, other "
    "managers, voting authority) or `portfolio_id` (your own: long USD positions in Section "
    "13(f) securities, valued at `prices` at the period end or the reference prices; the rest "
    "in `excluded` with the reason). A portfolio's CUSIP, issuer and class come from "
    "`securities` when posted, else from the stored instruments joined through their CUSIP to "
    "the imported Official List of Section 13(f) Securities (`bulwark instruments "
    "import-13f-list`; an instrument without a CUSIP or off the list is excluded), else the "
    "file master; `securities_source` and `official_list_period` name them. Rows of one "
    "issuer, class and CUSIP combine per discretion; values in dollars, rounded after adding "
    "up. The XML is validated against the XSD written from the SEC's Form 13F XML Technical "
    "Specification. "
    "422 INVALID_FILING_INPUT or INVALID_CUSIP naming `holdings[i].<field>`, XSD_INVALID "
    "naming the path; 404 PORTFOLIO_NOT_FOUND; 503 DATA_SOURCE_UNAVAILABLE / COMPUTE_BUSY "
    "with Retry-After. Stores nothing."
)


async def _read(request: Request[Any, Any, Any], cap: int) -> bytes | None:
    """The whole body; None past `cap` bytes (past the route's limit: Litestar's 413)."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


class Form13FController(MarketsController):
    path = "/planning/13f"
    guards = (require_roles(*READERS),)
    request_max_body_size = MAX_DOCUMENT_BYTES + 65_536

    @calculation(
        "/information-table",
        summary="The 13F-HR information table of holdings or your portfolio, as JSON and XML",
        description=f"{_TABLE} The answer holds the rows, totals, the deadline and `document`.",
        responses=problems(404, 413, 429, 503),
    )
    async def build_13f_information_table(
        self, data: JSONBody[Form13FIn], caller: CallerDep, markets: MarketsDep
    ) -> Form13FOut:
        document = await markets.form13f.information_table(caller.principal, data.to_request())
        return Form13FOut.from_document(document)

    @calculation(
        "/information-table.xml",
        summary="The 13F-HR information table as the XML document to file",
        description=f"{_TABLE} The answer is the XML document (application/xml).",
        media_type=XML,
        responses=problems(404, 413, 429, 503),
    )
    async def build_13f_information_table_xml(
        self, data: JSONBody[Form13FIn], caller: CallerDep, markets: MarketsDep
    ) -> Response[bytes]:
        document = await markets.form13f.information_table(caller.principal, data.to_request())
        name = f"form13f-infotable-{document.period_end.isoformat()}.xml"
        return Response(
            document.document,
            media_type=XML,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @calculation(
        "/validate",
        summary="Validate an information-table XML document against the XSD",
        description=(
            "Post the document itself (application/xml, at most 16 MiB). Answers `valid` and "
            "up to 50 violations with the element path and the reason. A DTD or an entity "
            "declaration is refused (no expansion, no external fetch): 422 XML_MALFORMED, as "
            "for a document that is not well-formed; 415 for another content type. Stores "
            "nothing."
        ),
        operation_class=XmlUpload,
        responses={
            200: ResponseSpec(ValidationOut, description="Valid or not, with the violations"),
            **problems(413, 415, 429, 503),
        },
    )
    async def validate_13f_xml(
        self, request: Request[Any, Any, Any], markets: MarketsDep, http_config: HttpConfigDep
    ) -> Response[Any]:
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        xml = media in XML_TYPES
        # Only an XML body gets this route's larger cap; any other the API's ordinary one.
        cap = MAX_DOCUMENT_BYTES if xml else http_config.max_body_bytes
        body = await _read(request, cap)
        if body is None:
            return problem_response(
                request, 413, "BODY_TOO_LARGE", "Request Entity Too Large",
                f"the body is larger than {cap} bytes",
            )  # fmt: skip
        if not xml:
            return problem_response(
                request, 415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                f"send application/xml, not {media[:64]!r}",
            )  # fmt: skip
        report = ValidationOut.from_report(await markets.form13f.validate(body))
        return Response(report)

    @calculation(
        "/threshold",
        summary="Does the $100 million rule make you file Form 13F, and for which quarters",
        description=(
            "Month-end values of your 13(f) securities (USD, at most 120, each dated in a "
            "month's last four days: the last trading day). Met when any reaches "
            "$100,000,000: the filings for that year's fourth quarter and the next year's "
            "first three, with their deadlines. 422 INVALID_FILING_INPUT naming the field."
        ),
        responses=problems(429),
    )
    async def check_13f_threshold(
        self, data: JSONBody[ThresholdIn], markets: MarketsDep
    ) -> ThresholdOut:
        return ThresholdOut.from_report(markets.form13f.threshold(data.to_mapping()))


class FilingCalendarController(Controller):
    path = "/planning/filing-calendar"
    guards = (require_roles(*READERS),)

    @get(
        "",
        summary="Filing deadlines in a window: 13F-HR, Schedule 13G amendments, estimated tax",
        description=(
            "Deadlines due in [`start`, `end`] (defaults: today, UTC; a year later; at most "
            "three years) of `filings` (comma-separated: 13F-HR, SC 13G/A, 1040-ES; default "
            "all): the period, its end, the nominal date, the due date after weekends and "
            "holidays with the days skipped, the calendar (sec: EDGAR business days; irs: "
            "26 U.S.C. 7503 with DC Emancipation Day) and the rule. 422 INVALID_FILING_INPUT "
            "naming the parameter."
        ),
        responses=problems(414, 429),
    )
    async def list_filing_deadlines(
        self,
        markets: MarketsDep,
        start: Annotated[
            str | None,
            QueryParameter(format="date", max_length=32, examples=[Example(value="2025-01-01")]),
        ] = None,
        end: Annotated[
            str | None,
            QueryParameter(format="date", max_length=32, examples=[Example(value="2025-12-31")]),
        ] = None,
        filings: Annotated[
            str | None,
            QueryParameter(max_length=200, examples=[Example(value="13F-HR,1040-ES")]),
        ] = None,
    ) -> CalendarOut:
        return CalendarOut.from_view(markets.filing_calendar.calendar(start, end, filings))

    @calculation(
        "/deadline",
        summary="The deadline a Schedule 13D or 13G event sets off",
        description=(
            "13D (rules in force from 2024-02-05): 5 business days after crossing 5 %, an "
            "amendment 2 business days after a material change. 13G (from 2024-09-30) by "
            "filer type: qii / exempt 45 days after the quarter in which 5 % is exceeded at "
            "quarter end, a qii above 10 % at a month end 5 business days after it; passive 5 "
            "business days after crossing 5 %; amendments 45 days after the quarter of a "
            "material change, qii 5 business days after the month end of crossing 10 % or a "
            "5 % move, passive 2 business days after it. 422 INVALID_FILING_INPUT naming "
            "`filing`, `trigger`, `filer_type` or `event_date` (events before the rules)."
        ),
        responses=problems(429),
    )
    async def compute_filing_deadline(
        self, data: JSONBody[DeadlineIn], markets: MarketsDep
    ) -> DeadlineOut:
        found = markets.filing_calendar.deadline(
            data.filing, data.trigger, data.event_date, data.filer_type
        )
        return DeadlineOut.from_domain(found)

    @get(
        "/reminders",
        summary="Your filing reminders",
        description=(
            "The filings you are reminded of and how many days ahead (default 14, 3 and 1 "
            "days; none chosen until you PUT them). Reminders arrive as `filing.due` "
            "notifications through your notification channels. Your own only."
        ),
        responses=problem_responses(401, 403, 429),
    )
    async def get_filing_reminders(self, caller: CallerDep, markets: MarketsDep) -> RemindersOut:
        return RemindersOut.from_domain(await markets.filing_calendar.reminders(caller.principal))

    @put(
        "/reminders",
        summary="Choose the filings you are reminded of, and when",
        description=(
            "`filings`: any of 13F-HR, SC 13G/A, 1040-ES ([] stops the reminders); "
            "`lead_days`: 1 to 5 numbers of days ahead, each 0 to 60 (default 14, 3, 1). One "
            "`filing.due` notification per deadline, for the nearest lead reached (never "
            "twice). 422 INVALID_FILING_INPUT naming the field; a viewer's change is 403."
        ),
        responses=problems(429),
    )
    async def set_filing_reminders(
        self, data: JSONBody[RemindersIn], caller: CallerDep, markets: MarketsDep
    ) -> RemindersOut:
        settings = await markets.filing_calendar.put_reminders(
            caller.principal, data.filings, data.lead_days
        )
        return RemindersOut.from_domain(settings)


CONTROLLERS: list[Any] = [Form13FController, FilingCalendarController]
