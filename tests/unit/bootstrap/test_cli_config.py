"""`bulwark config show`: the effective settings by section, where each came from, and never
a secret."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from bootstrap.cli import main
from bootstrap.cli_config import redact
from bootstrap.settings import setting_sources

KEKS = f"main 1 {base64.b64encode(b'k' * 32).decode()}"
PG_URL = "postgresql+asyncpg://bulwark:pg-pass-4711@db:5432/bulwark"
SECRETS = {  # variable: (value, the part that must never be printed)
    "BULWARK_DATABASE_URL": (PG_URL, "pg-pass-4711"),
    "BULWARK_REDIS_URL": ("redis://:redis-pass-0815@cache:6379/0", "redis-pass-0815"),
    "BULWARK_METRICS_TOKEN": ("metrics-token-8f3e2d1c", "metrics-token-8f3e2d1c"),
    "BULWARK_KEKS": (KEKS, KEKS.split()[2]),
    "BULWARK_DOCUMENTS_S3_ACCESS_KEY_ID": ("AKIAEXAMPLE123456789", "AKIAEXAMPLE123456789"),
    "BULWARK_FRED_URL": ("https://fred.example/api?api_key=fred-key-55aa&f=json", "fred-key-55aa"),
}  # fmt: skip
FILE_SECRET = "smtp-pass-6e5d4c3b"


@pytest.fixture
def env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every secret-shaped setting set: most in the environment, one in an env file."""
    for name, (value, _) in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BULWARK_ENV", "test")
    path = tmp_path / "bulwark.env"
    path.write_text(f"BULWARK_SMTP_PASSWORD={FILE_SECRET}\nBULWARK_PORT=9001\n")
    return path


def show(env_file: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str]:
    code = main(["--env-file", str(env_file), "config", "show", *flags])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out


@pytest.mark.parametrize("flags", [(), ("--json",)])
def test_no_secret_value_is_ever_printed(
    env_file: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...]
) -> None:
    # Act
    code, out = show(env_file, capsys, *flags)

    # Assert
    assert code == 0
    leaked = [secret for _, secret in SECRETS.values() if secret in out]
    assert leaked == [] and FILE_SECRET not in out
    assert "postgresql+asyncpg://bulwark:***@db:5432/bulwark" in out
    assert "redis://:***@cache:6379/0" in out
    assert "api_key=***&f=json" in out


def test_the_table_groups_by_section_and_names_each_source(
    env_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    code, out = show(env_file, capsys)

    # Assert
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["setting", "value", "source"]
    assert lines[1] == "[core]" and lines[2].split() == ["BULWARK_ENV", "test", "environment"]
    assert next(line for line in lines if line.startswith("BULWARK_PORT ")).split() == [
        "BULWARK_PORT", "9001", str(env_file)
    ]  # fmt: skip
    assert next(line for line in lines if line.startswith("BULWARK_HOST ")).split() == [
        "BULWARK_HOST", "127.0.0.1", "default"
    ]  # fmt: skip
    assert "[kafka]" in lines and "[store]" in lines


def test_json_is_a_list_of_settings_with_stable_keys(
    env_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Act
    code, out = show(env_file, capsys, "--json")

    # Assert
    settings = json.loads(out)
    by_name = {s["variable"]: s for s in settings}
    assert code == 0
    assert all(list(s) == ["section", "variable", "value", "source"] for s in settings)
    assert by_name["BULWARK_PORT"] == {
        "section": "core", "variable": "BULWARK_PORT", "value": 9001, "source": str(env_file)
    }  # fmt: skip
    assert by_name["BULWARK_SMTP_PASSWORD"]["value"] == "***"
    assert by_name["BULWARK_KAFKA_BOOTSTRAP"]["value"] is None


def test_an_empty_variable_puts_back_the_default_over_the_env_file(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / ".env"
    path.write_text("BULWARK_PORT=9001\nBULWARK_HOST=0.0.0.0\n")

    # Act
    sources = setting_sources({"BULWARK_PORT": "", "BULWARK_LOG_LEVEL": "debug"}, path)

    # Assert
    assert sources == {"host": str(path), "log_level": "environment"}


@pytest.mark.parametrize(
    ("flat", "value", "shown"),
    [
        ("documents_s3_access_key_id", "AKIA0000", "***"),
        ("jwt_private_key_file", "/run/secrets/jwt.pem", "/run/secrets/jwt.pem"),
        ("fred_url", "https://x.example/a?token=t0k&b=1", "https://x.example/a?token=***&b=1"),
        ("cors_origins", ["https://a.example"], ["https://a.example"]),
        ("port", 8000, 8000),
    ],
)
def test_redaction_masks_what_could_be_secret_and_keeps_the_rest(
    flat: str, value: object, shown: object
) -> None:
    # Act / Assert
    assert redact(flat, value) == shown
