"""A Router made for one app, which Litestar can then take as it is."""

from __future__ import annotations

from typing import Any

from litestar import Router


class AppRouter(Router):
    """A Router that registers into its app as itself, not as a deep copy.

    Litestar deep-copies every Router it registers, so that one router object could serve several
    apps. Ours are built afresh inside each `create_app` call and belong to that app alone, so the
    copy (every route and handler, once more, on each app built: a test suite builds hundreds)
    would buy nothing.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> AppRouter:
        return self
