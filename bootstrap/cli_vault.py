"""`bulwark vault list|test|expiring`: the API-key vault from the console, masked.

`list` and `test` act as the key's owner (`--user USERNAME`), the way `bulwark accounts`
does: the owner-scoped use cases answer, and `test` is audited (`vault_key.use`,
`vault_key.test`) as the API's test-connection is, under a request id naming the console.
`expiring` reads every user's keys as the console's admin principal ("cli"), audited
(`vault_key.expiring`). No command takes or prints a secret: key ids show as their hint.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.cli_users_named import principal_named
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.keys.keys import VaultKey

COMMAND = "vault"
CLI_ADMIN = Principal("cli", Role.ADMIN)
EXIT_KEY_REFUSED = 4  # `vault test`: the provider answered and refused the key
EXIT_UNREACHABLE = 5  # `vault test`: no usable answer from the provider
EXIT_CODES = (
    "exit codes: 0 done (test: the provider accepted the key); 2 bad arguments; "
    "3 refused (unknown user or key, a memory:// store, an expired or untestable key); "
    f"{EXIT_KEY_REFUSED} the provider refused the key; {EXIT_UNREACHABLE} the provider was "
    "unreachable"
)
DEFAULT_DAYS = 14
MAX_DAYS = 3650


def days(text: str) -> int:
    """argparse's type for --days: a whole number of days, 0 to MAX_DAYS."""
    if not text.isdigit() or int(text) > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, 0 to {MAX_DAYS}")
    return int(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vault = sub.add_parser(
        "vault", help="the API-key vault: list, test and expiring keys (masked)", epilog=EXIT_CODES
    )
    verbs = vault.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="a user's keys, masked", epilog=EXIT_CODES)
    listing.add_argument("--user", required=True, help="username of the keys' owner")
    add_json_flag(listing)
    test = verbs.add_parser(
        "test", help="test-connection through the provider's adapter", epilog=EXIT_CODES
    )
    test.add_argument("--user", required=True, help="username of the key's owner")
    test.add_argument("key_id", help="the vault key's id (vk-...), not the provider's key id")
    expiring = verbs.add_parser(
        "expiring", help="every user's keys expiring soon (expired ones too)", epilog=EXIT_CODES
    )
    expiring.add_argument(
        "--days", type=days, default=DEFAULT_DAYS, help=f"the window (default {DEFAULT_DAYS})"
    )
    add_json_flag(expiring)


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    if args.verb == "expiring":
        return await _expiring(args.days, args.json, container, out)
    owner = await principal_named(container, args.user)
    vault = container.core.key_vault()
    if args.verb == "list":
        keys, now = await vault.list(owner), container.core.clock().now()
        if args.json:
            print_json([key_record(key, now) for key in keys], out)
        else:
            _print_keys(keys, now, out)
        return 0
    from ports.keys.key_vault import TestOutcome

    report = await vault.test(owner, args.key_id)
    status = "" if report.status is None else f" (HTTP {report.status})"
    print(f"{args.key_id}: {report.outcome.value}{status}: {report.reason}", file=out)
    if report.outcome is TestOutcome.OK:
        return 0
    return EXIT_KEY_REFUSED if report.outcome is TestOutcome.REFUSED else EXIT_UNREACHABLE


def _print_keys(keys: Sequence[VaultKey], now: datetime, out: TextIO) -> None:
    print("id\tprovider\tlabel\tscopes\tkey\tstatus\texpires\tlast used", file=out)
    for key in keys:
        print(
            f"{key.id}\t{key.provider}\t{key.label}\t{','.join(key.scopes)}\t{key.key_hint}\t"
            f"{_status(key, now)}\t{_when(key.expires_at)}\t{_when(key.last_used_at)}",
            file=out,
        )


def key_record(key: VaultKey, now: datetime) -> dict[str, object]:
    """A vault key as `vault list --json` prints it: masked, never its secret."""
    return {
        "id": key.id,
        "provider": key.provider,
        "label": key.label,
        "scopes": list(key.scopes),
        "key_hint": key.key_hint,
        "status": _status(key, now),
        "expires_at": key.expires_at,
        "last_used_at": key.last_used_at,
    }


async def _expiring(window: int, as_json: bool, container: Contexts, out: TextIO) -> int:
    from application.keys.vault_expiring import VaultExpiryReport

    report = VaultExpiryReport(
        container.core.key_vault_store(),
        container.core.uow_factory(),
        container.core.clock(),
        container.core.audit(),
    )
    found = await report.expiring(CLI_ADMIN, timedelta(days=window))
    now = container.core.clock().now()
    if as_json:
        print_json([{"user": item.username, **key_record(item.key, now)} for item in found], out)
        return 0
    print(f"{len(found)} vault key(s) expiring within {window} day(s)", file=out)
    if found:
        print("user\tid\tprovider\tlabel\tkey\tstatus\texpires", file=out)
    for item in found:
        key = item.key
        print(
            f"{item.username}\t{key.id}\t{key.provider}\t{key.label}\t{key.key_hint}\t"
            f"{_status(key, now)}\t{_when(key.expires_at)}",
            file=out,
        )
    return 0


def _status(key: VaultKey, now: datetime) -> str:
    return "expired" if key.expired(now) else "active"


def _when(at: datetime | None) -> str:
    return "-" if at is None else at.isoformat(timespec="seconds")
