"""Calculation endpoints: a POST that answers what it computed from the body and stores nothing.

Such a route answers 200 (not 201: nothing is created) and the read-only viewer may call it
(read_only.py: `VIEWER_MAY_CALL`), whatever else its decorator says.
"""

from __future__ import annotations

from typing import Any

from litestar import post

from adapters.http.read_only import VIEWER_MAY_CALL


def calculation(path: str, **options: Any) -> post:
    """`@post(path, **options)` for a calculation: status 200, open to the read-only viewer."""
    return post(path, status_code=200, opt=VIEWER_MAY_CALL, **options)
