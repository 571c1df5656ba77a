"""The `bulwark` console: store commands run against a container; secrets never from argv."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bootstrap.cli import _parser, main
from bootstrap.cli_preflight import EXIT_REFUSED
from bootstrap.containers.application import ApplicationContainer, build_container
from domain.principals import Principal, Role
from tests.kit.cli import cli_container, run_cli, sqlite_settings


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    """The embedded default store (a SQLite file), migrated by the CLI itself."""
    async with cli_container(
        sqlite_settings(tmp_path / "var" / "bulwark.db"), from_template=False, fast_hashing=True
    ) as c:
        yield c


async def test_create_user_reads_the_password_from_stdin_and_can_log_in(
    container: ApplicationContainer,
) -> None:
    # Act
    code, output = await run_cli(
        container, "create-user", "alice", "--role", "trader", "--password-stdin",
        stdin="a-long-password-1\n",
    )  # fmt: skip

    # Assert
    assert code == 0
    assert "created user alice (trader)" in output
    assert "a-long-password-1" not in output
    tokens = await container.core.auth().login("alice", "a-long-password-1")
    session = await container.core.auth().authenticate(tokens.access_token)
    assert session.principal.role is Role.TRADER


def test_create_user_has_no_password_argument() -> None:
    # Act / Assert: argparse refuses a password on the command line (it would show in `ps`)
    with pytest.raises(SystemExit):
        _parser().parse_args(["create-user", "alice", "--password", "x"])


async def test_set_passcode_then_the_kill_switch_accepts_it(
    container: ApplicationContainer,
) -> None:
    # Arrange
    await run_cli(container, "create-user", "owner", "--password-stdin", stdin="owner-password-1\n")

    # Act
    code, output = await run_cli(
        container, "set-passcode", "owner", "--passcode-stdin", stdin="pull-the-plug\n"
    )

    # Assert
    assert code == 0
    assert "pull-the-plug" not in output
    async with container.core.uow_factory()() as uow:
        user = await uow.users.by_username("owner")
        stored = await uow.passcodes.get(user.id if user else "")
    assert stored is not None
    assert stored != "pull-the-plug"
    assert container.core.hasher().verify(stored, "pull-the-plug")


async def test_demo_data_then_create_agent_key_for_the_demo_agent(
    container: ApplicationContainer,
) -> None:
    # Arrange
    code, output = await run_cli(container, "demo-data")
    assert code == 0
    assert "demo agent api key (shown once): bwk_" in output

    # Act
    code, output = await run_cli(container, "create-agent-key", "demo-agent", "--owner", "demo")

    # Assert
    assert code == 0
    api_key = output.split("api key (shown once): ", 1)[1].strip()
    principal = await container.core.api_keys().authenticate(api_key)
    assert principal == Principal("demo-agent", Role.AGENT)


async def test_demo_data_includes_a_viewer_who_logs_in_read_only(
    container: ApplicationContainer,
) -> None:
    # Act
    code, _ = await run_cli(container, "demo-data")
    tokens = await container.core.auth().login("viewer", "viewer-password-1")

    # Assert
    assert code == 0
    session = await container.core.auth().authenticate(tokens.access_token)
    assert session.principal.role is Role.VIEWER


async def test_demo_data_twice_changes_nothing_the_second_time(
    container: ApplicationContainer,
) -> None:
    # Arrange
    await run_cli(container, "demo-data")

    # Act
    code, output = await run_cli(container, "demo-data")

    # Assert
    assert code == 0
    assert "api key" not in output
    async with container.core.uow_factory()() as uow:
        assert len(await uow.accounts.list()) == 1


def test_store_commands_refuse_the_in_memory_store_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")

    # Act
    code = main(["--env-file", "", "demo-data"])

    # Assert
    assert code == EXIT_REFUSED
    assert "bulwark serve --demo" in capsys.readouterr().err


def test_a_bad_setting_stops_the_cli_naming_the_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_PORT", "not-a-port")

    # Act
    code = main(["--env-file", "", "migrate"])

    # Assert
    assert code == 2
    assert "BULWARK_PORT" in capsys.readouterr().err


async def test_migrate_twice_reports_the_schema_already_current(
    container: ApplicationContainer,
) -> None:
    # Act
    code, output = await run_cli(container, "migrate")

    # Assert
    assert code == 0
    assert "already current" in output


async def test_what_the_cli_writes_is_there_for_the_next_process(
    container: ApplicationContainer,
) -> None:
    # Arrange
    await run_cli(container, "create-user", "bob", "--password-stdin", stdin="bob-password-12\n")
    settings = container.settings()

    # Act: a fresh container on the same file, as a restarted process would build
    again = build_container(settings)
    try:
        tokens = await again.core.auth().login("bob", "bob-password-12")
    finally:
        await again.core.engine().dispose()

    # Assert
    assert tokens.access_token


@pytest.mark.parametrize("port", ["8_000", " 8000", "٨٠٠٠", "8000.5", "0", "65536", "1e100000000"])
def test_a_port_outside_the_strict_syntax_or_its_range_is_a_usage_error(port: str) -> None:
    # Act / Assert: argparse exits 2 (usage); int() would have taken "8_000" and "٨٠٠٠"
    with pytest.raises(SystemExit) as caught:
        _parser().parse_args(["serve", "--port", port])
    assert caught.value.code == 2


@pytest.mark.parametrize(("port", "expected"), [("8000", 8000), ("8e3", 8000), ("+443", 443)])
def test_a_port_in_plain_decimal_text_is_parsed(port: str, expected: int) -> None:
    # Act
    args = _parser().parse_args(["serve", "--port", port])

    # Assert
    assert args.port == expected


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


@pytest.mark.parametrize("argv", [["users", "list"], ["demo-data"]])
def test_an_admin_command_on_a_missing_sqlite_file_says_so_and_creates_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    # Arrange
    store = tmp_path / "bulwark.db"
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(store))

    # Act
    code = main(["--env-file", "", *argv])

    # Assert
    err = capsys.readouterr().err
    assert code == EXIT_REFUSED
    assert err == (
        f"bulwark: the SQLite file {store} does not exist yet: run `bulwark migrate` first "
        "(it creates the file and its schema), or check BULWARK_DATABASE_URL\n"
    )
    assert not store.exists()


def test_a_backfill_into_the_sql_bar_store_checks_the_store_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    store = tmp_path / "bulwark.db"
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(store))
    monkeypatch.setenv("BULWARK_BARS_STORE", "sql")
    backfill = ["bars", "backfill", "--provider", "synthetic", "--symbols", "AAPL"]

    # Act
    code = main(["--env-file", "", *backfill, "--from", "2024-01-02", "--to", "2024-01-03"])

    # Assert
    assert code == EXIT_REFUSED
    assert "run `bulwark migrate` first" in capsys.readouterr().err
    assert not store.exists()


def test_an_admin_command_on_a_never_migrated_sqlite_file_says_to_migrate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    store = tmp_path / "empty.db"
    store.touch()
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(store))

    # Act
    code = main(["--env-file", "", "users", "list"])

    # Assert
    err = capsys.readouterr().err.splitlines()
    assert code == EXIT_REFUSED
    assert len(err) == 1
    assert err[0].startswith("bulwark: the database schema is at nothing (empty database)")
    assert err[0].endswith("run `bulwark migrate` first")


def test_an_admin_command_on_an_unreachable_postgres_names_its_address_and_why(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: nothing listens on port 1
    monkeypatch.setenv(
        "BULWARK_DATABASE_URL", "postgresql+asyncpg://bulwark:hunter2@127.0.0.1:1/bulwark"
    )
    monkeypatch.setenv("BULWARK_DB_POOL_TIMEOUT_SECONDS", "2")

    # Act
    code = main(["--env-file", "", "users", "list"])

    # Assert
    err = capsys.readouterr().err.splitlines()
    assert code == EXIT_REFUSED
    assert len(err) == 1
    assert err[0].startswith(
        "bulwark: cannot reach the database at "
        "postgresql+asyncpg://bulwark:***@127.0.0.1:1/bulwark: "
    )
    assert "hunter2" not in err[0]


def test_migrate_creates_the_missing_sqlite_file_then_admin_commands_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    store = tmp_path / "var" / "bulwark.db"
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(store))

    # Act
    migrated = main(["--env-file", "", "migrate"])
    listed = main(["--env-file", "", "users", "list"])

    # Assert
    assert (migrated, listed) == (0, 0)
    assert store.is_file()
    assert capsys.readouterr().out.endswith("id\tusername\trole\tactive\tmfa\temail\n")


def test_a_given_env_file_that_does_not_exist_is_one_line_and_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Arrange
    missing = tmp_path / "prod.env"

    # Act
    code = main(["--env-file", str(missing), "users", "list"])

    # Assert
    assert code == 2
    assert capsys.readouterr().err == (
        f"bulwark: configuration error: the env file {missing} does not exist\n"
    )


def test_the_default_env_file_stays_optional(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: no .env where the command runs
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(tmp_path / "bulwark.db"))

    # Act
    code = main(["users", "list"])

    # Assert: past the settings, stopped by the (missing) store
    assert code == EXIT_REFUSED
    assert "configuration error" not in capsys.readouterr().err


def test_serve_on_a_port_given_with_port_that_is_in_use_names_the_flag(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: another socket listens on the port
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]

        # Act
        code = main(["--env-file", "", "serve", "--host", "127.0.0.1", "--port", str(taken)])

    # Assert
    assert code == EXIT_REFUSED
    assert capsys.readouterr().err == (
        f"bulwark: port {taken} on 127.0.0.1 (--port) is already in use: stop what listens "
        "there, or pass a free port to --port\n"
    )


def test_serve_refuses_a_kill_switch_port_that_is_the_apis(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    monkeypatch.setenv("BULWARK_PORT", "18000")
    monkeypatch.setenv("BULWARK_KILL_SWITCH_PORT", "18000")

    # Act
    code = main(["--env-file", "", "serve"])

    # Assert
    assert code == EXIT_REFUSED
    assert capsys.readouterr().err == (
        "bulwark: BULWARK_KILL_SWITCH_PORT is 18000, the API's port too (BULWARK_PORT): "
        "the kill switch's lane listens on a port of its own; set another\n"
    )


@pytest.mark.parametrize("command", ["serve", "consume", "surveil"])
def test_a_kafka_no_broker_answers_is_one_line_before_the_start(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    # Arrange: a migrated store, and Kafka configured where nothing listens
    store = tmp_path / "bulwark.db"
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(store))
    assert main(["--env-file", "", "migrate"]) == 0
    capsys.readouterr()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nobody = closed.getsockname()[1]
    monkeypatch.setenv("BULWARK_KAFKA_BOOTSTRAP", f"127.0.0.1:{nobody}")

    # Act
    code = main(["--env-file", "", command])

    # Assert
    err = capsys.readouterr().err
    assert code == EXIT_REFUSED
    assert err == (
        f"bulwark: cannot reach Kafka at 127.0.0.1:{nobody} (BULWARK_KAFKA_BOOTSTRAP): could "
        "not connect to any broker; start it, or unset BULWARK_KAFKA_BOOTSTRAP to run without "
        "Kafka\n"
    )


def test_a_standard_otel_variable_bulwark_cannot_use_is_a_configuration_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Arrange: no Bulwark endpoint, so the standard sampler variable applies
    monkeypatch.delenv("BULWARK_OTLP_ENDPOINT", raising=False)
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318")
    monkeypatch.setenv("OTEL_TRACES_SAMPLER", "jaeger_remote")

    # Act
    code = main(["--env-file", "", "users", "list"])

    # Assert
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("bulwark: configuration error: OTEL_TRACES_SAMPLER: expected one of")
    assert err.count("\n") == 1


class _Member:
    """What consume's early join hands over, without a broker."""

    made_topics = True

    def __init__(self) -> None:
        self.joined = self.closed = False

    def join(self) -> None:
        self.joined = True

    async def close(self) -> None:
        self.closed = True


def test_consume_checks_the_store_and_the_brokers_once_each_before_it_starts(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: a migrated store; the brokers' check and the consumers themselves stubbed
    import bootstrap.consume
    import bootstrap.early_join
    import bootstrap.storage

    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(tmp_path / "bulwark.db"))
    assert main(["--env-file", "", "migrate"]) == 0
    monkeypatch.setenv("BULWARK_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    checked: list[str] = []
    member = _Member()
    store_check = bootstrap.storage.store_problem

    async def store_problem(*args: object, **kwargs: object) -> str | None:
        checked.append("store")
        return await store_check(*args, **kwargs)  # type: ignore[arg-type]

    async def connect(settings: object) -> _Member:
        checked.append("kafka")
        return member

    async def consume(container: object, early: object) -> None:
        assert early is member and member.joined

    monkeypatch.setattr(bootstrap.storage, "store_problem", store_problem)
    monkeypatch.setattr(bootstrap.early_join.EarlyMember, "connect", connect)
    monkeypatch.setattr(bootstrap.consume, "build_container", lambda settings: None)
    monkeypatch.setattr(bootstrap.consume, "consume", consume)
    capsys.readouterr()

    # Act
    code = main(["--env-file", "", "consume"])

    # Assert
    assert code == 0, capsys.readouterr().err
    assert sorted(checked) == ["kafka", "store"]
    assert member.closed


def test_consume_without_kafka_configured_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: a migrated store, no brokers
    monkeypatch.setenv("BULWARK_DATABASE_URL", sqlite_url(tmp_path / "bulwark.db"))
    monkeypatch.delenv("BULWARK_KAFKA_BOOTSTRAP", raising=False)
    assert main(["--env-file", "", "migrate"]) == 0
    capsys.readouterr()

    # Act
    code = main(["--env-file", "", "consume"])

    # Assert
    assert code == 2
    assert capsys.readouterr().err == "bulwark: `bulwark consume` needs BULWARK_KAFKA_BOOTSTRAP\n"
