"""`/console/agents`: the agents the caller may see, their heartbeats, and their API keys.

The table is a fragment that htmx re-renders every 5 s and on heartbeat events (desk.js turns
the WebSocket's heartbeat category into a `heartbeat` event on <body>). Keys go through
ApiKeyService as the API's /agents/{id}/keys routes do; a new key's text is rendered once,
in the response that issued it, and never again (only its digest is kept).

**Register an agent** goes through AgentService.register_agent as POST /api/v1/agents does (on
some of the caller's own accounts) and issues its first key at once, shown once the same way;
a refused field (a taken or malformed id, a threshold not positive) is shown beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from litestar import Controller, Request, get, post
from litestar.params import FromPath
from litestar.response import Template

from adapters.http.console.form_fields import FieldReader
from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import ACTING, form_page, fragment
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.identity.apikeys import ApiKeyView
from application.safety.agents import AgentStatus, RegisterAgent
from domain.agents.heartbeat import Liveness
from domain.errors import DomainError, NotFound
from domain.identity.apikeys import API_KEY_PREFIX
from domain.principals import Principal

AGENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")  # as the API's AgentId
DEFAULT_THRESHOLD_S = 60  # the form's heartbeat threshold unless changed
STALE_FRACTION = 0.5  # an alive agent silent for half its threshold is shown as stale


@dataclass(frozen=True, slots=True)
class AgentRow:
    status: AgentStatus
    state: str  # alive / stale / paused / pending
    keys: tuple[ApiKeyView, ...]


def state_of(status: AgentStatus) -> str:
    """`paused`: declared dead, its scope halted until a person resumes it; `stale`: overdue,
    or silent for more than half its threshold; `pending`: never heard from."""
    if status.declared_dead:
        return "paused"
    if status.liveness is Liveness.PENDING:
        return "pending"
    since = status.seconds_since_heartbeat
    if status.liveness is Liveness.DEAD or (
        since is not None and since > status.threshold_seconds * STALE_FRACTION
    ):
        return "stale"
    return "alive"


def masked(key: ApiKeyView) -> str:
    return f"{API_KEY_PREFIX}{key.key_id}_••••"


async def agent_rows(request: Request[Any, Any, Any], principal: Principal) -> list[AgentRow]:
    trading = trading_of(request)
    statuses = await trading.agents.status_all(principal)
    keys = await trading.api_keys.list(principal)
    return [
        AgentRow(s, state_of(s), tuple(k for k in keys if k.agent_id == s.agent_id))
        for s in statuses
    ]


class AgentsDeskController(Controller):
    """`/console/agents`"""

    path = "/agents"

    @get("/")
    async def agents(self, request: Request[Any, Any, Any]) -> Template:
        return await _agents_page(request)

    @post("/", guards=[ACTING], status_code=200)
    async def register(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        trading = trading_of(request)
        form = await request.form()
        fields = FieldReader(form)
        agent_id = fields.text("agent_id")
        if not AGENT_ID.fullmatch(agent_id):
            fields.errors["agent_id"] = (
                "agent_id: letters, digits, '.', '_' or '-' (128 at most), starting with a "
                "letter or digit"
            )
        threshold = fields.integer("heartbeat_threshold_seconds")
        if threshold is not None and not 0 < threshold <= 86_400:
            fields.errors["heartbeat_threshold_seconds"] = (
                "heartbeat_threshold_seconds: between 1 and 86400"
            )
        chosen = tuple(str(a) for a in form.getall("account_ids", []))
        if fields.errors or threshold is None:
            return await _agents_page(request, fields, chosen=chosen)
        name = fields.text("name")[:200]
        command = RegisterAgent(
            caller.principal, agent_id, name, chosen, timedelta(seconds=threshold)
        )
        try:
            await trading.agents.register_agent(command)
        except DomainError as refused:
            if isinstance(refused, NotFound):
                raise  # an account not the caller's: 404, as on the API
            fields.errors[refused.field or "agent_id"] = f"{refused.message} ({refused.code})"
            return await _agents_page(request, fields, code=refused.code, chosen=chosen)
        created = await trading.api_keys.create(caller.principal, agent_id, "first key")
        answer = await _agents_page(request, created=created)
        answer.headers["Cache-Control"] = "no-store"
        return answer

    @get("/table")
    async def table(self, request: Request[Any, Any, Any]) -> Template:
        rows = await agent_rows(request, caller_of(request).principal)
        return fragment(
            request, "partials/agents_table.html", context={"rows": rows, "masked": masked}
        )

    @post("/keys", guards=[ACTING], status_code=200)
    async def issue_key(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        trading = trading_of(request)
        form = await request.form()
        agent_id = str(form.get("agent_id", "")).strip()
        if not agent_id:
            raise InvalidForm("agent_id", "choose an agent")
        await trading.agents.status(caller.principal, agent_id)  # 404 for another's agent
        label = str(form.get("label", "")).strip()[:100]
        created = await trading.api_keys.create(caller.principal, agent_id, label)
        return fragment(
            request,
            "partials/agent_key_issued.html",
            context={"created": created, "label": label},
            headers={"HX-Trigger": "keys-changed", "Cache-Control": "no-store"},
        )

    @post("/{agent_id:str}/keys/{key_id:str}/revoke", guards=[ACTING], status_code=200)
    async def revoke_key(
        self, request: Request[Any, Any, Any], agent_id: FromPath[str], key_id: FromPath[str]
    ) -> Template:
        caller = caller_of(request)
        trading = trading_of(request)
        await trading.agents.status(caller.principal, agent_id)
        keys = await trading.api_keys.list(caller.principal)
        if not any(k.key_id == key_id and k.agent_id == agent_id for k in keys):
            raise NotFound(f"API key {key_id} not found")
        await trading.api_keys.revoke(caller.principal, key_id)
        rows = await agent_rows(request, caller.principal)
        return fragment(
            request, "partials/agents_table.html", context={"rows": rows, "masked": masked}
        )


async def _agents_page(
    request: Request[Any, Any, Any],
    fields: FieldReader | None = None,
    *,
    code: str | None = None,
    created: Any = None,
    chosen: tuple[str, ...] = (),
) -> Template:
    """The agents page; `fields`: a refused registration (typed values kept); `created`: the
    registered agent's first key, shown this once."""
    caller = caller_of(request)
    rows = await agent_rows(request, caller.principal)
    accounts = await trading_of(request).accounts.list_accounts(caller.principal)
    status, code = fields.outcome(code) if fields is not None else (200, None)
    return form_page(
        request,
        "agents.html",
        title="Agents",
        status_code=status,
        code=code or "",
        context={
            "rows": rows,
            "masked": masked,
            "accounts": [a for a in accounts if a.owner_id == caller.principal.id],
            "typed": fields.values if fields is not None else {},
            "chosen": set(chosen),
            "errors": fields.errors if fields is not None else {},
            "created": created,
            "label": "first key" if created is not None else "",
            "default_threshold": DEFAULT_THRESHOLD_S,
        },
    )
