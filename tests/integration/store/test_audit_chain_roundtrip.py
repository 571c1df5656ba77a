"""Any entries, stored in SQLite and read back, still verify: what is hashed is what reads back."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.engine import make_engine
from adapters.postgres.schema import metadata
from application.core.audit_log import AuditLogService
from ports.core.events import AuditEntry
from tests.kit.shared_store import SqliteTemplate

_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
_leaf = st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.floats(), _text)
_json = st.recursive(
    _leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)
entries = st.builds(
    AuditEntry,
    actor=_text.filter(bool),
    action=_text.filter(bool),
    target=_text.filter(bool),
    outcome=_text.filter(bool),
    at=st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
    details=st.dictionaries(_text, _json, max_size=4),
    request_id=st.none() | _text,
    ip=st.none() | st.ip_addresses().map(str),
)


# Every table, created once per process; each example's store is a copy of it.
TABLES = SqliteTemplate(metadata)


async def _store_and_verify(items: list[AuditEntry], folder: Path) -> bool:
    engine = make_engine(f"sqlite+aiosqlite:///{folder / 'audit.db'}")
    try:
        log = SqlAuditLog(engine)
        for item in items:
            await log.record(item)
        report = await AuditLogService(log, None).verify(batch=3)  # type: ignore[arg-type]
        return report.ok and report.checked == len(items)
    finally:
        await engine.dispose()


@settings(max_examples=25, deadline=None)
@given(st.lists(entries, min_size=1, max_size=5))
def test_any_entries_stored_in_sqlite_verify(items: list[AuditEntry]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        TABLES.copy_to(Path(tmp) / "audit.db")
        assert asyncio.run(_store_and_verify(items, Path(tmp)))
