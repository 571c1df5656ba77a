"""`/console/events`: the live /ws/events stream as a list (filters, pause, connection state).

The page is a shell: static/events.js opens the WebSocket (the session cookie authenticates
it; the hub shows each connection only what its principal may see) and resubscribes with the
socket's `subscribe` message when the category checkboxes change.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.events import CATEGORIES

MAX_ROWS = 500  # the list keeps the newest this many; older rows are dropped


class EventsPageController(ConsolePage):
    """`/console/events`"""

    path = "/events"

    @get("/")
    async def events(self, request: Request[Any, Any, Any]) -> Template:
        return page(
            request,
            "events.html",
            title="Live events",
            context={"categories": CATEGORIES, "max_rows": MAX_ROWS},
        )
