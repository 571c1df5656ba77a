"""Safe rendering of titles and bodies: `string.Template` over the event's data.

No expression evaluation, no attribute access, no format specs: a `$field` is replaced by
str(value), a field the data lacks renders as "?" (never a crash), and text is cut to a
bound so a huge field cannot blow up a message. HTML escaping is the email sender's job
(it owns the HTML part); these texts are plain.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from string import Template

MAX_TITLE = 200
MAX_BODY = 4000


class _Lenient(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _value(value: object) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return str(value)


@lru_cache(maxsize=512)
def _compiled(template: str) -> Template:
    """One Template per text (the catalogue's few, and admins' overrides): built once."""
    return Template(template)


def render(template: str, data: Mapping[str, object], limit: int) -> str:
    fields = _Lenient({str(k): _value(v) for k, v in data.items()})
    try:
        text = _compiled(template).substitute(fields)
    except ValueError:  # a malformed placeholder in a template: show it as written
        text = template
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_title(template: str, data: Mapping[str, object]) -> str:
    return render(template, data, MAX_TITLE)


def render_body(template: str, data: Mapping[str, object]) -> str:
    return render(template, data, MAX_BODY)
