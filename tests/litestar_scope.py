"""Litestar's test client gives the app the scope an ASGI server gives it.

Its transport sets `raw_path` to httpx's `URL.raw_path`, which is the path *and* the query
string; the ASGI spec (and uvicorn) give the path alone there, the query in `query_string`. The
edge's URL limit (adapters/http/limits.py) adds the two, so under the test client a 6 kB query
counted twice and answered 414 where a served app answers the handler's own 400. Installed for
the whole suite by tests/conftest.py.
"""

from __future__ import annotations

from typing import Any

from httpx import Request
from litestar.testing.transport import TestClientTransport

_parse_request = TestClientTransport.parse_request


def parse_request(self: TestClientTransport[Any], request: Request) -> dict[str, Any]:
    scope = _parse_request(self, request)
    scope["raw_path"] = scope["raw_path"].partition(b"?")[0]
    return scope


def install() -> None:
    TestClientTransport.parse_request = parse_request  # type: ignore[method-assign]
