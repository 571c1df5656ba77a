"""Audit DTOs: a stored entry with its place in the hash chain, a page, a chain check."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from adapters.http.schemas.common import Output
from application.core.audit_chain import ChainBreak, utc_text
from application.core.audit_log import ChainReport
from application.core.spreadsheet_cells import spreadsheet_safe
from ports.core.audit import ChainedEntry

CSV_COLUMNS = (
    "seq",
    "at",
    "actor",
    "action",
    "subject",
    "outcome",
    "request_id",
    "ip",
    "details",
    "prev_hash",
    "hash",
)


class AuditEntryOut(Output):
    """One audited action: who (actor) did what (action) to which subject, and how it ended."""

    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    outcome: str
    request_id: str | None
    ip: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str

    @classmethod
    def from_link(cls, link: ChainedEntry) -> AuditEntryOut:
        entry = link.entry
        return cls.from_attributes(
            entry,
            seq=link.seq,
            subject=entry.target,
            details=dict(entry.details),
            prev_hash=link.prev_hash,
            hash=link.hash,
        )


class AuditPageOut(Output):
    """Entries newest first (highest seq first); pass `next_cursor` back as `cursor`."""

    items: list[AuditEntryOut]
    next_cursor: str | None = None


class ChainBreakOut(Output):
    seq: int
    kind: str
    reason: str

    @classmethod
    def from_break(cls, broken: ChainBreak) -> ChainBreakOut:
        return cls.from_attributes(broken)


class ChainReportOut(Output):
    """`ok` with the head reached, or the first broken seq and why."""

    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    broken: ChainBreakOut | None = None

    @classmethod
    def from_report(cls, report: ChainReport) -> ChainReportOut:
        broken = None if report.broken is None else ChainBreakOut.from_break(report.broken)
        return cls.from_attributes(report, broken=broken)


def to_csv(links: list[ChainedEntry]) -> str:
    """The entries as CSV (RFC 4180, a header row), every cell injection-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for link in links:
        entry = link.entry
        details = json.dumps(dict(entry.details), sort_keys=True, ensure_ascii=False)
        cells = (
            str(link.seq),
            utc_text(entry.at),
            entry.actor,
            entry.action,
            entry.target,
            entry.outcome,
            entry.request_id or "",
            entry.ip or "",
            details,
            link.prev_hash,
            link.hash,
        )
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return out.getvalue()
