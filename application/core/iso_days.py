"""A day a request names as text, read strictly as YYYY-MM-DD; the refusal is the caller's.

`date.fromisoformat` alone also takes the basic form `20240101`: a query writes its days in
the extended form, ten characters.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date


def strict_day(text: str, refusal: Callable[[], Exception]) -> date:
    """`text` as a date when written exactly YYYY-MM-DD; `refusal()` raised otherwise."""
    if len(text) == len("YYYY-MM-DD"):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise refusal()
