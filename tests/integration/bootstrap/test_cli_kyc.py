"""`bulwark kyc purge [--dry-run]` against the embedded SQLite store and a documents directory."""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import load_settings
from domain.kyc.documents import DocumentKind
from domain.principals import Principal, Role
from tests.http.kyc_samples import PDF
from tests.kit.cli import cli_container, run_cli

OWNER = Principal("u-1", Role.OWNER)


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    kek = base64.b64encode(os.urandom(32)).decode()
    settings = load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}",
            "BULWARK_KEKS": f"main 1 {kek}",
            "BULWARK_DOCUMENTS_DIR": str(tmp_path / "docs"),
            "BULWARK_KYC_RETENTION_DAYS": "30",
        },
        env_file=None,
    )
    async with cli_container(settings, clock=FakeClock()) as c:
        yield c


async def test_purge_counts_then_erases_documents_past_retention(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    # Arrange: two old documents and a fresh one
    kyc, clock = container.identity.kyc(), container.core.clock()
    for _ in range(2):
        await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)
    clock.advance(timedelta(days=31))
    await kyc.upload(OWNER, DocumentKind.OTHER, PDF)

    # Act
    dry = await run_cli(container, "kyc", "purge", "--dry-run")
    real = await run_cli(container, "kyc", "purge")
    again = await run_cli(container, "kyc", "purge")

    # Assert
    assert dry == (0, "kyc: would purge 2 documents past the 30-day retention\n")
    assert real == (0, "kyc: purged 2 documents past the 30-day retention\n")
    assert again == (0, "kyc: purged 0 documents past the 30-day retention\n")
    assert len([p for p in (tmp_path / "docs").rglob("*") if p.is_file()]) == 1
