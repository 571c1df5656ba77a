"""`bulwark accounts ...` and `bulwark instruments ...`: the API's account and reference data
use cases from the console, against the store the settings name.

Accounts act as their owner (`--owner USERNAME`); instrument imports act as the console's
admin principal ("cli"), recorded so in the audit log. A paper account's broker book lives in
the serving process, so only that process can sync it (POST /api/v1/accounts/{id}/sync).
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from application.trading.instrument_csv import MAX_BYTES, InvalidImport
from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.cli_users_named import principal_named
from bootstrap.settings import SettingsError
from domain.principals import Principal, Role
from domain.trading.account_profile import AccountStatus, AccountType, TradingType

if TYPE_CHECKING:  # the use cases load when a command runs: `bulwark consume` starts fast
    from application.trading.accounts import AccountView
    from application.trading.instrument_catalog import ImportReport
    from bootstrap.containers.commands import Contexts

EXIT_REFUSED = 3
CLI_ADMIN = Principal("cli", Role.ADMIN)
COMMANDS = frozenset({"accounts", "instruments"})


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `accounts` and `instruments` commands, on the console's subparsers."""
    accounts = sub.add_parser(
        "accounts", help="open, list, close, archive and sync accounts; set options levels"
    )
    verbs = accounts.add_subparsers(dest="verb", required=True)
    create = verbs.add_parser("create", help="open an account for a user")
    create.add_argument("--owner", required=True, help="username of the account's owner")
    create.add_argument("--name", required=True, help="the account's display name")
    create.add_argument(
        "--broker",
        choices=["paper", "alpaca", "ccxt", "tradier", "ibkr"],
        default="paper",
        help="where its orders go",
    )
    create.add_argument("--currency", default="USD", help="ISO 4217 base currency")
    create.add_argument(
        "--type",
        dest="account_type",
        choices=[t.value for t in AccountType],
        default="taxable",
        help="the account's tax treatment (taxable)",
    )
    create.add_argument(
        "--trading", choices=[t.value for t in TradingType], default="margin", help="margin|cash"
    )
    create.add_argument("--cash", help="initial cash of a paper account")
    listing = verbs.add_parser("list", help="a user's accounts")
    listing.add_argument("--owner", required=True, help="username of the accounts' owner")
    listing.add_argument(
        "--status", choices=[s.value for s in AccountStatus], help="only accounts in this state"
    )
    add_json_flag(listing)
    for verb, what in (
        ("close", "close an account (nothing may be held)"),
        ("archive", "archive an account (nothing may be held)"),
        ("sync", "import cash, positions and open orders from the account's broker"),
    ):
        command = verbs.add_parser(verb, help=what)
        command.add_argument("account_id", help="the account's id")
        command.add_argument("--owner", required=True, help="username of the account's owner")
    level = verbs.add_parser(
        "options-level", help="set an account's options approval level (docs/account-rules.md)"
    )
    level.add_argument("account_id", help="the account's id")
    level.add_argument("--owner", required=True, help="username of the account's owner")
    level.add_argument(
        "--level",
        required=True,
        choices=["0", "1", "2", "3", "4", "none"],
        help="0 none, 1 covered, 2 long options, 3 spreads, 4 uncovered; none: not checked",
    )
    instruments = sub.add_parser("instruments", help="import instrument reference data")
    kinds = instruments.add_subparsers(dest="verb", required=True)
    from_file = kinds.add_parser("import", help="import a CSV file (all rows or none)")
    from_file.add_argument(
        "file", type=Path, help="the CSV file (docs/accounts.md has its columns)"
    )
    alpaca = kinds.add_parser("import-alpaca", help="import Alpaca's active US equities")
    alpaca.add_argument("--account", help="use this account's linked Alpaca keys")
    sec_list = kinds.add_parser(
        "import-13f-list",
        help="import the SEC's Official List of Section 13(f) Securities (replaces the last)",
    )
    sec_list.add_argument(
        "file", type=Path, help="the quarter's list as the SEC's text file (13flistYYYYqN.txt)"
    )
    sec_list.add_argument(
        "--period", help="the list's quarter, as 2025 Q1 (default: the one the file names)"
    )


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    """Run an `accounts` or `instruments` command; errors raise (the console prints one line)."""
    if args.command == "instruments":
        return await _instruments(args, container, out)
    owner = await principal_named(container, args.owner)
    if args.verb == "create":
        from application.trading.account_admin import OpenAccount

        command = OpenAccount(
            owner,
            args.name,
            args.broker,
            args.currency,
            AccountType(args.account_type),
            TradingType(args.trading),
            _cash(args.cash),
        )
        # Live trading adds the default limits to every new account (when built: a command
        # builds only the contexts it reads).
        _ = container.live_trading
        account = await container.trading.account_admin().open(command)
        print(f"created account {account.id} ({account.name}, {account.broker})", file=out)
        return 0
    if args.verb == "list":
        status = AccountStatus(args.status) if args.status else None
        views = await container.trading.accounts().list_accounts(owner, status)
        if args.json:
            print_json([account_record(view) for view in views], out)
            return 0
        for view in views:
            print(
                f"{view.id}\t{view.name}\t{view.broker}\t{view.account_type.value}\t"
                f"{view.trading_type.value}\t{view.status.value}\t{view.cash} {view.currency}",
                file=out,
            )
        return 0
    if args.verb == "options-level":
        level = None if args.level == "none" else int(args.level)
        service = container.account_rules.service()
        settings = await service.set_options_level(owner, args.account_id, level)
        shown = "not checked" if settings.options_level is None else int(settings.options_level)
        print(f"account {args.account_id}: options level {shown}", file=out)
        return 0
    if args.verb in ("close", "archive"):
        admin = container.trading.account_admin()
        change = admin.close if args.verb == "close" else admin.archive
        account = await change(owner, args.account_id)
        print(f"account {account.id} is {account.status.value}", file=out)
        return 0
    return await _sync(args, container, owner, out)


def account_record(view: AccountView) -> dict[str, object]:
    """An account as `accounts list --json` prints it (money as strings)."""
    return {
        "id": view.id,
        "name": view.name,
        "broker": view.broker,
        "account_type": view.account_type.value,
        "trading_type": view.trading_type.value,
        "status": view.status.value,
        "cash": view.cash,
        "equity": view.equity,
        "currency": view.currency,
        "open_orders": view.open_orders,
        "positions": view.positions,
        "created_at": view.created_at,
    }


async def _sync(
    args: argparse.Namespace, container: Contexts, owner: Principal, out: TextIO
) -> int:
    view = await container.trading.accounts().account(owner, args.account_id)
    if view.broker == "paper":
        raise SettingsError(
            "a paper account's broker book lives in the serving process: sync it there "
            f"(POST /api/v1/accounts/{view.id}/sync)"
        )
    try:
        report = await container.trading.account_sync().sync(owner, args.account_id)
    finally:
        await _close_brokers(container)
    print(
        f"synced {report.account_id} from {report.broker}: cash {report.cash_before} -> "
        f"{report.cash_after}; positions +{len(report.positions_added)} "
        f"~{len(report.positions_changed)} -{len(report.positions_removed)}; "
        f"orders adopted {len(report.orders_adopted)}",
        file=out,
    )
    for skipped in report.skipped:
        print(
            f"skipped {skipped.kind} {skipped.symbol}: {skipped.reason} ({skipped.detail})",
            file=out,
        )
    return 0


async def _instruments(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    if args.verb == "import-13f-list":
        return await _official_list(args, container, out)
    catalog = container.trading.instruments()
    if args.verb == "import":
        text = _read(args.file)
        try:
            report = await catalog.import_csv(CLI_ADMIN, text)
        except InvalidImport as exc:
            for error in exc.errors:
                print(f"{args.file}:{error.line}: {error.field}: {error.message}", file=out)
            raise
    else:
        report = await catalog.import_from_broker(CLI_ADMIN, args.account)
    _print_import(report, out)
    return 0


async def _official_list(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    from domain.analytics.compliance.official_13f_list import (
        MAX_LIST_BYTES,
        InvalidOfficialList,
    )

    path: Path = args.file
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise SettingsError(f"{path} is larger than {MAX_LIST_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # the SEC's older lists
    service = container.markets.official_13f_list_service()
    try:
        done = await service.import_text(CLI_ADMIN, text, path.name, args.period)
    except InvalidOfficialList as exc:
        raise SettingsError(f"{exc.code}: {path}: {exc.message}") from None
    info = done.info
    print(
        f"imported the Official List of 13(f) Securities {info.period}"
        f"{f' of {info.list_date.isoformat()}' if info.list_date else ''}: {info.entries} "
        f"securities ({info.deleted} deleted), {len(done.skipped_lines)} lines skipped",
        file=out,
    )
    if done.skipped_lines:
        shown = ", ".join(str(n) for n in done.skipped_lines[:20])
        print(f"skipped lines (bad CUSIP check digit or no class): {shown}", file=out)
    return 0


def _print_import(report: ImportReport, out: TextIO) -> None:
    print(
        f"imported from {report.source}: {len(report.created)} created, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.skipped)} skipped",
        file=out,
    )


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SettingsError(f"{path} is larger than {MAX_BYTES} bytes")
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path} is not UTF-8 text") from None


def _cash(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise SettingsError(f"--cash {text!r} is not a number") from None


async def _close_brokers(container: Contexts) -> None:
    from bootstrap.closing import close_quietly

    await close_quietly(container.core.brokers().brokers.values())
