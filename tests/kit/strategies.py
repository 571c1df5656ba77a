"""A strategy definition for the tests that need one: stg-1 of owner u-1, trading acc-1 on the
pattern signals, the definition's own defaults for the rest."""

from __future__ import annotations

from typing import Any

from domain.strategies.definition import SignalSource, SourceKind, Strategy


def a_strategy(**changes: Any) -> Strategy:
    """That strategy, named "trend", with `changes` (any of its fields) over it; built as
    Strategy(...) is, so a definition that does not validate raises InvalidStrategy."""
    fields: dict[str, Any] = {
        "id": "stg-1",
        "owner_id": "u-1",
        "name": "trend",
        "account_ids": ("acc-1",),
        "sources": (SignalSource(SourceKind.PATTERN),),
        **changes,
    }
    return Strategy(**fields)
