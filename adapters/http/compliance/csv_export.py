"""The control inventory as CSV: one row per account or book, requirement and control."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime

from application.core.spreadsheet_cells import spreadsheet_safe
from domain.compliance.controls import ControlFinding, ControlKind, Setting
from domain.compliance.inventory import Inventory
from domain.compliance.status import RequirementStatus

COLUMNS = (
    "subject",
    "subject_id",
    "owner_id",
    "requirement",
    "citation",
    "status",
    "control",
    "configured",
    "settings",
    "note",
    "last_breach",
    "last_test",
    "gaps",
)
# The controls whose last test is the kill switch's last drill ("never" without one).
TESTED = frozenset({ControlKind.KILL_SWITCH, ControlKind.KILL_SWITCH_DRILL})


def inventory_csv(found: Inventory) -> str:
    """The inventory as CSV (RFC 4180, a header row), every cell injection-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in _rows(found):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()


def _rows(found: Inventory) -> Iterator[tuple[str, ...]]:
    for account in found.accounts:
        for judged in account.requirements:
            yield from _requirement_rows("account", account.account_id, account.owner_id, judged)
    for book in found.books:
        for judged in book.requirements:
            yield from _requirement_rows("book", book.book_id, book.owner_id, judged)


def _requirement_rows(
    subject: str, subject_id: str, owner_id: str, judged: RequirementStatus
) -> Iterator[tuple[str, ...]]:
    r = judged.requirement
    gaps = " | ".join(judged.gaps)
    for finding in judged.findings:
        yield (
            subject,
            subject_id,
            owner_id,
            r.id,
            r.citation,
            judged.status.value,
            finding.kind.value,
            finding.coverage.value,
            " | ".join(_setting_text(s) for s in finding.settings),
            finding.note,
            _time(finding.last_breach),
            _test(finding),
            gaps,
        )


def _setting_text(setting: Setting) -> str:
    head = " ".join(p for p in (setting.source, setting.scope, setting.action) if p)
    values = ",".join(f"{k}={v}" for k, v in setting.values)
    return f"{head} {values}".strip()


def _time(at: datetime | None) -> str:
    return "" if at is None else at.isoformat()


def _test(finding: ControlFinding) -> str:
    drill = finding.last_test
    if drill is None:
        return "never" if finding.kind in TESTED else ""
    return f"{drill.at.isoformat()} {'passed' if drill.passed else 'failed'} ({drill.target})"
