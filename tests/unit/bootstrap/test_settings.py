"""Settings: defaults, parsing of every type, .env precedence, errors that name the variable."""

from __future__ import annotations

import base64
import copy
import pickle
import re
from pathlib import Path

import msgspec
import pytest

from bootstrap.settings import FLAT_FIELDS, Secret, Settings, SettingsError, env_name, load_settings

EXAMPLE = Path(__file__).resolve().parents[3] / ".env.example"
FERNET_KEY = "MOp7xpFZPTvmIYoJBmWwSEVL_1H_k47zPfEmctDmydY="  # generated once for these tests
ALPACA_SECRET = "alpaca-secret-value-7f3a"


def variables(**env: str) -> dict[str, str]:
    return {env_name(k): v for k, v in env.items()}


def load(**env: str) -> Settings:
    return load_settings(variables(**env), env_file=None)


def flat(settings: Settings, name: str) -> object:
    """The value of the setting whose variable is BULWARK_ + name in upper case."""
    section, field = FLAT_FIELDS[name]
    return getattr(getattr(settings, section), field)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "jwt.pem"
    path.write_text("-----BEGIN PRIVATE KEY-----\nnot-checked-here\n-----END PRIVATE KEY-----\n")
    return path


KEKS = "main 1 " + base64.b64encode(bytes(range(32))).decode()


def prod_env(key_file: Path, **overrides: str) -> dict[str, str]:
    env = {
        "env": "prod",
        "jwt_private_key_file": str(key_file),
        "keks": KEKS,
    }
    env.update(overrides)
    return env


def test_defaults_without_any_variable() -> None:
    # Act
    settings = load_settings({}, env_file=None)

    # Assert
    assert settings == Settings()
    assert (settings.core.env, settings.core.host, settings.core.port) == ("dev", "127.0.0.1", 8000)
    assert settings.store.database_url == "sqlite+aiosqlite:///var/bulwark.db"
    assert settings.brokers.broker == "paper"
    assert settings.keys.secret_key is None
    assert settings.identity.access_token_ttl_seconds == 900
    assert settings.http.cors_origins == ()
    assert settings.core.docs_enabled is True
    assert settings.core.demo is False


def test_only_bulwark_variables_are_read() -> None:
    # Act
    settings = load_settings({"PORT": "1", "HOME": "/root", "PATH": "/bin"}, env_file=None)

    # Assert
    assert settings.core.port == 8000


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("port", "9000", 9000),
        ("db_pool_size", " 4 ", 4),
        ("kill_switch_deadline_seconds", "0.75", 0.75),
        ("heartbeat_threshold_seconds", "10", 10.0),
        ("demo", "true", True),
        ("demo", "TRUE", True),
        ("demo", "1", True),
        ("demo", "yes", True),
        ("demo", "on", True),
        ("docs_enabled", "false", False),
        ("docs_enabled", "0", False),
        ("docs_enabled", "Off", False),
        ("env", "test", "test"),
        ("log_format", "json", "json"),
        ("market_data", "replay", "replay"),
        ("redis_url", "redis://cache:6379/0", "redis://cache:6379/0"),
        ("kafka_bootstrap", "k1:9092,k2:9092", "k1:9092,k2:9092"),
        ("database_url", "sqlite+aiosqlite:///./bulwark.db", "sqlite+aiosqlite:///./bulwark.db"),
        (
            "cors_origins",
            "https://app.example.com, http://localhost:5173,",
            ("https://app.example.com", "http://localhost:5173"),
        ),
        ("cors_origins", "*", ("*",)),
    ],
)
def test_each_type_is_parsed_from_text(field: str, text: str, expected: object) -> None:
    # Act
    settings = load(**{field: text})

    # Assert
    assert flat(settings, field) == expected


def test_an_empty_value_means_the_default() -> None:
    # Act
    settings = load(port="", redis_url="  ", cors_origins="")

    # Assert
    assert (settings.core.port, settings.redis.url, settings.http.cors_origins) == (8000, None, ())


def test_secret_values_become_secrets() -> None:
    # Act
    settings = load(secret_key=FERNET_KEY)

    # Assert
    assert isinstance(settings.keys.secret_key, Secret)
    assert settings.keys.secret_key.reveal() == FERNET_KEY


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    # Arrange
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment line\n"
        "\n"
        "BULWARK_PORT=9100\n"
        "export BULWARK_HOST=0.0.0.0   # inline comment\n"
        'BULWARK_JWT_ISSUER="quoted # not a comment"\n'
        "BULWARK_JWT_AUDIENCE='single'\n"
        "POSTGRES_PASSWORD=belongs-to-compose\n"
    )

    # Act
    settings = load_settings(variables(port="9200"), env_file=env_file)

    # Assert
    assert settings.core.port == 9200
    assert settings.core.host == "0.0.0.0"
    assert settings.identity.jwt_issuer == "quoted # not a comment"
    assert settings.identity.jwt_audience == "single"


def test_a_missing_env_file_is_ignored(tmp_path: Path) -> None:
    # Act
    settings = load_settings(variables(port="8001"), env_file=tmp_path / "absent.env")

    # Assert
    assert settings.core.port == 8001


def test_a_malformed_env_file_line_is_named_without_its_content(tmp_path: Path) -> None:
    # Arrange
    env_file = tmp_path / ".env"
    env_file.write_text("BULWARK_PORT=1\nthis line leaks hunter2\n")

    # Act
    with pytest.raises(SettingsError) as raised:
        load_settings({}, env_file=env_file)

    # Assert
    assert f"{env_file}:2" in raised.value.message
    assert "hunter2" not in raised.value.message


def test_unknown_bulwark_variable_fails_naming_it() -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        load_settings({"BULWARK_PROT": "8000"}, env_file=None)

    # Assert
    assert "BULWARK_PROT" in raised.value.message
    assert "BULWARK_PORT" in raised.value.message  # the suggestion


def test_unknown_variable_in_env_file_fails_too(tmp_path: Path) -> None:
    # Arrange
    env_file = tmp_path / ".env"
    env_file.write_text("BULWARK_NOT_A_SETTING=1\n")

    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_NOT_A_SETTING"):
        load_settings({}, env_file=env_file)


def test_bulwark_numba_in_the_process_environment_is_not_taken_for_a_setting() -> None:
    # Act: the kernels read it at import; the loader must not refuse the process
    settings = load_settings({"BULWARK_NUMBA": "0"}, env_file=None)

    # Assert
    assert not hasattr(settings, "numba")


def test_bulwark_numba_in_an_env_file_is_refused_saying_where_it_belongs(tmp_path: Path) -> None:
    # Arrange: a .env line would be read after the kernels decided, so it would do nothing
    env_file = tmp_path / ".env"
    env_file.write_text("BULWARK_PORT=8000\nBULWARK_NUMBA=0\n")

    # Act
    with pytest.raises(SettingsError) as raised:
        load_settings({}, env_file=env_file)

    # Assert
    assert f"{env_file}:2" in raised.value.message
    assert "process environment" in raised.value.message


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("port", "eighty", "an integer >= 1 and <= 65535"),
        ("port", "0", "an integer >= 1 and <= 65535"),
        ("port", "65536", "an integer >= 1 and <= 65535"),
        ("workers", "0", "an integer >= 1"),
        ("demo", "maybe", "true or false"),
        ("env", "staging", "one of dev, prod, test"),
        ("log_level", "verbose", "one of debug, error, info, warning"),
        ("broker", "nosuchbroker", "one of alpaca, ccxt, ibkr, paper, tradier"),
        ("kill_switch_deadline_seconds", "-1", "a number > 0"),
        ("kill_switch_deadline_seconds", "inf", "a number > 0 and <= 86400"),
        ("ws_ping_seconds", "nan", "a number > 0"),
        ("access_token_ttl_seconds", "0", "an integer > 0"),
        ("database_url", "mysql://db/bulwark", "postgresql+asyncpg://"),
        ("database_url", "postgresql://db/bulwark", "postgresql+asyncpg://"),
        ("redis_url", "http://cache", "redis://"),
    ],
)
def test_invalid_value_fails_naming_the_variable_and_what_it_expects(
    field: str, text: str, expected: str
) -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        load(**{field: text})

    # Assert
    assert raised.value.message.startswith(env_name(field) + ": expected")
    assert expected in raised.value.message


def test_an_invalid_secret_is_named_but_never_echoed() -> None:
    # Act
    with pytest.raises(SettingsError) as raised:
        load(secret_key="not-a-fernet-key-but-secret")

    # Assert
    assert "BULWARK_SECRET_KEY" in raised.value.message
    assert "not-a-fernet-key-but-secret" not in str(raised.value)


def test_prod_with_everything_it_needs_loads(key_file: Path) -> None:
    # Act
    settings = load(**prod_env(key_file))

    # Assert
    assert settings.core.env == "prod"
    assert settings.identity.jwt_private_key_file == str(key_file)


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ("jwt_private_key_file", "BULWARK_JWT_PRIVATE_KEY_FILE"),
        ("keks", "BULWARK_KEKS"),
    ],
)
def test_prod_requires_a_key_file_and_a_key_encryption_key(
    key_file: Path, missing: str, named: str
) -> None:
    # Arrange
    env = prod_env(key_file)
    del env[missing]

    # Act / Assert
    with pytest.raises(SettingsError, match=named):
        load(**env)


def test_prod_refuses_demo_data(key_file: Path) -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_DEMO"):
        load(**prod_env(key_file, demo="true"))


def test_a_key_file_that_does_not_exist_fails(tmp_path: Path) -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_JWT_PRIVATE_KEY_FILE"):
        load(jwt_private_key_file=str(tmp_path / "absent.pem"))


@pytest.mark.parametrize(
    ("env", "given"),
    [
        ({"market_data": "alpaca"}, {}),
        ({"market_data": "alpaca"}, {"alpaca_key_id": "AK1"}),
        ({"market_data": "alpaca"}, {"alpaca_secret_key": "s"}),
        ({"broker": "alpaca"}, {"alpaca_key_id": "AK1"}),
        ({"broker": "alpaca"}, {"alpaca_secret_key": "s"}),
    ],
)
def test_alpaca_requires_both_keys(env: dict[str, str], given: dict[str, str]) -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY"):
        load(**env, **given)


def test_an_alpaca_broker_without_keys_loads_its_keys_come_from_the_vault() -> None:
    # Act
    settings = load(broker="alpaca")

    # Assert
    assert settings.brokers.broker == "alpaca" and settings.brokers.alpaca_key_id is None


def test_alpaca_with_both_keys_loads() -> None:
    # Act
    settings = load(broker="alpaca", alpaca_key_id="AK1", alpaca_secret_key=ALPACA_SECRET)

    # Assert
    assert settings.brokers.broker == "alpaca"
    assert settings.brokers.alpaca_secret_key is not None
    assert settings.brokers.alpaca_secret_key.reveal() == ALPACA_SECRET


def test_access_tokens_must_die_before_refresh_tokens() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_ACCESS_TOKEN_TTL_SECONDS"):
        load(access_token_ttl_seconds="86400", refresh_token_ttl_days="1")


def test_several_workers_need_a_shared_database() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_WORKERS"):
        load(workers="2", database_url="memory://")
    assert load(workers="2", database_url="sqlite+aiosqlite:///x.db").core.workers == 2


def test_cors_origins_must_be_origins() -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="BULWARK_CORS_ORIGINS"):
        load(cors_origins="https://ok.example.com,javascript:alert(1)")


def test_secret_never_prints() -> None:
    # Arrange
    secret = Secret(ALPACA_SECRET)

    # Act
    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", repr([secret])]

    # Assert
    assert all(ALPACA_SECRET not in text for text in shown)
    assert repr(secret) == str(secret) == "***"
    assert secret.reveal() == ALPACA_SECRET


def test_secret_cannot_be_pickled_or_encoded_but_can_be_copied() -> None:
    # Arrange
    secret = Secret(ALPACA_SECRET)

    # Act / Assert
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        msgspec.json.encode(secret)
    assert copy.deepcopy(secret) == secret
    assert Secret("a") != Secret("b")


def test_settings_repr_and_redacted_hide_every_secret(key_file: Path) -> None:
    # Arrange
    settings = load(
        **prod_env(
            key_file,
            database_url="postgresql+asyncpg://bulwark:db-password-91@db:5432/bulwark",
            redis_url="redis://:redis-password-42@cache:6379/0",
        ),
        alpaca_key_id="AKID-secret-id",
        alpaca_secret_key=ALPACA_SECRET,
        secret_key=FERNET_KEY,
    )

    # Act
    shown = repr(settings) + str(settings)
    redacted = settings.redacted()
    dumped = msgspec.json.encode(redacted).decode()

    # Assert
    for secret in (FERNET_KEY, ALPACA_SECRET, "AKID-secret-id", KEKS.split()[2]):
        assert secret not in shown
        assert secret not in dumped
    assert "db-password-91" not in dumped
    assert "redis-password-42" not in dumped
    assert redacted["secret_key"] == "***"
    assert redacted["keks"] == "***"
    assert redacted["alpaca_secret_key"] == "***"
    assert redacted["database_url"] == "postgresql+asyncpg://bulwark:***@db:5432/bulwark"
    assert redacted["port"] == 8000
    assert set(redacted) == set(FLAT_FIELDS)


def test_redacted_shows_unset_secrets_as_none() -> None:
    # Act
    redacted = load().redacted()

    # Assert
    assert redacted["secret_key"] is None
    assert redacted["cors_origins"] == []


def test_env_example_lists_every_setting_with_its_default(tmp_path: Path) -> None:
    # Arrange
    assignments = re.findall(r"^# (BULWARK_[A-Z0-9_]+=.*)$", EXAMPLE.read_text(), re.MULTILINE)
    env_file = tmp_path / ".env"
    env_file.write_text("\n".join(assignments) + "\n")

    # Act
    settings = load_settings({}, env_file=env_file)

    # Assert
    assert sorted(a.split("=")[0] for a in assignments) == sorted(env_name(f) for f in FLAT_FIELDS)
    assert settings == Settings()


def test_prod_no_longer_needs_the_legacy_fernet_key(key_file: Path) -> None:
    # Act
    settings = load(**prod_env(key_file))

    # Assert
    assert settings.keys.secret_key is None


@pytest.mark.parametrize(
    ("keks", "named"),
    [
        ("main 1 not-base64!", "key is not base64"),
        ("main 1 " + base64.b64encode(b"short").decode(), "must be 32 bytes"),
        ("main x " + base64.b64encode(bytes(32)).decode(), "version must be"),
        ("# nothing", "lists no key-encryption key"),
    ],
)
def test_a_bad_kek_is_refused_in_one_line_without_key_bytes(keks: str, named: str) -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match=named) as caught:
        load(keks=keks)
    assert "\n" not in str(caught.value)
    assert "not-base64" not in str(caught.value)


def test_a_kek_file_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    # Act / Assert
    with pytest.raises(SettingsError, match="cannot read key file"):
        load(keks_file=str(tmp_path / "absent.keys"))


def test_inline_keks_and_a_kek_file_together_are_refused(tmp_path: Path) -> None:
    # Arrange
    path = tmp_path / "keks"
    path.write_text(KEKS + "\n")

    # Act / Assert
    with pytest.raises(SettingsError, match="not both"):
        load(keks=KEKS, keks_file=str(path))
