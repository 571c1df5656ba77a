"""Reading a posted console form field by field, every field's error kept beside its name.

`FieldReader(form)` reads typed values (`decimal`, `integer`, `day`, `choice`, `flag`) and
records, instead of raising, what cannot be used as typed; `errors` is then shown beside each
field (the templates' `field-error` spans) and nothing is computed while it is not empty. A
value left empty is None for an optional field and an error for a required one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from adapters.http.problems import domain_status
from domain.errors import DomainError


class FieldReader:
    """Typed values of a posted form and the errors by field (module doc)."""

    def __init__(self, form: Mapping[str, Any]) -> None:
        self.values: dict[str, str] = {k: str(v).strip() for k, v in form.items()}
        self.errors: dict[str, str] = {}

    def outcome(self, code: str | None) -> tuple[int, str | None]:
        """The answer's status and problem code: 422 with `code` (VALIDATION_ERROR when none
        was given) once a field is refused, else 200 with `code` as it is."""
        if self.errors:
            return 422, code or "VALIDATION_ERROR"
        return 200, code

    def refused(self, refusal: DomainError, field: str | None = None) -> str:
        """A use case's 422 refusal shown beside `field` (by default the field it names) as
        `field: message`, and its code. Any other refusal (a 404 for another user's value, a
        503 busy, a 422 naming no field) is raised as it is: the error page or the flash."""
        name = refusal.field if field is None else field
        if name is None or domain_status(refusal) != 422:
            raise refusal
        self.errors[name] = f"{name}: {refusal.message}"
        return refusal.code

    def text(self, name: str) -> str:
        return self.values.get(name, "")

    def _missing(self, name: str, required: bool) -> bool:
        if self.text(name):
            return False
        if required:
            self.errors[name] = f"{name}: required"
        return True

    def decimal(self, name: str, *, required: bool = True) -> Decimal | None:
        if self._missing(name, required):
            return None
        try:
            value = Decimal(self.text(name).replace(",", ""))
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.errors[name] = f"{name}: must be a number"
            return None
        return value

    def integer(self, name: str, *, required: bool = True) -> int | None:
        if self._missing(name, required):
            return None
        text = self.text(name)
        if not text.lstrip("-").isdigit() or len(text) > 9:
            self.errors[name] = f"{name}: must be a whole number"
            return None
        return int(text)

    def day(self, name: str, *, required: bool = True) -> date | None:
        if self._missing(name, required):
            return None
        try:
            return date.fromisoformat(self.text(name))
        except ValueError:
            self.errors[name] = f"{name}: must be a date (YYYY-MM-DD)"
            return None

    def choice(self, name: str, allowed: Iterable[str], *, required: bool = True) -> str | None:
        if self._missing(name, required):
            return None
        options = list(allowed)
        if self.text(name) not in options:
            self.errors[name] = f"{name}: must be one of {', '.join(options)}"
            return None
        return self.text(name)

    def flag(self, name: str) -> bool:
        return self.text(name) in ("on", "true", "1")
