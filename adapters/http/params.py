"""Query parameters routes of several contexts take alike: a day, as YYYY-MM-DD text."""

from __future__ import annotations

from typing import Any

from litestar.openapi.spec import Example
from litestar.params import QueryParameter


def day_param(description: str, example: str, **more: Any) -> Any:
    """A day's query parameter, documented as a date with `description` and one example;
    `more` gives QueryParameter's other options (`name="from"`)."""
    return QueryParameter(
        format="date", description=description, examples=[Example(value=example)], **more
    )
