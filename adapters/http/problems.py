"""RFC 9457 problem+json for every error: one mapping from exceptions to status and stable code."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from math import ceil
from typing import Any, Protocol

import msgspec
import structlog
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    PermissionDeniedException,
    SerializationException,
    ValidationException,
)
from litestar.openapi.datastructures import ResponseSpec
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from adapters.wire.json_limits import BODY_TOO_LARGE, JsonLimitError
from domain.aggregation.model import AggregatorUnavailable, InvalidWebhook
from domain.errors import (
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
from domain.killswitch.switch import ActivationLocked, FourEyesRequired, WrongPasscode

PROBLEM_JSON = "application/problem+json"
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


# Domain errors whose meaning is a status other than 422 (a well-formed request the domain refuses).
_DOMAIN_STATUS: tuple[tuple[type[DomainError], int], ...] = (
    (InvalidWebhook, 400),
    (Unauthenticated, 401),
    (WrongPasscode, 403),
    (Forbidden, 403),
    (FourEyesRequired, 403),
    (NotFound, 404),
    (Conflict, 409),
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
) -> Response[Problem]:
    problem = Problem(
        type=f"https://bulwark.dev/problems/{code.lower().replace('_', '-')}",
        title=title,
        status=status,
        code=code,
        detail=detail,
        # The raw path, not request.url: building the URL parses the Host header, and a
        # malformed one (the very error being answered) would raise here.
        instance=request.scope["path"],
        errors=errors,
        retry_after=retry_after,
        reasons=reasons,
        order=order,
    )
    return Response(problem, status_code=status, media_type=PROBLEM_JSON, headers=headers)


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
    title = type(exc).__name__
    field = getattr(exc, "field", None)
    errors = None if field is None else [FieldError(field=field, message=exc.message)]
    return problem_response(
        request,
        status,
        exc.code,
        title,
        exc.message,
        headers=headers,
        retry_after=retry_after,
        errors=errors,
    )


def on_validation_error(
    request: Request[Any, Any, Any], exc: ValidationException
) -> Response[Problem]:
    errors = [
        FieldError(
            field=_field_name(item),
            message=str(item.get("message", "invalid")),
            source=_source(item.get("source", "body")),
        )
        for item in (exc.extra if isinstance(exc.extra, list) else [])
        if isinstance(item, dict)
    ]
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors) or str(exc.detail)
    return problem_response(
        request, 400, "VALIDATION_ERROR", "Invalid request", detail, errors=errors or None
    )


def _source(source: Any) -> str:
    """Where the field came from: body, query, header, path, cookie (Litestar's enum or text)."""
    return str(getattr(source, "value", source))


def _field_name(item: dict[str, Any]) -> str:
    key = str(item.get("key", ""))
    message = str(item.get("message", ""))
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
        code, detail = "MALFORMED_JSON", f"the request body is not valid JSON: {exc.detail}"
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
        _title(status),
        detail,
        headers=headers,
        retry_after=retry_after,
    )


def on_json_limit(request: Request[Any, Any, Any], exc: JsonLimitError) -> Response[Problem]:
    """A body refused before decoding: 413 over the size cap, 400 for depth, strings, encoding."""
    status = 413 if exc.code == BODY_TOO_LARGE else 400
    return problem_response(request, status, exc.code, _title(status), exc.detail)


def on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    _log.error(
        "unhandled_error", path=request.scope["path"], error_type=type(exc).__name__, exc_info=exc
    )
    return problem_response(
        request,
        HTTP_500_INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "Internal server error",
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
    422: "A well-formed request the domain refuses; `code` says why",
    423: "Locked for a while (LOGIN_LOCKED, KILL_SWITCH_LOCKED): see Retry-After",
    429: "RATE_LIMITED or LOGIN_THROTTLED: retry after the Retry-After header's seconds",
}


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


def problems_with(*always: int) -> ContextProblems:
    """A context's `problems(...)`: the problem statuses every route of the context documents
    (`always`: its callers' credentials, its guards, ...) beside a route's own, declared once
    per context (adapters/http/<context>/__init__.py)."""

    def problems(*statuses: int, notes: Mapping[int, str] | None = None) -> dict[int, ResponseSpec]:
        return problem_responses(*sorted({*always, *statuses}), notes=notes)

    return problems
