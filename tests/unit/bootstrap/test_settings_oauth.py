"""The OAuth settings (BULWARK_OAUTH_*: its credentials' lifetimes, the purge) and the public URL
(BULWARK_PUBLIC_URL): today's values by default, a bad value one line at start-up."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from bootstrap.cli import main
from bootstrap.settings import SettingsError, load_settings
from tests.http.harness import shared_jwt_key_file

KEKS = "main 1 " + base64.b64encode(bytes(range(32))).decode()


def prod(**more: str) -> dict[str, str]:
    return {
        "BULWARK_ENV": "prod",
        "BULWARK_JWT_PRIVATE_KEY_FILE": shared_jwt_key_file(),
        "BULWARK_KEKS": KEKS,
        **more,
    }


def test_the_defaults_are_the_lifetimes_of_before_and_no_public_url() -> None:
    # Act
    settings = load_settings({}, env_file=None)

    # Assert
    oauth = settings.oauth
    assert (oauth.access_token_ttl_seconds, oauth.refresh_token_ttl_days) == (900, 30)
    assert (oauth.code_ttl_seconds, oauth.consent_ttl_seconds) == (300, 900)
    assert oauth.purge_seconds == 3600.0
    assert settings.http.public_url is None


@pytest.mark.parametrize(
    ("variable", "text"),
    [
        ("BULWARK_OAUTH_ACCESS_TOKEN_TTL_SECONDS", "soon"),
        ("BULWARK_OAUTH_ACCESS_TOKEN_TTL_SECONDS", "5"),
        ("BULWARK_OAUTH_REFRESH_TOKEN_TTL_DAYS", "0"),
        ("BULWARK_OAUTH_CODE_TTL_SECONDS", "3600"),
        ("BULWARK_OAUTH_CONSENT_TTL_SECONDS", "-1"),
        ("BULWARK_OAUTH_PURGE_SECONDS", "-5"),
        ("BULWARK_PUBLIC_URL", "bulwark.example.com"),
        ("BULWARK_PUBLIC_URL", "https://bulwark.example.com/mcp"),
        ("BULWARK_PUBLIC_URL", "https://user@bulwark.example.com"),
    ],
)
def test_a_bad_value_is_one_line_naming_its_variable(variable: str, text: str) -> None:
    # Act
    with pytest.raises(SettingsError) as refused:
        load_settings({variable: text}, env_file=None)

    # Assert
    assert variable in refused.value.message
    assert "\n" not in refused.value.message


def test_an_access_token_must_die_before_its_refresh_token() -> None:
    # Act
    with pytest.raises(SettingsError) as refused:
        load_settings(
            {
                "BULWARK_OAUTH_ACCESS_TOKEN_TTL_SECONDS": "86400",
                "BULWARK_OAUTH_REFRESH_TOKEN_TTL_DAYS": "1",
            },
            env_file=None,
        )

    # Assert
    assert refused.value.message.startswith("BULWARK_OAUTH_ACCESS_TOKEN_TTL_SECONDS: expected less")


def test_a_public_url_is_kept_as_given_with_or_without_its_slash() -> None:
    # Act
    plain = load_settings({"BULWARK_PUBLIC_URL": "https://bulwark.example.com"}, env_file=None)
    slashed = load_settings({"BULWARK_PUBLIC_URL": "http://localhost:8000/"}, env_file=None)

    # Assert
    assert plain.http.public_url == "https://bulwark.example.com"
    assert slashed.http.public_url == "http://localhost:8000/"


def test_prod_wants_an_https_public_url() -> None:
    # Act
    with pytest.raises(SettingsError) as refused:
        load_settings(prod(BULWARK_PUBLIC_URL="http://bulwark.example.com"), env_file=None)
    served = load_settings(prod(BULWARK_PUBLIC_URL="https://bulwark.example.com"), env_file=None)

    # Assert
    assert refused.value.message.startswith("BULWARK_PUBLIC_URL must be an https:// URL")
    assert served.http.public_url == "https://bulwark.example.com"


def test_the_console_refuses_a_bad_lifetime_in_one_line_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Arrange
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BULWARK_OAUTH_CODE_TTL_SECONDS", "3600")

    # Act
    code = main(["--env-file", "", "config", "show"])

    # Assert
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith("bulwark: configuration error: BULWARK_OAUTH_CODE_TTL_SECONDS")
