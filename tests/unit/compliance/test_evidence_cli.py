"""`bulwark compliance evidence|verify`: a pack written as JSON, HTML and PDF with its digest
recorded in the audit chain, progress on stderr, the JSON pack verified and a changed one not;
an operator's mistake (a bad day, an account and a book, an unknown account, a missing folder,
a file that is no pack) said in one line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from dependency_injector import providers

from adapters.security.argon2_hasher import Argon2Hasher
from application.compliance.evidence import ACTION, digest_of
from bootstrap.cli import _parser
from bootstrap.containers.application import ApplicationContainer, build_container
from domain.errors import NotFound
from domain.principals import Role
from domain.trading.accounts import Account
from tests.kit.cli import run_cli
from tests.kit.settings import settings_of

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31T00:00:00Z")


@pytest.fixture
async def container() -> ApplicationContainer:
    built = build_container(settings_of(database_url="memory://"))
    built.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    owner = await built.core.auth().create_user("ann", "a long passphrase 1", Role.OWNER)
    async with built.core.uow_factory()() as uow:
        await uow.accounts.add(Account("acc-ann", owner.id, Decimal(1000)))
        await uow.commit()
    return built


async def test_a_json_pack_is_written_recorded_and_verified(
    container: ApplicationContainer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    out = tmp_path / "pack.json"

    # Act
    code, said = await run_cli(
        container, "compliance", "evidence", *PERIOD, "--account", "acc-ann", "--by", "ann",
        "--format", "json", "--out", str(out),
    )  # fmt: skip
    progress = capsys.readouterr().err
    verified, verdict = await run_cli(container, "compliance", "verify", str(out))

    # Assert
    pack = json.loads(out.read_text())
    assert code == 0 and pack["digest"] == digest_of(pack["content"])
    assert f"sha256 {pack['digest']}" in said and f"audit entry {pack['audit_entry_seq']}" in said
    assert "steps" in progress or "%" in progress
    head = await container.core.audit_log_service().head()
    assert head is not None and head.entry.action == ACTION
    assert head.entry.details["digest"] == pack["digest"]
    assert pack["content"]["scope"]["accounts"] == ["acc-ann"]
    assert verified == 0 and "pack verified" in verdict


async def test_a_changed_pack_is_not_verified(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    out = tmp_path / "pack.json"
    code, _ = await run_cli(
        container, "compliance", "evidence", *PERIOD, "--format", "json", "--out", str(out)
    )
    pack = json.loads(out.read_text())
    pack["content"]["limits"] = [{"id": "made-up"}]
    out.write_text(json.dumps(pack))

    verified, verdict = await run_cli(container, "compliance", "verify", str(out))

    assert code == 0
    assert verified == 1 and "NOT verified: its digest does not match" in verdict


@pytest.mark.parametrize(("fmt", "start"), [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
async def test_html_and_pdf_packs_carry_the_digest(
    container: ApplicationContainer, tmp_path: Path, fmt: str, start: bytes
) -> None:
    out = tmp_path / f"pack.{fmt}"

    code, said = await run_cli(
        container, "compliance", "evidence", *PERIOD, "--format", fmt, "--out", str(out)
    )

    digest = said.split("sha256 ")[1].split(";")[0]
    assert code == 0 and out.read_bytes().startswith(start)
    assert digest.encode() in out.read_bytes()


@pytest.mark.parametrize(
    "argv",
    [
        ("--from", "2026-13-01", "--to", "2026-12-31"),
        ("--from", "2026-01-01T00:00:00", "--to", "2026-12-31"),
        (*PERIOD, "--account", "a", "--book", "b"),
    ],
)
def test_a_bad_day_or_two_scopes_are_refused_by_the_parser(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(["compliance", "evidence", *argv, "--out", "x.json"])

    assert stopped.value.code == 2
    assert "error:" in capsys.readouterr().err.strip().splitlines()[-1]


async def test_an_unknown_account_a_missing_folder_and_a_non_pack_are_one_line_each(
    container: ApplicationContainer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NotFound):  # `bulwark` prints it as one line (bootstrap/cli.py main)
        await run_cli(
            container, "compliance", "evidence", *PERIOD, "--account", "acc-none", "--by", "ann",
            "--out", str(tmp_path / "p.json"),
        )  # fmt: skip
    missing, _ = await run_cli(
        container, "compliance", "evidence", *PERIOD, "--out", str(tmp_path / "no" / "p.json")
    )
    (tmp_path / "other.json").write_text("[1, 2]")
    not_pack, _ = await run_cli(container, "compliance", "verify", str(tmp_path / "other.json"))

    errors = capsys.readouterr().err.strip().splitlines()
    assert (missing, not_pack) == (2, 2)
    assert errors[-2].endswith("is not a folder")
    assert errors[-1].endswith("is not an evidence pack (no `content` object)")
