"""A console form's bad input: an HTML error with the field at fault, never problem+json.

Litestar's ValidationException has the API's own handler (problem+json), which outranks the
console router's HTML one; a DomainError reaches the console's handler, so a form refusal
is one of these (422 VALIDATION_ERROR, the message naming the field).
"""

from __future__ import annotations

from domain.errors import DomainError


class InvalidForm(DomainError):
    """A console form field that cannot be used as typed."""

    code = "VALIDATION_ERROR"

    def __init__(self, field: str, why: str) -> None:
        super().__init__(f"{field}: {why}", field=field)
