"""Checks of the fuzzing suite: Schemathesis' own plus 'every 4xx is problem+json with a code'."""

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


# 503s that state a capability this server was not configured with (documented on the route,
# answered before any input is read): the state the operator chose, not a crash.
UNCONFIGURED = frozenset({"AGGREGATOR_UNAVAILABLE"})


@schemathesis.check
def no_server_error_but_an_unconfigured_capability(
    ctx: CheckContext, response: Response, case: Case
) -> bool | None:
    """Schemathesis' server-error check, except a 503 naming a capability not configured."""
    content_type = (response.headers.get("content-type") or [""])[0]
    if (
        response.status_code == 503
        and problem_code(503, content_type, response.content) in UNCONFIGURED
    ):
        return None
    return not_a_server_error(ctx, response, case)


CHECKS: list[CheckFunction] = [
    no_server_error_but_an_unconfigured_capability,
    client_error_is_a_problem,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
