"""RFC 9457 problem+json for every error: one mapping from exceptions to status and stable code."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from http import HTTPStatus
from math import ceil
from typing import Any, Protocol

import msgspec
import structlog
from litestar import Request, Response
from litestar.enums import RequestEncodingType
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    PermissionDeniedException,
    SerializationException,
    ValidationException,
)
from litestar.openapi.datastructures import ResponseSpec
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from adapters.http.media import JSON, form_body_refused, form_media_type
from adapters.wire.json_limits import BODY_TOO_LARGE, JsonLimitError
from domain.aggregation.model import AggregatorUnavailable, InvalidWebhook
from domain.errors import (
    CapabilityNotConfigured,
    ComputeUnavailable,
    Conflict,
    DomainError,
    Forbidden,
    LoginLocked,
    NotFound,
    RateLimited,
    StoreUnavailable,
    Unauthenticated,
)
from domain.identity.permissions import InvalidPermissions
from domain.killswitch.switch import ActivationLocked, FourEyesRequired, WrongPasscode

PROBLEM_JSON = "application/problem+json"
# The request's path as it arrived, stamped by the edge before routing: routing a mounted app
# (`/mcp`) leaves only the remainder below the mount in scope["path"].
REQUEST_PATH = "bulwark.request_path"
WWW_AUTHENTICATE = 'Bearer realm="bulwark"'
_log = structlog.get_logger("bulwark.http")


class FieldError(msgspec.Struct, omit_defaults=True):
    """One invalid field: where it is and what is wrong with it."""

    field: str
    message: str
    source: str = "body"


class Problem(msgspec.Struct, omit_defaults=True):
    """An RFC 9457 problem document with Bulwark's stable `code`."""

    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None
    retry_after: float | None = None
    reasons: list[str] | None = None  # extension: reason codes of a denied order
    order: Any = None  # extension: the order a denial or rejection is about
    # extension of CAPABILITY_NOT_CONFIGURED (409): what is missing and the settings that add it
    capability: str | None = None
    settings: list[str] | None = None


# Domain errors whose meaning is a status other than 422 (a well-formed request the domain refuses).
_DOMAIN_STATUS: tuple[tuple[type[DomainError], int], ...] = (
    (InvalidWebhook, 400),
    (InvalidPermissions, 400),
    (Unauthenticated, 401),
    (WrongPasscode, 403),
    (Forbidden, 403),
    (FourEyesRequired, 403),
    (NotFound, 404),
    (Conflict, 409),
    (CapabilityNotConfigured, 409),
    (ActivationLocked, 423),
    (LoginLocked, 423),
    (RateLimited, 429),
    (StoreUnavailable, 503),
    (ComputeUnavailable, 503),
    (AggregatorUnavailable, 503),
)

_HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "BODY_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    503: "UNAVAILABLE",
}


# Titles that read better written out than derived from the code (title_for).
_TITLES = {
    "VALIDATION_ERROR": "Invalid request",
    "MALFORMED_JSON": "The body is not valid JSON",
    "UNSUPPORTED_MEDIA_TYPE": "Unsupported media type: send JSON",
    "INTERNAL_ERROR": "Internal server error",
    "UNAUTHENTICATED": "Authentication required",
    "FORBIDDEN": "Not allowed",
    "DOMAIN_ERROR": "Request refused",
    "HTTP_ERROR": "Request refused",
    "BAD_REQUEST": "Bad request",
    "COMPUTE_TIME_BUDGET": "Compute time budget exceeded",
    "FOUR_EYES_REQUIRED": "A second approver is required",
    "STEP_UP_REQUIRED": "Step-up authentication required",
    "MFA_REQUIRED": "A one-time code is required",
}
# Words of a code written in capitals in its title.
_ACRONYMS = frozenset(
    {
        "API",
        "CSV",
        "CUSIP",
        "ESG",
        "ID",
        "JSON",
        "KYC",
        "MFA",
        "OTP",
        "RPC",
        "URI",
        "URL",
        "XML",
        "XSD",
    }
)


def title_for(code: str) -> str:
    """A problem's `title`: a short phrase a person reads, the same for every occurrence of a
    code (RFC 9457), e.g. INVALID_QUANTITY -> "Invalid quantity"; never a class name."""
    if code in _TITLES:
        return _TITLES[code]
    words = [w if w in _ACRONYMS else w.lower() for w in code.split("_") if w]
    if not words:
        return "Request refused"
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def domain_status(error: DomainError) -> int:
    for cls, status in _DOMAIN_STATUS:
        if isinstance(error, cls):
            return status
    return 422


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    retry_after: float | None = None,
    reasons: list[str] | None = None,
    order: Any = None,
    capability: str | None = None,
    settings: list[str] | None = None,
) -> Response[Problem]:
    problem = Problem(
        type=f"https://bulwark.dev/problems/{code.lower().replace('_', '-')}",
        title=title,
        status=status,
        code=code,
        detail=detail,
        # The raw path, not request.url: building the URL parses the Host header, and a
        # malformed one (the very error being answered) would raise here.
        instance=_request_path(request.scope),
        errors=errors,
        retry_after=retry_after,
        reasons=reasons,
        order=order,
        capability=capability,
        settings=settings,
    )
    return Response(problem, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _request_path(scope: Any) -> str:
    """The request's path as it arrived (the edge's stamp), else the routed one."""
    path = scope.get(REQUEST_PATH)
    return path if isinstance(path, str) else str(scope["path"])


def bad_request(title: str) -> Callable[[Request[Any, Any, Any], DomainError], Response[Problem]]:
    """The handler of a refusal that is the client's request (a cursor not handed out, a bad
    filter), not a domain refusal: 400 with the error's code and message under `title`."""

    def on_bad_request(request: Request[Any, Any, Any], exc: DomainError) -> Response[Problem]:
        return problem_response(request, 400, exc.code, title, exc.message)

    return on_bad_request


def on_invalid_query_field(request: Request[Any, Any, Any], exc: DomainError) -> Response[Problem]:
    """A query the use case refused: 400 naming the query field at fault (`query` if none)."""
    error = FieldError(exc.field or "query", exc.message, "query")
    return problem_response(request, 400, exc.code, "Invalid request", exc.message, errors=[error])


def on_domain_error(request: Request[Any, Any, Any], exc: DomainError) -> Response[Problem]:
    status = domain_status(exc)
    headers: dict[str, str] = {}
    # Every refusal that passes with time (423 LOGIN_LOCKED, KILL_SWITCH_LOCKED, 429) says
    # when: the header in whole seconds rounded up, so a client never retries too early.
    retry_after = getattr(exc, "retry_after", None)
    if isinstance(retry_after, int | float):
        headers["Retry-After"] = str(max(1, ceil(retry_after)))
    else:
        retry_after = None
    if status == 401:
        headers["WWW-Authenticate"] = WWW_AUTHENTICATE
    title = title_for(exc.code)
    field = getattr(exc, "field", None)
    errors = None if field is None else [FieldError(field=field, message=exc.message)]
    missing = exc if isinstance(exc, CapabilityNotConfigured) else None
    return problem_response(
        request,
        status,
        exc.code,
        title,
        exc.message,
        headers=headers,
        retry_after=retry_after,
        errors=errors,
        capability=None if missing is None else missing.capability,
        settings=None if missing is None else missing.settings,
    )


class SourceUnavailable(Protocol):
    """A source (a data file, a rates or chain provider) that cannot answer for a while."""

    @property
    def code(self) -> str: ...

    @property
    def message(self) -> str: ...

    @property
    def retry_after(self) -> float: ...


def on_source_unavailable(
    request: Request[Any, Any, Any], exc: SourceUnavailable
) -> Response[Problem]:
    """503 with Retry-After (whole seconds, rounded up): the source, not the request, failed."""
    seconds = max(1, ceil(exc.retry_after))
    return problem_response(
        request,
        503,
        exc.code,
        title_for(exc.code),
        exc.message,
        headers={"Retry-After": str(seconds)},
        retry_after=seconds,
    )


def on_validation_error(
    request: Request[Any, Any, Any], exc: ValidationException
) -> Response[Problem]:
    items = [
        item
        for item in (exc.extra if isinstance(exc.extra, list) else [])
        if isinstance(item, dict)
    ]
    if any(_missing_body(item) for item in items) and _reads_json(request):
        return _no_body(request)
    errors = [
        FieldError(
            field=_field_name(item),
            message=_prose(_field_name(item), str(item.get("message", "invalid"))),
            source=_source(item.get("source", "body")),
        )
        for item in items
    ]
    detail = "; ".join(_sentence(e) for e in errors) or str(exc.detail)
    return problem_response(
        request,
        400,
        "VALIDATION_ERROR",
        title_for("VALIDATION_ERROR"),
        detail,
        errors=errors or None,
    )


def _missing_body(item: dict[str, Any]) -> bool:
    """Litestar's error for a `data` parameter that got nothing: an empty or absent body."""
    return item.get("key") == "data" and item.get("message") == "'data'"


def _data_field(request: Request[Any, Any, Any]) -> Any:
    handler = request.scope.get("route_handler")
    signature = getattr(handler, "parsed_fn_signature", None)
    return None if signature is None else signature.parameters.get("data")


def _reads_json(request: Request[Any, Any, Any]) -> bool:
    """Whether the route's `data` is a JSON body (not a console form's)."""
    field = _data_field(request)
    if field is None:
        return False
    media = getattr(field.kwarg_definition, "media_type", RequestEncodingType.JSON)
    return media not in (RequestEncodingType.URL_ENCODED, RequestEncodingType.MULTI_PART)


def _no_body(request: Request[Any, Any, Any]) -> Response[Problem]:
    """400 VALIDATION_ERROR for a JSON route given no body (415 for an empty form): a sentence
    naming what to send, with the body's required fields when they are known."""
    media = form_media_type(request)
    if media is not None:
        return on_http_error(request, form_body_refused(media))
    required = _required_fields(request)
    wanted = f"a JSON object with {_and(required)}" if required else "a JSON object"
    detail = f"the request has no body: send {wanted} (Content-Type: {JSON})"
    error = FieldError(field="body", message="a JSON body is required")
    return problem_response(
        request, 400, "VALIDATION_ERROR", title_for("VALIDATION_ERROR"), detail, errors=[error]
    )


def _required_fields(request: Request[Any, Any, Any]) -> list[str]:
    field = _data_field(request)
    kind = getattr(field, "annotation", None)
    if not (isinstance(kind, type) and issubclass(kind, msgspec.Struct)):
        return []
    return [f.encode_name for f in msgspec.structs.fields(kind) if f.required]


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


# msgspec's wording (as Litestar passes it on) and the sentence a client reads instead.
_MISSING = re.compile(r"^Object missing required field `([^`]*)`$")
_UNKNOWN = re.compile(r"^Object contains unknown field `([^`]*)`$")
_EXPECTED = re.compile(r"^Expected `([^`]*)`, got `([^`]*)`$")
_ENUM = re.compile(r"^Invalid enum value (.+)$")
_KINDS = {
    "str": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "object": "a JSON object",
    "array": "an array",
    "null": "null",
    "decimal": "a decimal number",
    "datetime": "a date and time",
    "date": "a date",
}


def _kind(name: str) -> str:
    return " or ".join(_KINDS.get(part.strip(), f"`{part.strip()}`") for part in name.split("|"))


def _prose(field: str, message: str) -> str:
    """A field error as a phrase: "side is required", not "Object missing required field"."""
    if match := _MISSING.match(message):
        return f"{match.group(1)} is required"
    if match := _UNKNOWN.match(message):
        return f"{match.group(1)} is not a field of this request"
    if match := _EXPECTED.match(message):
        what = "the body" if field == "body" else field
        return f"{what} must be {_kind(match.group(1))}, not {_kind(match.group(2))}"
    if match := _ENUM.match(message):
        return f"{field} cannot be {match.group(1)}: it is not one of the accepted values"
    return message


def _sentence(error: FieldError) -> str:
    """One error of the detail: its message, prefixed by the field when it does not name it."""
    if error.field == "body" or error.message.startswith(f"{error.field} "):
        return error.message
    return f"{error.field}: {error.message}"


def _source(source: Any) -> str:
    """Where the field came from: body, query, header, path, cookie (Litestar's enum or text)."""
    return str(getattr(source, "value", source))


def _field_name(item: dict[str, Any]) -> str:
    key = str(item.get("key", ""))
    message = str(item.get("message", ""))
    if key == "data" and "`$." not in message and "field `" not in message:
        return "body"  # the handler's `data` parameter: the whole body is at fault
    # msgspec names the offending path as "at `$.field`" or an unknown field as "field `x`".
    for marker in ("at `$.", "unknown field `", "required field `", "field `"):
        if marker in message:
            return message.split(marker, 1)[1].split("`", 1)[0] or key
    return key


def on_http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Problem]:
    status = exc.status_code
    code = _HTTP_CODES.get(status, "HTTP_ERROR")
    if isinstance(exc, NotAuthorizedException):
        code = "UNAUTHENTICATED"
    elif isinstance(exc, PermissionDeniedException):
        code = "FORBIDDEN"
    detail = str(exc.detail)
    if isinstance(exc.__cause__, SerializationException):
        media = form_media_type(request)
        if media is not None:  # a form whose bytes reached a JSON parser
            return on_http_error(request, form_body_refused(media))
        code, detail = "MALFORMED_JSON", _malformed(str(exc.detail))
    headers = dict(exc.headers or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", WWW_AUTHENTICATE)
    retry_after = None
    if status == 429:
        reset = headers.get("RateLimit-Reset")
        retry_after = float(reset) if reset and reset.isdigit() else 1.0
        headers.setdefault("Retry-After", str(max(1, round(retry_after))))
    if status >= 500:
        return on_unexpected(request, exc)
    return problem_response(
        request,
        status,
        code,
        title_for(code),
        detail,
        headers=headers,
        retry_after=retry_after,
    )


def _malformed(reason: str) -> str:
    """MALFORMED_JSON's detail: "... not valid JSON (invalid character at byte 0) ..."."""
    reason = reason.removeprefix("JSON is malformed: ")
    reason = re.sub(r" \(byte (\d+)\)", r" at byte \1", reason)
    reason = reason[:1].lower() + reason[1:]
    return f"the request body is not valid JSON ({reason}): send a JSON object"


def on_json_limit(request: Request[Any, Any, Any], exc: JsonLimitError) -> Response[Problem]:
    """A body refused before decoding: 413 over the size cap, 400 for depth, strings, encoding."""
    status = 413 if exc.code == BODY_TOO_LARGE else 400
    return problem_response(request, status, exc.code, title_for(exc.code), exc.detail)


def on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    _log.error(
        "unhandled_error", path=request.scope["path"], error_type=type(exc).__name__, exc_info=exc
    )
    return problem_response(
        request,
        HTTP_500_INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        title_for("INTERNAL_ERROR"),
        "An unexpected error happened; it has been logged.",
    )


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    DomainError: on_domain_error,
    ValidationException: on_validation_error,
    HTTPException: on_http_error,
    JsonLimitError: on_json_limit,
    Exception: on_unexpected,
}

# What every documented endpoint can answer, for the OpenAPI schema.
COMMON_RESPONSES = (400, 401, 403, 404, 422, 429)

_RESPONSE_NOTES: dict[int, str] = {
    400: (
        "VALIDATION_ERROR naming the invalid field, MALFORMED_JSON, INVALID_ENCODING, "
        "JSON_TOO_DEEP or STRING_TOO_LONG"
    ),
    401: "UNAUTHENTICATED: credentials missing, wrong, expired or revoked (WWW-Authenticate)",
    403: "FORBIDDEN: the caller's role may not do this",
    404: "NOT_FOUND: no such resource, or it belongs to someone else",
    409: "CONFLICT with the current state",
    413: "BODY_TOO_LARGE",
    415: (
        "UNSUPPORTED_MEDIA_TYPE: a body of a media type this operation does not read "
        "(a form where a JSON object is read)"
    ),
    422: "A well-formed request the domain refuses; `code` says why",
    423: "Locked for a while (LOGIN_LOCKED, KILL_SWITCH_LOCKED): see Retry-After",
    429: "RATE_LIMITED or LOGIN_THROTTLED: retry after the Retry-After header's seconds",
}


# The 409 of a route that needs a capability an instance may not be configured with.
NOT_CONFIGURED = (
    "CAPABILITY_NOT_CONFIGURED: this instance was not configured for it; `capability` and "
    "`settings` name what is missing and the settings the operator sets"
)


def problem_responses(
    *statuses: int, notes: Mapping[int, str] | None = None
) -> dict[int, ResponseSpec]:
    """OpenAPI `responses=` for a handler: each status documented as a problem+json document."""
    notes = notes or {}
    return {
        status: ResponseSpec(
            data_container=Problem,
            generate_examples=False,
            description=notes.get(status) or _RESPONSE_NOTES.get(status) or _title(status),
            media_type=PROBLEM_JSON,
        )
        for status in statuses or COMMON_RESPONSES
    }


class ContextProblems(Protocol):
    def __call__(
        self, *statuses: int, notes: Mapping[int, str] | None = None
    ) -> dict[int, ResponseSpec]: ...


def problems_with(*always: int, notes: Mapping[int, str] | None = None) -> ContextProblems:
    """A context's `problems(...)`: the problem statuses every route of the context documents
    (`always`: its callers' credentials, its guards, ...) beside a route's own, declared once
    per context (adapters/http/<context>/__init__.py); `notes` describe the context's own
    (a route's notes win)."""
    context_notes = dict(notes or {})

    def problems(*statuses: int, notes: Mapping[int, str] | None = None) -> dict[int, ResponseSpec]:
        merged = {**context_notes, **(notes or {})}
        return problem_responses(*sorted({*always, *statuses}), notes=merged)

    return problems
