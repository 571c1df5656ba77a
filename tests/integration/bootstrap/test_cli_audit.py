"""`bulwark audit verify` / `bulwark audit head` against a migrated SQLite store."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bootstrap.cli import _parser, run_command
from bootstrap.cli_audit import EXIT_BROKEN
from bootstrap.containers.application import ApplicationContainer
from ports.core.events import AuditEntry
from tests.kit.cli import cli_container, run_cli, sqlite_settings

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "bulwark.db")) as c:
        for n in range(12):
            await c.core.audit().record(
                AuditEntry("usr-1", "auth.login", "user:usr-1", "ok", T0 + timedelta(seconds=n))
            )
        yield c


async def _sql(container: ApplicationContainer, statement: str) -> None:
    async with container.core.engine().begin() as conn:
        await conn.execute(text(statement))


async def test_an_intact_chain_exits_zero_and_head_prints_seq_and_hash(
    container: ApplicationContainer,
) -> None:
    # Act
    code, output = await run_cli(container, "audit", "verify", "--batch", "5")
    head_code, head = await run_cli(container, "audit", "head")

    # Assert
    assert code == 0 and head_code == 0
    seq, digest = head.strip().split(":")
    assert seq == "12" and len(digest) == 64
    assert output == f"audit chain intact: 12 entries, head 12:{digest}\n"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE audit_log SET outcome = 'denied' WHERE seq = 7", "seq 7 (edited)"),
        ("DELETE FROM audit_log WHERE seq = 3", "seq 3 (deleted)"),
    ],
)
async def test_a_tampered_chain_exits_non_zero_naming_the_seq(
    container: ApplicationContainer, statement: str, expected: str
) -> None:
    # Arrange
    await _sql(container, statement)

    # Act
    code, output = await run_cli(container, "audit", "verify", "--batch", "4")

    # Assert
    assert code == EXIT_BROKEN
    assert output.startswith(f"audit chain broken at {expected}: ")


async def test_cut_off_newest_entries_are_found_against_an_anchored_head(
    container: ApplicationContainer,
) -> None:
    # Arrange: anchor the head, then the two newest rows disappear
    _, head = await run_cli(container, "audit", "head")
    await _sql(container, "DELETE FROM audit_log WHERE seq > 10")
    assert (await run_cli(container, "audit", "verify"))[0] == 0  # the chain alone cannot tell

    # Act
    code, output = await run_cli(container, "audit", "verify", "--expect-head", head.strip())

    # Assert
    assert code == EXIT_BROKEN
    assert output.startswith("audit chain broken at seq 12 (truncated): ")


def test_a_malformed_anchor_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        _parser().parse_args(["audit", "verify", "--expect-head", "12:nothex"])

    assert exited.value.code == 2
    assert "expected SEQ:HASH" in capsys.readouterr().err


async def test_a_cli_commands_entries_carry_a_request_id_naming_it(
    container: ApplicationContainer,
) -> None:
    # Arrange
    args = _parser().parse_args(["create-user", "carol", "--role", "owner", "--password-stdin"])

    # Act
    code = await run_command(
        args, container, stdin=io.StringIO("a-long-password-1\n"), out=io.StringIO()
    )

    # Assert
    assert code == 0
    (entry,) = [
        e for e in await container.core.audit().entries(limit=50) if e.action == "user.create"
    ]
    assert str(entry.request_id).startswith("cli:create-user:")
    assert entry.ip is None
