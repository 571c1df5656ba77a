"""The audit page's filters as typed, read into the audit log's query, and its entries shown.

The filters are those of GET /api/v1/audit (application/core/audit_log.py AuditQuery): actor,
action (exact, or a prefix as `killswitch.*`), subject, outcome, and a day range (from its first
instant, to the end of the `to` day, UTC). A value that cannot be used is kept beside its field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

import msgspec

from adapters.http.audit.audit_schemas import AuditEntryOut
from adapters.http.console.form_fields import FieldReader
from application.core.audit_log import AuditQuery
from ports.core.audit import ChainedEntry

PAGE_SIZE = 50
FILTERS = ("actor", "action", "subject", "outcome", "from", "to", "cursor")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@*-]*$")
_TEXT_MAX = 256


@dataclass(slots=True)
class AuditFilters:
    """What was typed, the errors by field, and the query it makes (None: a field error)."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    query: AuditQuery | None = None


def _text(reader: FieldReader, name: str) -> str | None:
    value = reader.text(name)
    if not value:
        return None
    if len(value) > _TEXT_MAX or not value.isprintable():
        reader.errors[name] = f"{name}: at most {_TEXT_MAX} printable characters"
        return None
    return value


def read_filters(query: Mapping[str, Any]) -> AuditFilters:
    """The listing the page's query string asks for."""
    reader = FieldReader({k: query.get(k, "") for k in FILTERS})
    actor, subject, outcome = (_text(reader, n) for n in ("actor", "subject", "outcome"))
    action = _text(reader, "action")
    if action is not None and not _NAME.match(action):
        reader.errors["action"] = "action: a name such as killswitch.activate, or killswitch.*"
    first = reader.day("from", required=False)
    last = reader.day("to", required=False)
    since = None if first is None else datetime.combine(first, time(), tzinfo=UTC)
    until = None
    if last is not None:
        until = datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC)
    cursor = reader.text("cursor")[:128] or None
    found = AuditFilters(reader.values, reader.errors)
    if not reader.errors:
        found.query = AuditQuery(
            actor=actor,
            action=action,
            subject=subject,
            outcome=outcome,
            since=since,
            until=until,
            cursor=cursor,
            limit=PAGE_SIZE,
        )
    return found


def entry_rows(links: list[ChainedEntry]) -> list[dict[str, Any]]:
    """Each entry as the API answers it (its details as one line of JSON)."""
    rows = []
    for link in links:
        row: dict[str, Any] = msgspec.to_builtins(AuditEntryOut.from_link(link))
        row["details_text"] = msgspec.json.encode(row["details"]).decode()
        rows.append(row)
    return rows


def next_link(values: Mapping[str, str], cursor: str | None) -> str | None:
    """The page's address for the next (older) page, its filters kept."""
    if cursor is None:
        return None
    kept = {k: v for k, v in values.items() if v and k != "cursor"}
    kept["cursor"] = cursor
    return "/console/audit?" + urlencode(kept)
