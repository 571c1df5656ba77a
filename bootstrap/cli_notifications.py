"""`bulwark notifications dead|replay|send-test|dispatch|role-defaults|vapid-keys`: the
outbox from the console, the admins' defaults per role, and a Web Push key pair.

`dead` lists dead-lettered deliveries (every user's, or one user's with --user); `replay`
puts one back in the outbox, audited with actor "cli" like the API's replay; `send-test`
notifies a user with the catalogue's "notification.test" type (or --event TYPE) through the
center, so an operator can check their channels, audited (`notification.test`); `dispatch`
runs one dispatcher pass now (for BULWARK_NOTIFY_DISPATCH=false, or to not wait for the
server); `role-defaults` lists the default preferences set per role (`--clear ROLE` removes
one, audited like the API); `vapid-keys` prints a new VAPID key pair for
BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY / _PUBLIC_KEY (the private key is printed once, never
stored by this command). WebSocket pushes dispatched from the console reach no socket (the
console has none; the in-app copy stays), as for a user with no socket open.
Bodies are never printed (a confidential one is a sealed token, and bodies carry data).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.cli_users_named import user_named
from domain.notifications.catalogue import CATALOGUE
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from bootstrap.containers.commands import Contexts
    from domain.notifications.preferences import Preferences
    from ports.notifications.notification_store import Delivery

COMMAND = "notifications"
CLI_ADMIN = Principal("cli", Role.ADMIN)
TEST_EVENT = "notification.test"  # the endpoints' test messages carry it too
MAX_LIMIT = 200
EXIT_CODES = (
    "exit codes: 0 done; 2 bad arguments; 3 refused (unknown user or delivery, a delivery "
    "that is not dead, a memory:// store)"
)
TEST_TITLE = "Test notification"
TEST_BODY = (
    "An operator sent this with `bulwark notifications send-test` to check that your "
    "notification channels reach you. Nothing needs doing."
)


def limit(text: str) -> int:
    """argparse's type for --limit: 1 to MAX_LIMIT."""
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 to {MAX_LIMIT}")
    return int(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    notes = sub.add_parser(
        "notifications",
        help="the notification outbox: dead letters, replay, a test, a dispatch pass",
        epilog=EXIT_CODES,
    )
    verbs = notes.add_subparsers(dest="verb", required=True)
    dead = verbs.add_parser(
        "dead", help="dead-lettered deliveries, newest first", epilog=EXIT_CODES
    )
    dead.add_argument("--user", help="only this user's (default: every user's)")
    dead.add_argument("--limit", type=limit, default=50, help=f"at most (1-{MAX_LIMIT}, 50)")
    add_json_flag(dead)
    replay = verbs.add_parser(
        "replay", help="put a dead delivery back in the outbox (audited)", epilog=EXIT_CODES
    )
    replay.add_argument("delivery_id", help="the dead delivery's id (from `notifications dead`)")
    test = verbs.add_parser(
        "send-test", help="notify a user to check their channels", epilog=EXIT_CODES
    )
    test.add_argument("--user", required=True, help="username to notify")
    test.add_argument(
        "--event",
        choices=sorted(CATALOGUE),
        default=TEST_EVENT,
        metavar="TYPE",
        help=f"a catalogue event type (default {TEST_EVENT!r}: NORMAL, every channel)",
    )
    verbs.add_parser(
        "dispatch", help="one dispatcher pass now: send what is due", epilog=EXIT_CODES
    )
    defaults = verbs.add_parser(
        "role-defaults", help="the default preferences per role (admin)", epilog=EXIT_CODES
    )
    defaults.add_argument("--clear", metavar="ROLE", help="remove this role's defaults")
    add_json_flag(defaults)
    verbs.add_parser(
        "vapid-keys", help="print a new VAPID key pair for Web Push", epilog=EXIT_CODES
    )


async def run(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    if args.verb == "dead":
        return await _dead(args, container, out)
    if args.verb == "replay":
        delivery = await container.notifications.notification_service().replay(
            CLI_ADMIN, args.delivery_id
        )
        print(f"delivery {delivery.id} is {delivery.status.value} again", file=out)
        return 0
    if args.verb == "send-test":
        return await _send_test(args, container, out)
    if args.verb == "role-defaults":
        return await _role_defaults(args, container, out)
    if args.verb == "vapid-keys":
        return _vapid_keys(out)
    return await _dispatch(container, out)


async def _role_defaults(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    defaults = container.notifications.notification_role_defaults()
    if args.clear is not None:
        await defaults.remove(CLI_ADMIN, args.clear)
        print(f"role {args.clear} gets the catalogue's defaults again", file=out)
        return 0
    found = await defaults.every(CLI_ADMIN)
    if args.json:
        print_json([role_defaults_record(role, prefs) for role, prefs in found.items()], out)
        return 0
    print(f"{len(found)} role(s) with default preferences", file=out)
    for role, prefs in found.items():
        off = sorted(k for k, v in prefs.channels.items() if not v)
        quiet = prefs.quiet_hours
        window = f"{quiet.start:%H:%M}-{quiet.end:%H:%M} {quiet.time_zone}" if quiet else "-"
        digest = f"{prefs.digest_minutes} min" if prefs.digest_enabled else "-"
        print(
            f"{role}\toverrides {len(prefs.channels)}\toff {','.join(off) or '-'}"
            f"\tquiet {window}\tdigest {digest}",
            file=out,
        )
    return 0


def role_defaults_record(role: str, prefs: Preferences) -> dict[str, object]:
    """A role's default preferences as `role-defaults --json` prints them."""
    quiet = prefs.quiet_hours
    return {
        "role": role,
        "channels": {name: sorted(chosen) for name, chosen in sorted(prefs.channels.items())},
        "quiet_hours": None
        if quiet is None
        else {
            "start": f"{quiet.start:%H:%M}",
            "end": f"{quiet.end:%H:%M}",
            "time_zone": quiet.time_zone,
        },
        "digest_minutes": prefs.digest_minutes if prefs.digest_enabled else None,
    }


def delivery_record(delivery: Delivery, user: str | None) -> dict[str, object]:
    """A dead delivery as `dead --json` prints it: never its body (it carries data)."""
    return {
        "id": delivery.id,
        "user": user,
        "channel": delivery.channel,
        "event_type": delivery.event_type,
        "attempts": delivery.attempts,
        "last_error": delivery.last_error,
        "created_at": delivery.created_at,
    }


def _vapid_keys(out: TextIO) -> int:
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    raw = key.private_numbers().private_value.to_bytes(32, "big")
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    print(f"BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY={b64(raw)}", file=out)
    print(f"BULWARK_WEB_PUSH_VAPID_PUBLIC_KEY={b64(point)}", file=out)
    return 0


async def _dead(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    from ports.notifications.notification_store import DeliveryStatus

    service = container.notifications.notification_service()
    if args.user is None:
        caller, every_user = CLI_ADMIN, True
    else:
        caller, every_user = (await _user(container, args.user))[0], False
    listing = await service.deliveries(
        caller, status=DeliveryStatus.DEAD, every_user=every_user, limit=args.limit
    )
    names = await _usernames(container, listing.items)
    if args.json:
        rows = [delivery_record(d, names.get(d.user_id, d.user_id) or None) for d in listing.items]
        print_json(rows, out)
        if listing.next_cursor is not None:
            print(
                f"bulwark: more dead deliveries: raise --limit (at most {MAX_LIMIT})",
                file=sys.stderr,
            )
        return 0
    print(f"{len(listing.items)} dead delivery(ies)", file=out)
    if listing.items:
        print("id\tuser\tchannel\tevent\tattempts\tlast error", file=out)
    for d in listing.items:
        user = names.get(d.user_id, d.user_id) or "-"  # "-": an address-only email
        print(
            f"{d.id}\t{user}\t{d.channel}\t{d.event_type}\t{d.attempts}\t{d.last_error}",
            file=out,
        )
    if listing.next_cursor is not None:
        print(f"(more: raise --limit, at most {MAX_LIMIT})", file=out)
    return 0


async def _send_test(args: argparse.Namespace, container: Contexts, out: TextIO) -> int:
    from ports.core.events import AuditEntry

    principal, username = await _user(container, args.user)
    data = {"title": TEST_TITLE, "body": TEST_BODY, "sent_by": "bulwark notifications send-test"}
    outcome = await container.core.notification_center().notify(principal.id, args.event, data)
    channels = [f"{d.channel}:{d.status.value}" for d in outcome.deliveries]
    details = {"event_type": args.event, "deliveries": len(outcome.deliveries)}
    await container.core.audit().record(
        AuditEntry(
            CLI_ADMIN.id,
            "notification.test",
            f"user:{principal.id}",
            "ok",
            container.core.clock().now(),
            details,
        )
    )
    in_app = "in-app stored" if outcome.in_app_id else "no in-app copy"
    print(
        f"notified {username} ({args.event}): {in_app}; "
        f"{len(outcome.deliveries)} deliveries [{', '.join(channels) or 'none'}]",
        file=out,
    )
    if any(d.status.value == "pending" for d in outcome.deliveries):
        print(
            "pending deliveries go out with the server's dispatcher, "
            "or now with `bulwark notifications dispatch`",
            file=out,
        )
    return 0


async def _dispatch(container: Contexts, out: TextIO) -> int:
    try:
        tried = await container.notifications.notification_dispatcher().run_once()
    finally:
        await container.notifications.notification_http().aclose()
    noun = "delivery" if tried == 1 else "deliveries"
    print(f"dispatch: one pass, {tried} {noun} tried", file=out)
    return 0


async def _user(container: Contexts, username: str) -> tuple[Principal, str]:
    user = await user_named(container, username)
    return Principal(user.id, user.role), user.username


async def _usernames(container: Contexts, deliveries: list[Delivery]) -> dict[str, str]:
    names: dict[str, str] = {}
    async with container.core.uow_factory()() as uow:
        for user_id in {d.user_id for d in deliveries if d.user_id}:
            user = await uow.users.get(user_id)
            names[user_id] = user.username if user is not None else user_id
    return names
