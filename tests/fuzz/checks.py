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


@schemathesis.check
def client_error_is_a_problem(ctx: CheckContext, response: Response, case: Case) -> None:
    """A 4xx answer is RFC 9457 problem+json whose `code` and `status` say what went wrong."""
    if not 400 <= response.status_code < 500:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.startswith(PROBLEM_JSON):
        status = response.status_code
        raise AssertionError(f"a {status} answered as {content_type!r}, not problem+json")
    try:
        body = json.loads(response.content)
    except ValueError as error:
        raise AssertionError(f"a {response.status_code} problem is not JSON: {error}") from None
    if not isinstance(body, dict) or not isinstance(body.get("code"), str) or not body["code"]:
        raise AssertionError(f"a {response.status_code} problem has no `code`: {body!r}")
    if body.get("status") != response.status_code:
        raise AssertionError(f"problem status {body.get('status')!r} != {response.status_code}")


CHECKS: list[CheckFunction] = [
    not_a_server_error,
    client_error_is_a_problem,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
