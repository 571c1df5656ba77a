"""KEKs from a file or an env value: parsing, the current version, clear one-line refusals."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from adapters.security.key_providers import (
    KeyConfigError,
    keks_from_env,
    keks_from_file,
    parse_keks,
)
from ports.core.encryption import KeyRef, UnknownKeyVersion

K1 = base64.b64encode(b"\x01" * 32).decode()
K2 = base64.b64encode(b"\x02" * 32).decode()


def test_a_file_with_two_versions_makes_the_newest_current(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / "keks"
    path.write_text(f"# dev keys\nmain 1 {K1}\n\nmain 2 {K2}  # rotated\n")

    # Act
    keys = keks_from_file(path)

    # Assert
    assert keys.current() == KeyRef("main", 2)
    assert keys.versions("main") == [1, 2]
    assert keys.kek(KeyRef("main", 1)) == b"\x01" * 32


def test_the_env_value_takes_semicolon_separated_entries() -> None:
    keys = keks_from_env({"BULWARK_KEKS": f"main 2 {K2}; main 1 {K1}"})
    assert keys.current() == KeyRef("main", 2)


def test_the_last_named_key_id_is_current() -> None:
    keys = parse_keks(f"old 5 {K1}\nnew 1 {K2}", "test")
    assert keys.current() == KeyRef("new", 1)
    assert keys.versions("old") == [5]


def test_an_unknown_version_is_refused() -> None:
    keys = parse_keks(f"main 1 {K1}", "test")
    with pytest.raises(UnknownKeyVersion, match="main v2"):
        keys.kek(KeyRef("main", 2))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "lists no key-encryption key"),
        ("main 1", "expected '<key id> <version> <base64 key>'"),
        (f"ma.in 1 {K1}", "key id must be"),
        (f"main 0 {K1}", "version must be a positive whole number"),
        (f"main one {K1}", "version must be a positive whole number"),
        (f"main ² {K1}", "version must be a positive whole number"),
        ("main 1 not*base64", "key is not base64"),
        (f"main 1 {base64.b64encode(b'short').decode()}", "key must be 32 bytes"),
        (f"main 1 {K1}\nmain 1 {K2}", "main v1 is listed twice"),
    ],
)
def test_bad_configuration_is_one_clear_line_without_key_bytes(text: str, message: str) -> None:
    with pytest.raises(KeyConfigError, match=message) as refused:
        parse_keks(text, "BULWARK_KEKS")
    assert "\n" not in str(refused.value)
    assert K1 not in str(refused.value) and K2 not in str(refused.value)


def test_a_missing_env_value_or_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyConfigError, match="BULWARK_KEKS is not set"):
        keks_from_env({})
    with pytest.raises(KeyConfigError, match="cannot read key file"):
        keks_from_file(tmp_path / "absent")
