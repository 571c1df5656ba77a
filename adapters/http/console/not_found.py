"""`/console/<anything else>`: an HTML 404 inside the console's layout.

Without it an unknown console path would answer the API's problem+json 404: the console
router's HTML error handlers run only for routes it matched. A `path` parameter is the
router's lowest-priority match, so every real page (and /console/static) still wins.
Limit: Litestar's route trie does not backtrack, so a path that goes down a real page's
prefix and then misses (/console/orders/x/y) still gets the app-level problem+json 404;
covering it needs an app-level 404 handler that checks the /console prefix (app.py).
"""

from __future__ import annotations

from litestar import get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath


@get("/{path:path}", include_in_schema=False, sync_to_thread=False)
def console_not_found(path: FromPath[str]) -> None:
    """Every console path no page claims: the console's own 404 page (errors.py)."""
    raise NotFoundException(f"there is no console page at /console{path}")
