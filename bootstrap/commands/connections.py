"""`bulwark connections list|add|test|rotate|revoke`: a user's venue connections from the console
(docs/venues.md), acting as that user (`--as USERNAME`), as the API would for them.

- `list --as U`: one line per connection: id, kind, environment, label, key hint, status;
- `add --as U --label L --kind K [--environment E] [--key-id ID] [--venue-account A]
  [--endpoint URL] [--quote Q] [--no-verify-tls] [--halt-on-drift]`: created and checked at
  the venue;
- `test --as U ID`: the venue's cheapest authenticated call again;
- `rotate --as U ID [--key-id ID]`: new credentials, the previous ones kept for the vault's
  grace period;
- `revoke --as U ID --confirm ID`: the credentials deleted, the connection's orders refused.

A secret is never an argument (it would land in the shell's history and in `ps`): it is read
from BULWARK_CONNECTION_SECRET when set, else the first line of stdin when stdin is not a
terminal, else a prompt that does not echo. Kinds whose credentials are not kept here (ibkr)
read none. Nothing printed holds a secret: a key id shows as its hint.

An operator's mistake (an unknown user or connection, a field the kind refuses, credentials the
venue refuses) is one line on stderr naming its code, exit code 3.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, TextIO

from bootstrap.settings import SettingsError
from domain.errors import DomainError

if TYPE_CHECKING:
    from application.connections.service import ConnectionView
    from bootstrap.containers.commands import Contexts
    from domain.principals import Principal

COMMAND = "connections"
SECRET_VARIABLE = "BULWARK_CONNECTION_SECRET"
EXIT_REFUSED = 3  # an operator's mistake, as bulwark answers any refused command
EXIT_KEY_REFUSED = 4  # `test`: the venue answered and refused the credentials
EXIT_UNREACHABLE = 5  # `add`, `test`: no usable answer from the venue (`add` keeps it)
EXIT_CODES = (
    "exit codes: 0 done (add, test: the venue accepted the credentials); 2 bad arguments; "
    f"{EXIT_REFUSED} refused (an unknown user or connection, a field the kind refuses, "
    f"credentials the venue refuses at creation); {EXIT_KEY_REFUSED} test: the venue refused "
    f"the credentials; {EXIT_UNREACHABLE} the venue did not answer (add keeps the connection)"
)
SECRET_HELP = (
    f"the secret is read from {SECRET_VARIABLE}, else stdin's first line, else a prompt; "
    "never from the command line"
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    connections = sub.add_parser(
        COMMAND, help="a user's venue connections: list, add, test, rotate, revoke",
        epilog=EXIT_CODES,
    )  # fmt: skip
    verbs = connections.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="the user's connections, revoked ones included")
    _acting(listing)
    add = verbs.add_parser(
        "add", help="a new connection, checked at the venue", epilog=f"{SECRET_HELP}. {EXIT_CODES}"
    )
    _acting(add)
    add.add_argument("--label", required=True, help="a name to tell it apart")
    add.add_argument("--kind", required=True, help="alpaca, tradier, ibkr or ccxt:<exchange id>")
    add.add_argument("--environment", help="paper, sandbox, testnet or live (default: not live)")
    add.add_argument("--key-id", help="the key id of a pair (Alpaca, crypto venues)")
    add.add_argument("--venue-account", help="the venue's account number (Tradier, IBKR)")
    add.add_argument("--endpoint", help="the venue's URL (IBKR's gateway; else optional)")
    add.add_argument("--quote", help="crypto venues: the quote currency (default USDT)")
    add.add_argument(
        "--no-verify-tls", dest="verify_tls", action="store_false",
        help="accept a self-signed certificate (an endpoint on this host only)",
    )  # fmt: skip
    add.add_argument(
        "--halt-on-drift", action="store_true",
        help="halt an account when reconciliation confirms a drift with the venue",
    )  # fmt: skip
    test = verbs.add_parser("test", help="the venue's cheapest authenticated call again")
    _acting(test)
    test.add_argument("connection_id", metavar="ID", help="the connection's id (vc-...)")
    rotate = verbs.add_parser(
        "rotate", help="new credentials (the old ones kept for the vault's grace)",
        epilog=SECRET_HELP,
    )  # fmt: skip
    _acting(rotate)
    rotate.add_argument("connection_id", metavar="ID", help="the connection's id (vc-...)")
    rotate.add_argument("--key-id", help="the new key id of a pair (Alpaca, crypto venues)")
    revoke = verbs.add_parser("revoke", help="delete the credentials; its orders are refused")
    _acting(revoke)
    revoke.add_argument("connection_id", metavar="ID", help="the connection's id (vc-...)")
    revoke.add_argument("--confirm", required=True, help="the connection's id again")


def _acting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as", dest="username", required=True, help="username of the connections' owner"
    )


async def run(args: argparse.Namespace, contexts: Contexts, out: TextIO) -> int:
    from bootstrap.cli_users_named import principal_named

    try:
        principal = await principal_named(contexts, args.username)
        return await _verb(args, contexts, principal, out)
    except DomainError as exc:
        print(f"bulwark: {exc.code}: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except SettingsError as exc:
        print(f"bulwark: {exc}", file=sys.stderr)
        return EXIT_REFUSED


async def _verb(
    args: argparse.Namespace, contexts: Contexts, principal: Principal, out: TextIO
) -> int:
    from application.connections.service import CreateConnection, RotateCredentials
    from domain.connections.kinds import CredentialShape, VenueKind

    service = contexts.connections.service()
    if args.verb == "list":
        views = await service.list(principal)
        print("id\tkind\tenvironment\tlabel\tkey\tstatus", file=out)
        for view in views:
            print(_line(view), file=out)
        return 0
    if args.verb == "add":
        kind = VenueKind.parse(args.kind)
        keeps_credentials = kind.spec.credentials is not CredentialShape.NONE
        created = await service.create(
            CreateConnection(
                principal,
                args.label,
                args.kind,
                environment=args.environment,
                key_id=args.key_id,
                secret=read_secret(str(kind)) if keeps_credentials else None,
                venue_account=args.venue_account,
                endpoint=args.endpoint,
                quote=args.quote,
                verify_tls=args.verify_tls,
                halt_on_drift=args.halt_on_drift,
            )
        )
        print(f"connections: added {_line(created)}", file=out)
        return _checked(created, out)
    if args.verb == "test":
        return _checked(await service.test(principal, args.connection_id), out)
    if args.verb == "rotate":
        shown = await service.show(principal, args.connection_id)  # another's: before a prompt
        # A revoked connection, or one whose credentials are not kept here, has no vault key:
        # the service refuses it (CONNECTION_REVOKED, INVALID_CONNECTION) before any secret.
        needs_secret = shown.connection.vault_key_id is not None
        secret = read_secret(str(shown.connection.kind)) if needs_secret else ""
        rotated = await service.rotate(
            RotateCredentials(principal, args.connection_id, secret, args.key_id)
        )
        print(
            f"connections: rotated {rotated.connection.id}, key {rotated.key_hint or '-'} (the "
            "previous credentials still answer for the vault's grace period)",
            file=out,
        )
        return 0
    if args.confirm != args.connection_id:
        raise SettingsError(
            f"revoking {args.connection_id} cannot be undone: confirm with --confirm "
            f"{args.connection_id}"
        )
    revoked = await service.revoke(principal, args.connection_id)
    print(f"connections: revoked {revoked.connection.id} (its credentials deleted)", file=out)
    return 0


def read_secret(kind: str) -> str:
    """The secret of a `kind` connection: BULWARK_CONNECTION_SECRET, else stdin's first line
    when stdin is not a terminal, else a prompt that does not echo (module docstring)."""
    from domain.connections.kinds import InvalidConnection

    secret = os.environ.get(SECRET_VARIABLE, "").strip()
    if not secret:
        stdin = sys.stdin
        if stdin is not None and not stdin.isatty():
            secret = stdin.readline().strip()
        else:
            secret = getpass.getpass(f"Secret for the {kind} connection: ").strip()
    if not secret:
        raise InvalidConnection(
            f"field `secret` is needed for {kind}: set {SECRET_VARIABLE}, give it on stdin, "
            "or type it at the prompt",
            field="secret",
        )
    return secret


def _line(view: ConnectionView) -> str:
    c = view.connection
    status = "active" if c.revoked_at is None else f"revoked {c.revoked_at:%Y-%m-%d}"
    return f"{c.id}\t{c.kind}\t{c.environment.value}\t{c.label}\t{view.key_hint or '-'}\t{status}"


def _checked(view: ConnectionView, out: TextIO) -> int:
    """The check's outcome printed, and the exit code it means."""
    from ports.keys.key_vault import TestOutcome

    check = view.check
    if check is None:  # every add and test checks
        return 0
    print(f"{view.connection.id}: {check.outcome.value}: {check.reason}", file=out)
    if check.outcome is TestOutcome.OK:
        return 0
    return EXIT_KEY_REFUSED if check.outcome is TestOutcome.REFUSED else EXIT_UNREACHABLE
