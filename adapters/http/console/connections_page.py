"""`/console/connections`: the signed-in owner's venue connections: list them with their
health, add one (checked at the venue), test, rotate the credentials, revoke; one
connection's page with its accounts and its last reconciliation.

The same use cases as /api/v1/connections (application/connections/service.py) and
/api/v1/connections/{id}/reconciliation, called with the signed-in principal: only the
caller's own connections are listed, and another owner's id answers the console's 404 page,
as an unknown one. Credentials go in and never come out: both are password inputs, a refused
form keeps what was typed except them, and the page shows the key id masked (`PK…7XQ`).
"""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import FormMultiDict
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.connections_view import (
    ENVIRONMENTS,
    FAMILY_HINTS,
    SUGGESTED_KINDS,
    health,
)
from adapters.http.console.pages import ACTING, ConsolePage, form_page, page, see_other
from adapters.http.contexts import bundle_of, bundle_or_not_found
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.connections.service import (
    ConnectionService,
    ConnectionView,
    CreateConnection,
    RotateCredentials,
)
from domain.errors import DomainError
from domain.reconciliation.report import AccountReport

CONNECTIONS = "/console/connections"
# What a refused form keeps as typed (never the key id nor the secret).
TYPED = ("label", "kind", "environment", "venue_account", "endpoint", "quote")


def _service(request: Request[Any, Any, Any]) -> ConnectionService:
    bundle = bundle_or_not_found(request, "connections", "venue connections are not served here")
    found: ConnectionService = bundle.service
    return found


def _optional(form: FormMultiDict, name: str) -> str | None:
    return str(form.get(name, "")).strip() or None


def create_command(request: Request[Any, Any, Any], form: FormMultiDict) -> CreateConnection:
    """The connection a posted form asks for (the service checks every field)."""
    return CreateConnection(
        caller_of(request).principal,
        label=str(form.get("label", "")).strip(),
        kind=str(form.get("kind", "")).strip(),
        environment=_optional(form, "environment"),
        key_id=_optional(form, "key_id"),
        secret=_optional(form, "secret"),
        venue_account=_optional(form, "venue_account"),
        endpoint=_optional(form, "endpoint"),
        quote=_optional(form, "quote"),
        verify_tls=form.get("verify_tls") == "on",
        halt_on_drift=form.get("halt_on_drift") == "on",
    )


def _unless_shown_beside_the_form(refused: DomainError) -> None:
    """A 422 is shown beside the form; anything else (a 404, a 409) is raised: the error
    page, or the flash area under htmx."""
    if domain_status(refused) != 422:
        raise refused


class ConnectionsPageController(ConsolePage):
    """`/console/connections` and `/console/connections/{id}`"""

    path = "/connections"

    @get("/")
    async def connections(self, request: Request[Any, Any, Any]) -> Template:
        return await _connections_page(request)

    @post("/", guards=[ACTING], status_code=303)
    async def add(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        form = await request.form()
        typed: dict[str, Any] = {k: str(form.get(k, "")) for k in TYPED}
        typed |= {"verify_tls": form.get("verify_tls") == "on"}
        typed |= {"halt_on_drift": form.get("halt_on_drift") == "on"}
        try:
            await _service(request).create(create_command(request, form))
        except DomainError as refused:
            _unless_shown_beside_the_form(refused)
            error = f"{refused.message} ({refused.code})"
            return await _connections_page(request, error=error, typed=typed, code=refused.code)
        return see_other(request, CONNECTIONS)

    @get("/{connection_id:str}")
    async def connection(
        self, request: Request[Any, Any, Any], connection_id: FromPath[str]
    ) -> Template:
        principal = caller_of(request).principal
        view = await _service(request).show(principal, connection_id)  # 404 unless the caller's
        accounts = await trading_of(request).accounts.list_accounts(principal)
        reconciliation = bundle_of(request, "reconciliation")
        reports: list[AccountReport] | None = None
        if reconciliation is not None:
            reports = await reconciliation.service.reports(principal, connection_id)
        return page(
            request,
            "connection.html",
            title=f"Connection {view.connection.label}",
            context={
                "c": view,
                "health": health(view),
                "accounts": [a for a in accounts if a.broker == connection_id],
                "reports": reports,
            },
        )

    @post("/{connection_id:str}/test", guards=[ACTING], status_code=200)
    async def test(self, request: Request[Any, Any, Any], connection_id: FromPath[str]) -> Template:
        view = await _service(request).test(caller_of(request).principal, connection_id)
        return await _connections_page(request, tested=view)

    @post("/{connection_id:str}/rotate", guards=[ACTING], status_code=303)
    async def rotate(
        self, request: Request[Any, Any, Any], connection_id: FromPath[str]
    ) -> Redirect | Template:
        form = await request.form()
        command = RotateCredentials(
            caller_of(request).principal,
            connection_id,
            str(form.get("secret", "")).strip(),
            _optional(form, "key_id"),
        )
        try:
            await _service(request).rotate(command)
        except DomainError as refused:
            _unless_shown_beside_the_form(refused)
            errors = {connection_id: f"{refused.message} ({refused.code})"}
            return await _connections_page(request, rotate_errors=errors, code=refused.code)
        return see_other(request, CONNECTIONS)

    @post("/{connection_id:str}/revoke", guards=[ACTING], status_code=303)
    async def revoke(
        self, request: Request[Any, Any, Any], connection_id: FromPath[str]
    ) -> Redirect:
        await _service(request).revoke(caller_of(request).principal, connection_id)
        return see_other(request, CONNECTIONS)


async def _connections_page(
    request: Request[Any, Any, Any],
    *,
    error: str | None = None,
    typed: dict[str, Any] | None = None,
    rotate_errors: dict[str, str] | None = None,
    tested: ConnectionView | None = None,
    code: str | None = None,
) -> Template:
    views = await _service(request).list(caller_of(request).principal)
    return form_page(
        request,
        "connections.html",
        title="Venue connections",
        status_code=422 if code else 200,
        code=code or "",
        context={
            "connections": [(v, health(v)) for v in views],
            "kinds": SUGGESTED_KINDS,
            "families": FAMILY_HINTS,
            "environments": ENVIRONMENTS,
            "error": error,
            "typed": typed or {"verify_tls": True},
            "rotate_errors": rotate_errors or {},
            "tested": tested,
        },
    )
