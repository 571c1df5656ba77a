"""A person's data as sections of rows, and the rules of export and erasure.

Every value is written as text: amounts as plain decimal strings (`format(x, "f")`, never
exponents or floats), instants in ISO 8601 UTC, enumerations by value, absent as "". No
secret ever leaves: fields holding hashes, digests, secrets or ciphertext are left out of
every row, whatever record they belong to.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

# A field is a secret, never exported, when its name says it holds one.
_SECRET = re.compile(r"(hash|digest|secret|cipher|sealed|token|passcode|password)", re.IGNORECASE)
PSEUDONYM_PREFIX = "erased-"


@dataclass(frozen=True)
class DataSection:
    """One kind of record about the person: its name (the file name in an archive), what it
    is, and its rows, each a column -> text mapping (columns in the order of the first row)."""

    name: str
    about: str
    rows: tuple[Mapping[str, str], ...]

    @property
    def columns(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for row in self.rows:
            seen.update(dict.fromkeys(row))
        return tuple(seen)


@dataclass(frozen=True)
class PersonalDataExport:
    """Everything held about one user, as of `generated_at`."""

    user_id: str
    generated_at: datetime
    sections: tuple[DataSection, ...]

    def counts(self) -> dict[str, int]:
        return {section.name: len(section.rows) for section in self.sections}


@dataclass(frozen=True)
class Retained:
    """A kind of record erasure keeps, and the reason the law gives for keeping it."""

    what: str
    why: str


# What erasing a user keeps (GDPR Art. 17(3)(b) and (e): legal obligations and legal claims).
RETAINED: tuple[Retained, ...] = (
    Retained(
        "accounts, orders and fills",
        "books and records of trading (SEC Rule 17a-4: six years; tax records likewise); they "
        "name the user by id only, and the id then names no one",
    ),
    Retained(
        "the audit chain",
        "the tamper-evident record of who did what; its entries are kept, hash-chained, naming "
        "the user by id only: the username, email and client addresses in them are replaced "
        "by pseudonyms, and the chain still verifies",
    ),
    Retained(
        "kill-switch drill results",
        "the evidence that the trading controls were tested, kept for the supervisor; they "
        "name the user by id only (the drill schedules are removed, so no drill runs again)",
    ),
    Retained(
        "login history",
        "security records kept for their retention period to detect and answer abuse",
    ),
)


def text(value: Any) -> str:
    """A value as export text: plain decimals, ISO 8601 instants, enum values, "" for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return text(value.value)
    if isinstance(value, list | tuple | frozenset | set):
        return ";".join(sorted(text(v) for v in value))
    return str(value)


def is_secret(field_name: str) -> bool:
    """Whether a field's name says it holds a secret (never exported)."""
    return _SECRET.search(field_name) is not None


def row_of(record: Any, *, omit: Iterable[str] = ()) -> dict[str, str]:
    """A dataclass record as one row: its plain fields as text, without secrets, without the
    fields in `omit` and without nested mappings (their contents are sections of their own)."""
    left_out = set(omit)
    row: dict[str, str] = {}
    for field in dataclasses.fields(record):
        if field.name in left_out or is_secret(field.name) or field.name.startswith("_"):
            continue
        value = getattr(record, field.name)
        if isinstance(value, Mapping) or dataclasses.is_dataclass(value):
            continue
        if isinstance(value, list | tuple) and any(dataclasses.is_dataclass(v) for v in value):
            continue
        row[field.name] = text(value)
    return row


def section(name: str, about: str, records: Sequence[Any], **kw: Any) -> DataSection:
    """A section of dataclass records, one row each."""
    return DataSection(name, about, tuple(row_of(record, **kw) for record in records))


def pseudonym(user_id: str) -> str:
    """The name an erased user is left with: stable for the id, naming no one."""
    return PSEUDONYM_PREFIX + hashlib.sha256(user_id.encode()).hexdigest()[:16]


def is_erased(username: str) -> bool:
    return username.startswith(PSEUDONYM_PREFIX)
