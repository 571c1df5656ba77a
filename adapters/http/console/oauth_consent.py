"""`/console/oauth/consent`: a person answers an assistant's request to act for them.

The page names the client, the agent it will act as, the person's accounts to tick and the
scopes asked (read, trade, halt; never approve), each of which the person may untick. Yes
makes (or keeps) the agent on the accounts ticked and sends the browser back to the client
with a code; no sends it back with access_denied. A person not signed in signs in first
(the session middleware sends them to the login and back here)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template
from mcp.server.auth.provider import construct_redirect_uri

from adapters.http.console.pages import ACTING, ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.oauth.service import Answer, scope_names

_UNSERVED = "this instance does not serve OAuth"
_SCOPE_TEXT = {
    "read": "read your accounts, orders, positions, quotes, limits and the kill switch's state",
    "trade": "place and cancel orders through the pre-trade gate",
    "halt": "pull the kill switch on itself or an account you grant it (never release it)",
}


def _back_to_client(answer: Answer) -> Response[Any]:
    return Redirect(construct_redirect_uri(answer.redirect_uri, **answer.params), status_code=303)


class OAuthConsentController(ConsolePage):
    """An assistant's request for access: shown, then approved or denied."""

    path = "/oauth"
    guards = (ACTING,)

    @get("/consent/{request_id:str}")
    async def consent_page(
        self, request: Request[Any, Any, Any], request_id: FromPath[str]
    ) -> Template:
        oauth = bundle_or_not_found(request, "oauth", _UNSERVED)
        view = await oauth.service.consent(caller_of(request).principal, request_id)
        scopes = scope_names(view.request.scopes)
        return page(
            request,
            "oauth_consent.html",
            title="Allow an assistant",
            context={
                "view": view,
                "scopes": [(name, _SCOPE_TEXT.get(name, name)) for name in scopes],
                "request_id": request_id,
            },
        )

    @post("/consent/{request_id:str}", status_code=303)
    async def answer(
        self, request: Request[Any, Any, Any], request_id: FromPath[str]
    ) -> Response[Any]:
        oauth = bundle_or_not_found(request, "oauth", _UNSERVED)
        form = await request.form()
        person = caller_of(request).principal
        if form.get("decision") != "approve":
            return _back_to_client(await oauth.service.deny(person, request_id))
        accounts = [str(a) for a in form.getall("account_ids", [])]
        scopes = [str(s) for s in form.getall("scopes", [])]
        answer = await oauth.service.approve(person, request_id, accounts, scopes)
        return _back_to_client(answer)
