"""Checks of the fuzzing suite: Schemathesis' own plus 'every 4xx is problem+json with a code'.

A capability the fuzzed instance is not configured with (Plaid, drills, SMS, ...) answers
409 CAPABILITY_NOT_CONFIGURED, a 4xx documented on its routes, so no 5xx is excused."""

from __future__ import annotations

import json

import schemathesis
from schemathesis import Case, CheckContext, CheckFunction, Response
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

PROBLEM_JSON = "application/problem+json"


def problem_code(status: int, content_type: str, content: bytes) -> str | None:
    """The `code` of an answer that is a problem+json document with one and its own status."""
    if not content_type.startswith(PROBLEM_JSON):
        return None
    try:
        body = json.loads(content)
    except ValueError:
        return None
    if not isinstance(body, dict) or body.get("status") != status:
        return None
    code = body.get("code")
    return code if isinstance(code, str) and code else None


@schemathesis.check
def client_error_is_a_problem(ctx: CheckContext, response: Response, case: Case) -> None:
    """A 4xx answer is RFC 9457 problem+json whose `code` and `status` say what went wrong."""
    status = response.status_code
    if not 400 <= status < 500:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    if problem_code(status, content_type, response.content) is None:
        raise AssertionError(
            f"a {status} must be problem+json with a `code` and `status` {status}; "
            f"got {content_type!r}: {response.content[:300]!r}"
        )


CHECKS: list[CheckFunction] = [
    not_a_server_error,
    client_error_is_a_problem,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
