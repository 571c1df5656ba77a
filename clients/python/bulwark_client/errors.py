"""Bulwark's problem+json answers (RFC 9457) as exceptions: one base class, one per status
family, and one for each code a program commonly branches on."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class FieldProblem:
    """One field a request got wrong (a problem's `errors`)."""

    field: str
    message: str


class BulwarkError(Exception):
    """An answer of 400 or more from Bulwark, with the problem document's fields."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str | None = None,
        errors: tuple[FieldProblem, ...] = (),
        problem: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail or title}")
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
        self.problem: dict[str, Any] = problem or {}

    @property
    def retry_after(self) -> float | None:
        """Seconds to wait before retrying (RATE_LIMITED, IDEMPOTENCY_IN_PROGRESS), if given."""
        value = self.problem.get("retry_after")
        return float(value) if isinstance(value, int | float) else None


class BadRequest(BulwarkError):
    """400: the request is malformed (VALIDATION_ERROR names the field in `errors`)."""


class ValidationFailed(BadRequest):
    """400 VALIDATION_ERROR."""


class Unauthenticated(BulwarkError):
    """401: credentials missing, wrong, expired or revoked."""


class Forbidden(BulwarkError):
    """403: the caller's role may not do this."""


class NotFound(BulwarkError):
    """404: no such resource, or it belongs to someone else."""


class Conflict(BulwarkError):
    """409: the resource's state forbids it."""


class IdempotencyInProgress(Conflict):
    """409 IDEMPOTENCY_IN_PROGRESS: the first request with this key is still running."""


class CapabilityNotConfigured(Conflict):
    """409 CAPABILITY_NOT_CONFIGURED: the operator has not set what this route needs."""


class Unprocessable(BulwarkError):
    """422: understood but refused (ORDER_REJECTED, INVALID_QUANTITY, INVALID_PRICE, ...)."""


class OrderDenied(Unprocessable):
    """422 ORDER_DENIED: the pre-trade gate denied the order (recorded), `reasons` say why."""

    @property
    def reasons(self) -> list[str]:
        return [str(reason) for reason in self.problem.get("reasons") or []]


class RateLimited(BulwarkError):
    """429: too many requests; see `retry_after`."""


class ServerError(BulwarkError):
    """5xx: Bulwark or a service behind it failed."""


_BY_CODE: dict[str, type[BulwarkError]] = {
    "VALIDATION_ERROR": ValidationFailed,
    "IDEMPOTENCY_IN_PROGRESS": IdempotencyInProgress,
    "CAPABILITY_NOT_CONFIGURED": CapabilityNotConfigured,
    "ORDER_DENIED": OrderDenied,
}
_BY_STATUS: dict[int, type[BulwarkError]] = {
    400: BadRequest,
    401: Unauthenticated,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: Unprocessable,
    429: RateLimited,
}


def error_for(status: int, content: bytes) -> BulwarkError:
    """The exception for an answer of `status` whose body is `content` (problem+json, or
    anything else a proxy in between may have sent)."""
    problem = _problem_of(content)
    code = str(problem.get("code") or f"HTTP_{status}")
    title = str(problem.get("title") or "Request failed")
    detail = problem.get("detail")
    if detail is None and not problem:
        detail = content.decode("utf-8", "replace")[:500] or None
    errors = tuple(
        FieldProblem(str(item.get("field", "")), str(item.get("message", "")))
        for item in problem.get("errors") or []
        if isinstance(item, dict)
    )
    kind = _BY_CODE.get(code) or _BY_STATUS.get(status)
    if kind is None:
        kind = ServerError if status >= 500 else BulwarkError
    return kind(status, code, title, str(detail) if detail is not None else None, errors, problem)


def raise_for(response: httpx.Response) -> None:
    """Raises the answer's problem as a BulwarkError when its status is 400 or more."""
    if response.status_code >= 400:
        raise error_for(response.status_code, response.content)


def _problem_of(content: bytes) -> dict[str, Any]:
    try:
        document = json.loads(content)
    except ValueError:
        return {}
    return document if isinstance(document, dict) else {}
