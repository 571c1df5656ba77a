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

    `operation_suffix` qualifies the OpenAPI operation ids of the handlers it mounts (a
    controller mounted under a second prefix: adapters/http/operation_ids.py).
    """

    def __init__(self, path: str, *, operation_suffix: str = "", **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.operation_suffix = operation_suffix

    def __deepcopy__(self, memo: dict[int, Any]) -> AppRouter:
        return self
