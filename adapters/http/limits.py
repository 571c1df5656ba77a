"""Wire limits at the HTTP boundary: JSON bodies capped before decoding; URLs and headers vetted.

The vetting runs in the edge middleware (adapters/http/edge.py), outside Litestar, because
Litestar itself fails (500) on a query string that is not UTF-8.
"""

from __future__ import annotations

import asyncio
import re
from http import HTTPStatus
from typing import Any, ClassVar
from urllib.parse import unquote_to_bytes

import msgspec
from litestar import Request
from litestar.enums import ScopeType
from litestar.exceptions import ClientException, InternalServerException
from litestar.types import (
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Scope,
    Send,
    WebSocketCloseEvent,
)

from adapters.http.media import refuse_form_body
from adapters.http.problems import PROBLEM_JSON, Problem
from adapters.http.services import HttpConfig
from adapters.wire.json_limits import INVALID_ENCODING, JsonLimits

_CHECKED = "bulwark.json_limits_checked"
_DISCONNECTED = "client disconnected prematurely"
# Path plus query string, and all headers together: far above any real client, far below harm.
MAX_URL_BYTES = 8192
MAX_HEADER_BYTES = 32_768
# Larger bodies are scanned in a worker thread: an adversarial MiB costs tens of milliseconds.
OFF_LOOP_BYTES = 65_536
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")


class LimitedRequest(Request[Any, Any, Any]):
    """A Litestar request whose `body()` (behind `json()` and every `data` parameter) is capped.

    Every body this API reads is JSON, so the check does not look at the Content-Type: a client
    cannot slip a deep document past it by naming another type.
    """

    json_limits: ClassVar[JsonLimits] = JsonLimits()

    async def body(self) -> bytes:
        try:
            raw = await super().body()
        except InternalServerException as exc:
            # Litestar's word for a client gone mid-body: the client's doing, not a 500.
            if exc.detail != _DISCONNECTED:
                raise
            raise ClientException("the client disconnected before sending the whole body") from None
        state = self.scope.setdefault("state", {})
        if raw and not state.get(_CHECKED):
            if len(raw) > OFF_LOOP_BYTES:
                await asyncio.to_thread(self.json_limits.check, raw)
            else:
                self.json_limits.check(raw)
            state[_CHECKED] = True
        return raw

    async def json(self) -> Any:
        """The body as JSON (every `data` parameter but a console form's); a form-encoded body
        is refused with 415 before it is parsed."""
        refuse_form_body(self)
        return await super().json()


def json_limits(config: HttpConfig) -> JsonLimits:
    """The caps on every JSON body and WebSocket message, from the HTTP config."""
    return JsonLimits(
        max_bytes=config.max_body_bytes,
        max_depth=config.json_max_depth,
        max_string_bytes=config.json_max_string_bytes,
    )


def limited_request_class(limits: JsonLimits) -> type[LimitedRequest]:
    """A request class bound to these limits (one per app, so two apps keep their own)."""
    return type("BoundLimitedRequest", (LimitedRequest,), {"json_limits": limits})


def refuse_url(scope: Scope, max_url_bytes: int) -> tuple[int, str, str] | None:
    """(status, code, detail) when the request line or headers are unacceptable, else None."""
    raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    query: bytes = scope.get("query_string", b"")
    if len(raw_path) + len(query) > max_url_bytes:
        return 414, "URI_TOO_LONG", f"the URL is longer than {max_url_bytes} bytes"
    headers = scope.get("headers", [])
    if sum(len(name) + len(value) for name, value in headers) > MAX_HEADER_BYTES:
        return 431, "HEADERS_TOO_LARGE", f"the headers are larger than {MAX_HEADER_BYTES} bytes"
    for part, what in ((raw_path, "path"), (query, "query string")):
        problem = _text_problem(part, what, plus_is_space=part is query)
        if problem is not None:
            return 400, INVALID_ENCODING, problem
    if "\x00" in scope["path"]:
        return 400, INVALID_ENCODING, "the path contains a NUL byte"
    return None


def _text_problem(raw: bytes, what: str, *, plus_is_space: bool) -> str | None:
    if not raw:
        return None
    try:
        raw.decode("ascii")
    except UnicodeDecodeError:
        return f"the {what} has bytes that are not ASCII; percent-encode them"
    if plus_is_space:
        raw = raw.replace(b"+", b" ")
    if _BAD_PERCENT.search(raw):
        return f"the {what} has a '%' that is not followed by two hex digits"
    decoded = unquote_to_bytes(raw)
    if b"\x00" in decoded:
        return f"the {what} contains a NUL byte"
    try:
        decoded.decode("utf-8")
    except UnicodeDecodeError:
        return f"the {what} does not percent-decode to UTF-8"
    return None


async def refuse(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
    """Answers a request `refuse_url` turned away: problem+json, or a close for a WebSocket."""
    problem = Problem(
        type=f"https://bulwark.dev/problems/{code.lower().replace('_', '-')}",
        title=HTTPStatus(status).phrase,
        status=status,
        code=code,
        detail=detail,
    )
    if scope["type"] == ScopeType.WEBSOCKET:
        close: WebSocketCloseEvent = {"type": "websocket.close", "code": 4400, "reason": code}
        await send(close)
        return
    body = msgspec.json.encode(problem)
    start: HTTPResponseStartEvent = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    await send(start)
    end: HTTPResponseBodyEvent = {"type": "http.response.body", "body": body, "more_body": False}
    await send(end)
