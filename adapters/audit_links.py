"""Many audit entries chained at once, for the audit logs' `record_many` (memory and SQL).

Each link is what application/core/audit_chain.py's `chained(seq, storable(entry), prev)` makes,
to the byte; only the work is less. An entry whose details are plain (a dict of text, booleans,
nulls, integers within 64 bits, and lists and string-keyed objects of those: no floats, whose
JSON spelling differs between encoders) needs no normalizing (the JSON round trip would change
nothing) and is kept as given, so its details must not change afterwards; its canonical bytes
are msgspec's sorted encoding, which equals `json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False)` for those values (tests/unit/core/audit/test_audit_links.py holds the two
side by side). Any other entry takes `chained(seq, storable(entry), prev)` itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import msgspec

from application.core.audit_chain import MAX_CONTEXT, chained, storable, utc_text
from ports.core.audit import ChainedEntry
from ports.core.events import AuditEntry

_SORTED = msgspec.json.Encoder(order="sorted")
_INT64 = 2**63


def link_many(entries: Sequence[AuditEntry], seq: int, prev_hash: str) -> list[ChainedEntry]:
    """`entries` (stamped) chained one after the other after the link (`seq`, `prev_hash`)."""
    links: list[ChainedEntry] = []
    for entry in entries:
        seq += 1
        link = _fast(seq, entry, prev_hash)
        if link is None:
            link = chained(seq, storable(entry), prev_hash)
        links.append(link)
        prev_hash = link.hash
    return links


def _fast(seq: int, entry: AuditEntry, prev_hash: str) -> ChainedEntry | None:
    request_id, ip = entry.request_id, entry.ip
    if (request_id is not None and len(request_id) > MAX_CONTEXT) or (
        ip is not None and len(ip) > MAX_CONTEXT
    ):
        return None
    details = entry.details
    if not _plain_details(details):
        return None
    document = {
        "action": entry.action,
        "actor": entry.actor,
        "at": _utc_text(entry.at),
        "details": details,
        "ip": ip,
        "outcome": entry.outcome,
        "prev_hash": prev_hash,
        "request_id": request_id,
        "seq": seq,
        "subject": entry.target,
    }
    digest = hashlib.sha256(_SORTED.encode(document)).hexdigest()
    return ChainedEntry(seq, entry, prev_hash, digest)


def _utc_text(at: datetime) -> str:
    """`utc_text(at)`, by isoformat for a time already in UTC (a fifth of strftime's cost)."""
    if at.tzinfo is UTC and at.year >= 1000:
        return at.isoformat(timespec="microseconds")[:-6] + "Z"
    return utc_text(at)


def _plain_details(details: Any) -> bool:
    """Whether the details are a dict of plain values (then normalizing them changes nothing)."""
    if type(details) is not dict:
        return False
    for key, value in details.items():
        if type(key) is not str:
            return False
        if type(value) is str or value is None:
            continue  # most details: checked without a call
        if not _plain(value):
            return False
    return True


def _plain(value: Any) -> bool:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return -_INT64 <= value < _INT64  # type: ignore[no-any-return]
    if kind is list:
        return all(_plain(item) for item in value)
    if kind is dict:
        return _plain_details(value)
    return False
