"""Errors on console routes: an HTML message in the page's flash area, never problem+json.

The same mapping from exceptions to status and stable `code` as the API
(adapters/http/problems.py) decides the status; the console shows the message and the code.
An htmx request gets the fragment retargeted into `#flash` (a 4xx on a 200 with the real
status in `X-Bulwark-Status`: pages.refusal); a plain request a whole page with its status.
"""

from __future__ import annotations

from typing import Any

import structlog
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.response import Template

from adapters.http.console.pages import fragment, is_htmx, page
from adapters.http.problems import domain_status
from domain.errors import DomainError

_log = structlog.get_logger("bulwark.console")


def _render(
    request: Request[Any, Any, Any], status: int, code: str, message: str
) -> Template | Response[Any]:
    context = {"status": status, "code": code, "message": message}
    if is_htmx(request):
        return fragment(
            request,
            "partials/problem.html",
            status_code=status,
            code=code,
            context=context,
            headers={"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"},
        )
    return page(request, "problem.html", title="Error", status_code=status, context=context)


def on_domain_error(request: Request[Any, Any, Any], exc: DomainError) -> Any:
    return _render(request, domain_status(exc), exc.code, exc.message)


def on_http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Any:
    status = exc.status_code
    if status >= 500:
        return on_unexpected(request, exc)
    code = "HTTP_ERROR"
    if isinstance(exc, NotAuthorizedException):
        code = "UNAUTHENTICATED"
    elif isinstance(exc, PermissionDeniedException):
        code = "FORBIDDEN"
    elif isinstance(exc, ValidationException):
        code = "VALIDATION_ERROR"
    elif status == 404:
        code = "NOT_FOUND"
    return _render(request, status, code, str(exc.detail))


def on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Any:
    _log.error("console_error", path=request.scope["path"], error=type(exc).__name__, exc_info=exc)
    return _render(request, 500, "INTERNAL", "something went wrong on our side; it is logged")


CONSOLE_EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    DomainError: on_domain_error,
    HTTPException: on_http_error,
    Exception: on_unexpected,
}
