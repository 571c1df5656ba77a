"""`/console/aggregation`: outside accounts linked through Plaid, read-only, with sync and
remove.

The same use cases as `/api/v1/aggregation` (application/aggregation: AggregationService.items
/ item / accounts / holdings / sync / remove / create_link_token) with the signed-in principal:
only the caller's own items (another user's item answers 404 like an unknown one).

Linking itself runs in Plaid Link, Plaid's JavaScript, which the console's CSP (scripts from
the console only) does not load: the page asks for a link token and shows it as text, with
the step that follows (open Link with it where Plaid's script may run, then post the public
token to `POST /api/v1/aggregation/items`). Sync, remove and the link token take an acting
role: a viewer sees no button and its POST answers 403.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of

AGGREGATION = "/console/aggregation"


def _service(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "aggregation", "outside accounts are not served by this instance"
    ).aggregation


async def _items_context(request: Request[Any, Any, Any], item_id: str | None = None) -> Any:
    """The caller's items (or the one `item_id`) with their accounts and holdings."""
    service = _service(request)
    principal = caller_of(request).principal
    if item_id is None:
        items = await service.items(principal)
    else:
        items = [await service.item(principal, item_id)]
    accounts = await service.accounts(principal, item_id)
    holdings = await service.holdings(principal, item_id)
    accounts_of: dict[str, list[Any]] = defaultdict(list)
    for account in accounts:
        accounts_of[account.item_id].append(account)
    holdings_of: dict[str, list[Any]] = defaultdict(list)
    for holding in holdings:
        holdings_of[holding.account_id].append(holding)
    return {"items": items, "accounts_of": accounts_of, "holdings_of": holdings_of}


class AggregationPageController(ConsolePage):
    """`/console/aggregation`, one item, and the item's sync and remove."""

    path = "/aggregation"

    @get("/")
    async def aggregation(self, request: Request[Any, Any, Any]) -> Template:
        context = await _items_context(request)
        return page(request, "aggregation.html", title="Outside accounts", context=context)

    @get("/items/{item_id:str}")
    async def item(self, request: Request[Any, Any, Any], item_id: FromPath[str]) -> Template:
        context = await _items_context(request, item_id)
        context["single"] = True
        return page(request, "aggregation.html", title="Outside account", context=context)

    @post("/link-token", guards=[ACTING], status_code=200)
    async def link_token(self, request: Request[Any, Any, Any]) -> Template:
        token = await _service(request).create_link_token(caller_of(request).principal)
        if is_htmx(request):
            return fragment(request, "partials/aggregation_link.html", context={"token": token})
        context = await _items_context(request)
        context["token"] = token
        return page(request, "aggregation.html", title="Outside accounts", context=context)

    @post("/items/{item_id:str}/sync", guards=[ACTING], status_code=200)
    async def sync(
        self, request: Request[Any, Any, Any], item_id: FromPath[str]
    ) -> Template | Redirect:
        result = await _service(request).sync(caller_of(request).principal, item_id)
        if not is_htmx(request):
            return Redirect(f"{AGGREGATION}/items/{item_id}", status_code=303)
        context = await _items_context(request, item_id)
        context.update(item=context["items"][0], synced=result)
        return fragment(request, "partials/aggregation_item.html", context=context)

    @post("/items/{item_id:str}/remove", guards=[ACTING], status_code=200)
    async def remove(
        self, request: Request[Any, Any, Any], item_id: FromPath[str]
    ) -> Template | Redirect:
        await _service(request).remove(caller_of(request).principal, item_id)
        if not is_htmx(request):
            return Redirect(AGGREGATION, status_code=303)
        return fragment(request, "partials/aggregation_removed.html", context={"removed": item_id})
