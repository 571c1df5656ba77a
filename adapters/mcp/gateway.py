"""A small typed client of Bulwark's own REST API, as one agent (its API key) calls it.

The MCP tools reach Bulwark only through this gateway: every input is validated, scoped to the
key's owner and decided exactly as a REST call is, and an RFC 9457 problem document comes back
as a `BulwarkError` carrying its stable `code`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import httpx
import msgspec

API = "/api/v1"
API_KEY_HEADER = "X-API-Key"
IDEMPOTENCY_HEADER = "Idempotency-Key"
# Tells the API an order came through the MCP server: kept as its origin's channel.
CHANNEL_HEADER = "X-Bulwark-Channel"
# Codes this module gives an answer that carried no problem document of Bulwark's.
UNREACHABLE = "BULWARK_UNREACHABLE"
UNEXPECTED_ANSWER = "UNEXPECTED_ANSWER"
UNAUTHENTICATED = "UNAUTHENTICATED"
# Codes of the MCP server's own refusals of a tool call, in the API's vocabulary where it has
# one: arguments that fail the tool's schema, a tool that does not exist, a tool that failed.
VALIDATION_ERROR = "VALIDATION_ERROR"
NOT_FOUND = "NOT_FOUND"
INTERNAL_ERROR = "INTERNAL_ERROR"
INVALID_CALL = "INVALID_TOOL_CALL"

Json = dict[str, Any]


class FieldProblem(msgspec.Struct, omit_defaults=True):
    """One invalid field of a request, as the API named it."""

    field: str
    message: str
    source: str = "body"


class Problem(msgspec.Struct, omit_defaults=True):
    """The parts of a problem+json document a tool reports (unknown members are ignored)."""

    status: int
    code: str
    title: str = ""
    detail: str | None = None
    errors: list[FieldProblem] | None = None
    reasons: list[str] | None = None
    order: Json | None = None
    retry_after: float | None = None


_PROBLEM = msgspec.json.Decoder(Problem)
_JSON = msgspec.json.Decoder(dict[str, Any])


class BulwarkError(Exception):
    """A request Bulwark refused (or could not be reached for), with its stable `code`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.detail or problem.title or problem.code)
        self.problem = problem

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def status(self) -> int:
        return self.problem.status

    @property
    def message(self) -> str:
        """What went wrong, as the API said it: the fields at fault first, else the detail."""
        errors = self.problem.errors or []
        if errors:
            return "; ".join(f"{e.field}: {e.message}" for e in errors)
        return self.problem.detail or self.problem.title or self.problem.code

    def as_json(self) -> Json:
        problem: Json = msgspec.to_builtins(self.problem)
        return problem


class Answer(msgspec.Struct, frozen=True):
    """A successful answer: its status, body and the headers a tool reads."""

    status: int
    body: Json
    replayed: bool = False


class BulwarkGateway:
    """Bulwark's REST API over one `httpx.AsyncClient` that already carries the credentials
    (the `X-API-Key` header) and the base URL. `on_unauthenticated` is called when Bulwark
    answers 401: the key was revoked or its agent removed, and the session should end."""

    def __init__(
        self, client: httpx.AsyncClient, on_unauthenticated: Callable[[], None] | None = None
    ) -> None:
        self._client = client
        self._on_unauthenticated = on_unauthenticated

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: Json | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """One call of the API under /api/v1; BulwarkError for any answer but a 2xx."""
        query = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = await self._client.request(
                method, f"{API}{path}", json=body, params=query, headers=headers
            )
        except httpx.HTTPError as exc:
            raise BulwarkError(
                Problem(503, UNREACHABLE, "Bulwark unreachable", f"cannot reach Bulwark: {exc}")
            ) from None
        if response.status_code >= 400:
            problem = _problem_of(response)
            if problem.status == 401 and self._on_unauthenticated is not None:
                self._on_unauthenticated()
            raise BulwarkError(problem)
        body_json = _JSON.decode(response.content) if response.content else {}
        replayed = response.headers.get("Idempotent-Replayed") == "true"
        return Answer(response.status_code, body_json, replayed)

    # The API's paths the tools use, each named once.

    async def scopes(self) -> frozenset[str] | None:
        """What the caller's key or token may do (None: a person's session, as its role)."""
        listed = (await self.request("GET", "/auth/scopes")).body.get("scopes")
        return None if listed is None else frozenset(str(s) for s in listed)

    async def whoami(self) -> Json:
        """The caller's agents (an agent's key: itself), with their accounts and liveness."""
        return (await self.request("GET", "/agents")).body

    async def place_order(self, terms: Json, idempotency_key: str) -> Answer:
        return await self.request(
            "POST",
            "/orders",
            body=terms,
            headers={IDEMPOTENCY_HEADER: idempotency_key, CHANNEL_HEADER: "mcp"},
        )

    async def analyze(self, terms: Json) -> Json:
        """The gate's decision on prospective terms, nothing stored or sent, with the room
        left under each size limit (POST /risk/analyze)."""
        return (await self.request("POST", "/risk/analyze", body=terms)).body

    @property
    def origin(self) -> str:
        """Where this Bulwark answers (scheme, host and port): its console's address."""
        return str(self._client.base_url).rstrip("/")

    async def order(self, order_id: str) -> Json:
        return (await self.request("GET", f"/orders/{_segment(order_id)}")).body

    async def cancel_order(self, order_id: str) -> Json:
        return (await self.request("DELETE", f"/orders/{_segment(order_id)}")).body

    async def orders(self, **filters: Any) -> Json:
        return (await self.request("GET", "/orders", params=filters)).body

    async def account(self, account_id: str) -> Json:
        return (await self.request("GET", f"/accounts/{_segment(account_id)}")).body

    async def positions(self, account_id: str) -> Json:
        return (await self.request("GET", f"/accounts/{_segment(account_id)}/positions")).body

    async def quote(self, symbol: str, max_age_s: float) -> Json:
        path = f"/market/quotes/{_segment(symbol)}"
        return (await self.request("GET", path, params={"max_age_s": max_age_s})).body

    async def trading_states(self) -> Json:
        return (await self.request("GET", "/kill-switch/status")).body

    async def halt(self, reason: str, account_id: str | None) -> Json:
        """The agent halts itself, or `account_id` (one of its accounts)."""
        body: Json = {"reason": reason}
        if account_id is not None:
            body["scope"] = {"kind": "account", "id": account_id}
        return (await self.request("POST", "/kill-switch/agent-halt", body=body)).body

    async def heartbeat(self, agent_id: str, status: str) -> Json:
        path = f"/agents/{_segment(agent_id)}/heartbeat"
        return (await self.request("POST", path, body={"status": status})).body


def _segment(value: str) -> str:
    """A path segment as sent: an id with '/' or '?' in it cannot reach another route."""
    return quote(value, safe="")


def _problem_of(response: httpx.Response) -> Problem:
    try:
        return _PROBLEM.decode(response.content)
    except (msgspec.DecodeError, msgspec.ValidationError):
        status = response.status_code
        code = UNAUTHENTICATED if status == 401 else UNEXPECTED_ANSWER
        text = response.text[:200].strip() or response.reason_phrase
        return Problem(status, code, "Unexpected answer", f"Bulwark answered {status}: {text}")
