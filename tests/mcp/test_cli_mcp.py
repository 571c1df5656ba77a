"""`bulwark mcp`: an operator's mistake is one line on stderr and a non-zero exit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bootstrap.cli import _parser
from bootstrap.cli_mcp import EXIT_REFUSED, EXIT_USAGE, run
from bootstrap.settings import SettingsError, load_settings
from tests.integration.servers import free_port


def mcp(argv: list[str], monkeypatch: pytest.MonkeyPatch, **env: str) -> tuple[int, str]:
    monkeypatch.delenv("BULWARK_API_KEY", raising=False)
    monkeypatch.delenv("BULWARK_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    err = io.StringIO()
    code = run(_parser().parse_args(["mcp", *argv]), err)
    return code, err.getvalue()


def test_a_missing_key_is_one_line_and_a_usage_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    # Act
    code, said = mcp([], monkeypatch)

    # Assert
    assert code == EXIT_USAGE
    assert said.count("\n") == 1
    assert said.startswith("bulwark mcp: BULWARK_API_KEY is not set")


def test_a_url_that_is_not_http_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Act
    code, said = mcp([], monkeypatch, BULWARK_API_KEY="bwk_x", BULWARK_URL="ftp://bulwark")

    # Assert
    assert code == EXIT_USAGE
    assert said == "bulwark mcp: BULWARK_URL 'ftp://bulwark' is not an http(s) URL\n"


def test_a_bulwark_out_of_reach_is_one_line_before_any_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: a port nothing listens on
    url = f"http://127.0.0.1:{free_port()}"

    # Act
    code, said = mcp(["--url", url, "--timeout", "5"], monkeypatch, BULWARK_API_KEY="bwk_x")

    # Assert
    assert code == EXIT_REFUSED
    assert said.count("\n") == 1
    assert said.startswith(f"bulwark mcp: the Bulwark at {url} cannot be reached: ")


def test_the_clients_variables_are_no_settings_of_the_server() -> None:
    # Act: an agent's shell, where `bulwark mcp` and other commands run side by side
    settings = load_settings(
        {"BULWARK_URL": "http://bulwark:8000", "BULWARK_API_KEY": "bwk_x", "BULWARK_PORT": "8123"},
        env_file=None,
    )

    # Assert
    assert settings.core.port == 8123


def test_an_agents_key_in_a_servers_env_file_is_refused(tmp_path: Path) -> None:
    # Arrange
    env_file = tmp_path / ".env"
    env_file.write_text("BULWARK_API_KEY=bwk_x\n")

    # Act
    with pytest.raises(SettingsError) as refused:
        load_settings({}, env_file=env_file)

    # Assert
    assert "BULWARK_API_KEY cannot be set in a .env file" in str(refused.value)
