"""`bulwark orders export` against a migrated SQLite store: CSV or JSON on stdout, progress on
stderr, an operator's mistake one line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bootstrap.cli import main
from bootstrap.cli_serve import EXIT_REFUSED, EXIT_USAGE
from bootstrap.containers.application import ApplicationContainer
from domain.trading.attribution import Attribution
from domain.trading.orders import Channel, Order, Origin, OriginKind, Side
from tests.kit.cli import cli_container, migrated_from_env, run_cli, sqlite_settings
from tests.kit.logging_guard import logging_restored  # noqa: F401  (fixture)

T0 = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)


def _order(n: int, at: datetime, algorithm: str | None = None) -> Order:
    return Order(
        id=f"ord-{n}",
        client_order_id=f"cl-{n}",
        account_id="acc-1",
        symbol="AAPL",
        side=Side.BUY,
        quantity=Decimal("2.5"),
        origin=Origin(OriginKind.AGENT, "bot-1", Channel.KAFKA),
        created_at=at,
        attribution=Attribution("usr-1", "usr-1", algorithm, "1.0" if algorithm else None),
    )


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "bulwark.db")) as c:
        async with c.core.uow_factory()() as uow:
            await uow.orders.add(_order(1, T0, "@SUM(A1)"))
            await uow.orders.add(_order(2, T0 + timedelta(days=27)))  # 29 November
            await uow.orders.add(_order(3, datetime(2026, 12, 1, tzinfo=UTC)))  # outside
            await uow.commit()
        yield c


async def test_a_months_export_as_csv_with_progress_on_stderr(
    container: ApplicationContainer, capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    code, output = await run_cli(
        container, "orders", "export", "--from", "2026-11-01", "--to", "2026-11-30"
    )

    # Assert
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [r["order_id"] for r in rows] == ["ord-1", "ord-2"]
    assert rows[0]["algorithm"] == "'@SUM(A1)"
    assert (rows[0]["agent_id"], rows[0]["channel"], rows[0]["quantity"]) == (
        "bot-1",
        "kafka",
        "2.5",
    )
    err = capsys.readouterr().err
    assert "progress 100%" in err
    assert err.rstrip().endswith(
        "orders export: 2 orders placed from 2026-11-01T00:00:00+00:00 to "
        "2026-12-01T00:00:00+00:00 (excluded)"
    )
    [entry] = await container.core.audit().entries("user:system")
    assert entry.action == "orders.export"


async def test_json_is_one_list_of_objects(container: ApplicationContainer) -> None:
    # Act
    code, output = await run_cli(
        container, "orders", "export", "--from", "2026-11-29", "--to", "2026-12-31",
        "--format", "json",
    )  # fmt: skip

    # Assert
    assert code == 0
    assert [r["order_id"] for r in json.loads(output)] == ["ord-2", "ord-3"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-11-31", "--to", "2026-12-01"], "--from must be a date"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "--from must be before to"),
        (["--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx"], "--format is csv"),
    ],
)
async def test_a_bad_bound_or_format_is_one_line_and_exit_2(
    container: ApplicationContainer,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    # Act
    code, output = await run_cli(container, "orders", "export", *argv)

    # Assert
    err = capsys.readouterr().err
    assert (code, output) == (EXIT_USAGE, "")
    assert err.startswith(f"bulwark: orders export: {message}") and err.count("\n") == 1


@pytest.mark.usefixtures("logging_restored")
def test_an_unknown_person_is_one_line_never_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    env = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'b.db'}",
    }
    migrated_from_env(env, monkeypatch, capfd)

    # Act
    code = main(
        ["--env-file", "", "orders", "export", "--from", "2026-11-01", "--to", "2026-11-30",
         "--by", "nobody"]
    )  # fmt: skip
    captured = capfd.readouterr()

    # Assert
    assert code == EXIT_REFUSED
    assert captured.err == "bulwark: no user named 'nobody'\n"
    assert captured.out == ""
