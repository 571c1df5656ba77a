"""The console's book form read into a BookSpec: a name, a currency, the member accounts
ticked, and up to LIMIT_ROWS limits (a row left without a kind is no limit).

What cannot be used as typed is kept beside its field (`FieldReader.errors`), and nothing is
sent while any is; what the use case then refuses (a book or a limit that does not hold) is
shown above the form. Each member must be the caller's own account: the use case checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.http.console.form_fields import FieldReader
from application.books.service import BookSpec
from domain.books.limits import BookLimit, BookLimitKind, InvalidBookLimit

LIMIT_ROWS = 4
LIMIT_KINDS = tuple(k.value for k in BookLimitKind)


@dataclass
class BookForm:
    """A posted book form: the spec when every field could be read, else the errors."""

    fields: FieldReader
    members: list[str] = field(default_factory=list)
    spec: BookSpec | None = None

    @property
    def typed(self) -> dict[str, Any]:
        return {**self.fields.values, "members": self.members}


def read_book_form(form: Any) -> BookForm:
    """`form`: the posted multi-dict (members come as one `members` field per account)."""
    fields = FieldReader(_single(form))
    members = [str(m) for m in form.getall("members", [])]
    limits = [x for i in range(LIMIT_ROWS) if (x := _limit(fields, i)) is not None]
    read = BookForm(fields, members)
    if not fields.text("name"):
        fields.errors["name"] = "name: required"
    if not members:
        fields.errors["members"] = "members: choose at least one account"
    if not fields.errors:
        read.spec = BookSpec(
            name=fields.text("name"),
            currency=(fields.text("currency") or "USD").upper(),
            members=tuple(members),
            limits=tuple(limits),
        )
    return read


def _single(form: Any) -> Mapping[str, Any]:
    return {k: form.get(k) for k in form if k != "members"}


def _limit(fields: FieldReader, row: int) -> BookLimit | None:
    kind = fields.choice(f"limit_kind_{row}", LIMIT_KINDS, required=False)
    if kind is None:
        return None
    value = fields.decimal(f"limit_value_{row}")
    instrument = fields.text(f"limit_instrument_{row}") or None
    if value is None:
        return None
    try:
        return BookLimit(BookLimitKind(kind), value, instrument)
    except InvalidBookLimit as refused:
        fields.errors[f"limit_value_{row}"] = f"limit: {refused.message}"
        return None
