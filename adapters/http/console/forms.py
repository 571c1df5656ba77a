"""A console form's bad input: an HTML error with the field at fault, never problem+json.

Litestar's ValidationException has the API's own handler (problem+json), which outranks the
console router's HTML one; a DomainError reaches the console's handler, so a form refusal
is one of these (422 VALIDATION_ERROR, the message naming the field).
"""

from __future__ import annotations

from litestar.enums import RequestEncodingType
from litestar.params import Body

from domain.errors import DomainError

# A console form's body, as a browser posts it: `data: Annotated[SomeForm, FORM]`.
FORM = Body(media_type=RequestEncodingType.URL_ENCODED)


class InvalidForm(DomainError):
    """A console form field that cannot be used as typed."""

    code = "VALIDATION_ERROR"

    def __init__(self, field: str, why: str = "", *, message: str | None = None) -> None:
        """`field: why`, or `message` as written when the sentence names the field itself."""
        super().__init__(message if message is not None else f"{field}: {why}", field=field)
