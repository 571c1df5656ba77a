"""`bulwark` console: serve, consume, migrate, create-user, users, invite, set-passcode, ..."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import importlib
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from application.core.audit_context import audit_context
from bootstrap import (
    cli_accounts,
    cli_audit,
    cli_bars,
    cli_config,
    cli_doctor,
    cli_drill,
    cli_fear_greed,
    cli_keys,
    cli_kyc,
    cli_mcp,
    cli_models,
    cli_notifications,
    cli_options,
    cli_orders,
    cli_perf,
    cli_rebalance,
    cli_retirement,
    cli_serve,
    cli_surveil,
    cli_vault,
)
from bootstrap.cli_preflight import refuse_kafka, refuse_store
from bootstrap.cli_serve import EXIT_REFUSED, EXIT_USAGE
from bootstrap.cli_users import add_user_commands, run_user_command
from bootstrap.cli_users_named import principal_named
from bootstrap.contexts import COMMAND_CONTEXTS
from bootstrap.settings import Settings, SettingsError, load_settings
from bootstrap.tracing import choose_tracing
from domain.errors import DomainError
from domain.numbers import InvalidNumber, NumberSpec
from domain.principals import Role

if TYPE_CHECKING:  # loaded when a command needs it: `bulwark consume` joins its group first
    from bootstrap.containers.commands import Contexts

MEMORY_REFUSED = (
    "bulwark: BULWARK_DATABASE_URL is memory://, whose state lives only inside one process. "
    "Use `bulwark serve --demo` (or `make run DEMO=1`), or point BULWARK_DATABASE_URL at a "
    "database."
)
CREATABLE_ROLES = [r.value for r in Role if r not in (Role.AGENT, Role.SYSTEM)]


_PORT = NumberSpec("port", "A TCP port", Decimal(1), Decimal(65_535), places=0, integer=True)


def port_number(text: str) -> int:
    """argparse's type for --port: the boundary's strict parser (int() would take "8_000")."""
    try:
        return _PORT.parse_int(text, "--port")
    except InvalidNumber as exc:
        raise argparse.ArgumentTypeError(exc.reason) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulwark", description=__doc__)
    parser.add_argument(
        "--env-file",
        help="a .env file, which must exist (default: .env when there is one; '' for none)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API (uvicorn)")
    serve.add_argument("--host", help="overrides BULWARK_HOST")
    serve.add_argument("--port", type=port_number, help="overrides BULWARK_PORT")
    serve.add_argument("--demo", action="store_true", help="load demo data at start")
    serve.add_argument(
        "--migrate",
        action="store_true",
        help="bring the store's schema to the latest version first, as `bulwark migrate`",
    )
    sub.add_parser("migrate", help="bring the store's schema to the latest version")
    sub.add_parser(
        "consume", help="run the Kafka command consumers (needs BULWARK_KAFKA_BOOTSTRAP)"
    )
    user = sub.add_parser(
        "create-user", help="create a user (password read from stdin or a prompt)"
    )
    user.add_argument("username", help="the new user's sign-in name")
    user.add_argument(
        "--role", choices=CREATABLE_ROLES, default=Role.OWNER.value, help="the user's role (owner)"
    )
    user.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    user.add_argument("--email", help="where the user's notifications go (optional)")
    key = sub.add_parser("create-agent-key", help="create an API key for an agent (shown once)")
    key.add_argument("agent_id", help="the agent's id, as its heartbeats and orders name it")
    key.add_argument("--owner", required=True, help="username of the agent's owner")
    key.add_argument("--label", default="", help="a note to tell the key apart (optional)")
    key.add_argument(
        "--scope",
        action="append",
        choices=["read", "trade", "halt"],
        help="what the key may do, repeated (read, trade, halt); all three when left out",
    )
    passcode = sub.add_parser("set-passcode", help="set a user's kill-switch passcode")
    passcode.add_argument("username", help="whose passcode to set")
    passcode.add_argument(
        "--passcode-stdin", action="store_true", help="read the passcode from stdin (no prompt)"
    )
    sub.add_parser("demo-data", help="load demo users, account, instruments, prices and an agent")
    sub.add_parser("tour", help="run the embedded core end to end, without a server")
    add_user_commands(sub)
    cli_perf.add_parsers(sub)
    from bootstrap.cli_backtest import add_parser as add_backtest

    add_backtest(sub)
    cli_accounts.add_parsers(sub)  # accounts ..., instruments ... (bootstrap/cli_accounts.py)
    cli_keys.add_parser(sub)  # keys generate|status|rotate|retire (bootstrap/cli_keys.py)
    cli_kyc.add_parser(sub)  # kyc purge (bootstrap/cli_kyc.py)
    cli_audit.add_parsers(sub)  # audit verify / head (bootstrap/cli_audit.py)
    cli_orders.add_parser(sub)  # orders export (bootstrap/cli_orders.py): attribution
    cli_vault.add_parser(sub)  # vault list|test|expiring (bootstrap/cli_vault.py)
    cli_notifications.add_parser(sub)  # notifications dead|replay|send-test|dispatch
    cli_options.add_parser(sub)  # options record-iv (bootstrap/cli_options.py)
    cli_models.add_parser(sub)  # models build|list (bootstrap/cli_models.py)
    cli_surveil.add_parser(sub)  # surveil (bootstrap/cli_surveil.py)
    cli_fear_greed.add_parser(sub)  # fear-greed record (bootstrap/cli_fear_greed.py)
    cli_drill.add_parser(sub)  # drill kill-switch|venues (bootstrap/cli_drill*.py): in-process
    cli_bars.add_parser(sub)  # bars backfill (bootstrap/cli_bars.py): the bar store, no SQL
    cli_retirement.add_parser(sub)  # retirement limits|rmd (bootstrap/cli_retirement.py)
    cli_rebalance.add_parser(sub)  # rebalance drift|propose|execute|autopilot
    cli_doctor.add_parser(sub)  # doctor (bootstrap/cli_doctor.py): every dependency checked
    cli_config.add_parser(sub)  # config show (bootstrap/cli_config.py): settings, redacted
    cli_mcp.add_parser(sub)  # mcp (bootstrap/cli_mcp.py): the agents' MCP server on stdio
    for name in COMMAND_CONTEXTS:  # each context's own commands (bootstrap/commands/)
        _context_commands(name).add_parser(sub)
    return parser


def _context_commands(name: str) -> ModuleType:
    return importlib.import_module(f"bootstrap.commands.{name}")


def _secret(prompt: str, from_stdin: bool, stdin: TextIO) -> str:
    """Secrets never come from argv (visible in `ps`): stdin or an interactive prompt."""
    if from_stdin:
        return stdin.readline().rstrip("\n")
    return getpass.getpass(prompt)


async def run_command(
    args: argparse.Namespace,
    container: Contexts,
    *,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
) -> int:
    """Run one store command against a container (tests pass their own)."""
    try:
        # Audit entries this command causes carry a request id naming it (and no IP).
        with audit_context(f"cli:{args.command}:{os.urandom(6).hex()}"):
            return await _run(args, container, stdin, out)
    finally:
        from bootstrap.order_audit import chained_after_command

        await chained_after_command(container)  # placed orders' audit entries in the journal
        if container.core.store_kind() == "sql":
            await container.core.engine().dispose()


async def _run(args: argparse.Namespace, container: Contexts, stdin: TextIO, out: TextIO) -> int:
    if args.command == "migrate":
        return await _migrate(container, out)
    if args.command == "create-user":
        password = _secret("Password: ", args.password_stdin, stdin)
        view = await container.core.auth().create_user(
            args.username, password, Role(args.role), email=args.email
        )
        print(f"created user {view.username} ({view.role.value}) id={view.id}", file=out)
        return 0
    if args.command == "create-agent-key":
        owner = await principal_named(container, args.owner)
        created = await container.core.api_keys().create(
            owner, args.agent_id, args.label, args.scope
        )
        print(f"key id: {created.key_id}\nscopes: {' '.join(created.scopes)}", file=out)
        print(f"api key (shown once): {created.api_key}", file=out)
        return 0
    if args.command == "set-passcode":
        principal = await principal_named(container, args.username)
        code = _secret("Kill-switch passcode: ", args.passcode_stdin, stdin)
        await container.safety.killswitch().set_passcode(principal, code)
        print(f"passcode set for {args.username}", file=out)
        return 0
    if args.command == cli_kyc.COMMAND:
        return await cli_kyc.run(args, container, out)
    if args.command == cli_vault.COMMAND:
        return await cli_vault.run(args, container, out)
    if args.command == cli_notifications.COMMAND:
        return await cli_notifications.run(args, container, out)
    if args.command == cli_options.COMMAND:
        return await cli_options.run(args, container, out)
    if args.command == cli_fear_greed.COMMAND:
        return await cli_fear_greed.run(args, container, out)
    if args.command in cli_audit.COMMANDS:
        return await cli_audit.run(args, container, out)
    if args.command == cli_orders.COMMAND:
        return await cli_orders.run(args, container, out)
    if args.command == cli_rebalance.COMMAND:
        return await cli_rebalance.run(args, container, out)
    if args.command == cli_drill.COMMAND:  # schedule ..., runs: the drills in the store
        from bootstrap import cli_drill_schedules

        return await cli_drill_schedules.run(args, container, out)
    if args.command in cli_accounts.COMMANDS:
        return await cli_accounts.run(args, container, out)
    if args.command == "demo-data":
        from bootstrap.demo import load_demo

        demo = await load_demo(container)
        print(f"demo account {demo.account_id} ready", file=out)
        if demo.agent_key is not None:
            print(f"demo agent api key (shown once): {demo.agent_key.api_key}", file=out)
        return 0
    handled = await run_user_command(args, container, out)
    if handled is not None:
        return handled
    if args.command == "snapshots":
        return await cli_perf.run(args, container, out)
    if args.command == "backtest":
        from bootstrap.cli_backtest import run_backtest

        return await run_backtest(args, container, out)
    if args.command == "keys":
        return await cli_keys.run(args, container, out)
    if args.command in COMMAND_CONTEXTS:
        result: int = await _context_commands(args.command).run(args, container, out)
        return result
    raise SettingsError(f"unknown command {args.command}")


async def _migrate(container: Contexts, out: TextIO) -> int:
    settings = container.settings()
    store = settings.store.database_url.split("://", 1)[0]
    if container.core.store_kind() == "memory":
        print(f"store {store}: nothing to migrate (the in-memory store has no schema)", file=out)
        return 0
    from adapters.postgres import migrate

    prepare_sqlite_path(settings.store.database_url)
    engine = container.core.engine()
    before = await migrate.current(engine)
    await migrate.upgrade(engine)
    after = await migrate.current(engine)
    change = "already current" if before == after else f"{before or 'empty'} -> {after}"
    print(f"store {store}: schema at {after} ({change})", file=out)
    return 0


def prepare_sqlite_path(url: str) -> None:
    """Create the folder of an embedded SQLite file (var/ on a fresh checkout)."""
    prefix = "sqlite+aiosqlite:///"
    if url.startswith(prefix) and ":memory:" not in url:
        Path(url[len(prefix) :]).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _env_file(given: str | None) -> str | None:
    """The .env file to read: the default .env only when there is one; one given must exist."""
    if given is None:
        return ".env"  # optional: load_settings skips it when it is not there
    if given and not Path(given).is_file():
        what = "is not a file" if Path(given).exists() else "does not exist"
        raise SettingsError(f"the env file {given} {what}")
    return given or None


def _reads_sql_bars(args: argparse.Namespace, settings: Settings) -> bool:
    """`bars ...` and `models train-signal` read the bar store, the database's when it is sql."""
    reads_bars = args.command == cli_bars.COMMAND or (
        args.command == "models" and args.verb == "train-signal"
    )
    return reads_bars and settings.market_data.bars_store == "sql"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `bulwark config show | head`: the reader had enough, no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing flushes at exit
        return EXIT_BROKEN_PIPE


EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer killed by SIGPIPE (128 + 13)


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == cli_mcp.COMMAND:  # a client of a Bulwark elsewhere: no settings, no store
        return cli_mcp.run(args)
    try:
        env_file = _env_file(args.env_file)
        settings = load_settings(env_file=env_file)
        choose_tracing(settings)  # the standard OTEL_* variables vetted with the settings
    except SettingsError as exc:
        print(f"bulwark: configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == cli_doctor.COMMAND:  # checks the store itself: before refuse_store
        return cli_doctor.run(args, settings, sys.stdout)
    if args.command == cli_config.COMMAND:  # the settings alone
        return cli_config.run(args, settings, env_file, sys.stdout)
    if _reads_sql_bars(args, settings):  # BULWARK_BARS_STORE=sql: the store checked first
        refused = refuse_store(settings)
        if refused is not None:
            return refused
    if args.command == "models":  # files only (train-signal: the bar store), no server
        return cli_models.run(args, settings)
    if args.command == cli_drill.COMMAND and cli_drill.in_process(args):  # no store, no server
        return cli_drill.run(args, sys.stdout)
    if args.command == cli_retirement.COMMAND:  # calculations: no store
        return cli_retirement.run(args, sys.stdout)
    if args.command == cli_bars.COMMAND:  # the bar store and a provider: no SQL store
        return cli_bars.run(args, settings, sys.stdout, sys.stderr)
    if args.command == "tour":
        from bootstrap.tour import tour

        asyncio.run(tour())
        return 0
    if args.command == "keys" and args.keys_command == "generate":
        return cli_keys.generate(settings, sys.stdout)  # reads the KEK settings, no store
    if args.command in ("consume", cli_surveil.COMMAND) and settings.store.database_url.startswith(
        "memory://"
    ):
        print(MEMORY_REFUSED, file=sys.stderr)
        return EXIT_REFUSED
    if args.command == "consume":
        return cli_serve.consume(settings)
    if args.command == cli_surveil.COMMAND:  # the detectors over the events topic
        refused = refuse_store(settings) or refuse_kafka(settings)
        if refused is not None:
            return refused
        from bootstrap.early_join import KafkaRefused

        try:
            return cli_surveil.run(settings, args.until_caught_up)
        except KafkaRefused as exc:  # the brokers went away after the check: the same line
            print(f"bulwark: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        except SettingsError as exc:
            print(f"bulwark: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.command == "serve":
        return cli_serve.serve(args, settings)
    if settings.store.database_url.startswith("memory://") and args.command != "migrate":
        print(MEMORY_REFUSED, file=sys.stderr)
        return EXIT_REFUSED
    # The store checked as `bulwark serve` checks it: one line, and no SQLite file created
    # (connecting would create it) by any command but migrate.
    refused = refuse_store(settings, migrating=args.command == "migrate")
    if refused is not None:
        return refused
    from bootstrap.containers.commands import CommandContainers
    from bootstrap.logging import configure_logging

    configure_logging(settings.core.log_level, settings.core.log_format)
    try:
        # Only the contexts the command reads are built (bootstrap/containers/commands.py);
        # sys.stdout as it is now (a default argument would keep the one at import time).
        return asyncio.run(run_command(args, CommandContainers(settings), out=sys.stdout))
    except (DomainError, SettingsError) as exc:
        print(f"bulwark: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:  # `bulwark backtest` canceled its run and said so
        return 130


if __name__ == "__main__":
    sys.exit(main())
