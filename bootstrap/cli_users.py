"""`bulwark users list|set-role|deactivate|reactivate|reset-mfa` and `bulwark invite`.

The console acts as the system (a trusted operator on the host), so it may also do what
no admin may over HTTP: demote or deactivate an admin, as long as another active one stays.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from bootstrap.cli_output import add_json_flag, print_json
from bootstrap.cli_users_named import user_named
from domain.identity.onboarding import (
    DEFAULT_INVITATION_HOURS,
    MAX_INVITATION_HOURS,
    MIN_INVITATION_HOURS,
)
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from application.identity.user_admin import ManagedUser
    from bootstrap.containers.commands import Contexts

PERSON_ROLES = [r.value for r in Role if r not in (Role.AGENT, Role.SYSTEM)]
_ON_USER = ("deactivate", "reactivate", "reset-mfa")


def invitation_hours(text: str) -> int:
    """argparse's type for --hours: a whole number of hours within the invitation bounds."""
    if not text.isdigit() or not MIN_INVITATION_HOURS <= int(text) <= MAX_INVITATION_HOURS:
        raise argparse.ArgumentTypeError(
            f"must be a whole number of hours, {MIN_INVITATION_HOURS} to {MAX_INVITATION_HOURS}"
        )
    return int(text)


def add_user_commands(sub: Any) -> None:
    """Declare `users ...` and `invite` on the console's sub-parsers."""
    users = sub.add_parser("users", help="list users, change roles, (de)activate, reset MFA")
    actions = users.add_subparsers(dest="users_command", required=True)
    listing = actions.add_parser("list", help="every user, by username")
    listing.add_argument("--limit", type=int, default=200, help="at most this many (max 200)")
    add_json_flag(listing)
    role = actions.add_parser("set-role", help="change a user's role")
    role.add_argument("username", help="whose role to change")
    role.add_argument("role", choices=PERSON_ROLES, help="the new role")
    for action in _ON_USER:
        command = actions.add_parser(action, help=f"{action} a user")
        command.add_argument("username", help=f"the user to {action}")
    invite = sub.add_parser("invite", help="create an invitation; prints its token once")
    invite.add_argument(
        "--role", choices=PERSON_ROLES, required=True, help="the role the invited person gets"
    )
    invite.add_argument("--email", help="also deliver the token to this address")
    invite.add_argument(
        "--hours", type=invitation_hours, default=DEFAULT_INVITATION_HOURS, help="expiry (72)"
    )


async def run_user_command(
    args: argparse.Namespace, container: Contexts, out: TextIO
) -> int | None:
    """Run `users ...` or `invite`; None when the command is another one."""
    system = Principal.system()
    if args.command == "invite":
        issued = await container.identity.invitations().create(
            system, Role(args.role), args.email, args.hours
        )
        invitation = issued.invitation
        print(
            f"invitation {invitation.id} ({invitation.role.value}) expires "
            f"{invitation.expires_at.isoformat()}\ntoken (shown once): {issued.token}",
            file=out,
        )
        return 0
    if args.command != "users":
        return None
    admin = container.identity.user_admin()
    if args.users_command == "list":
        page = await admin.list(system, limit=args.limit)
        if args.json:
            print_json([_user_record(u) for u in page.users], out)
            return 0
        print("id\tusername\trole\tactive\tmfa\temail", file=out)
        for u in page.users:
            print(
                f"{u.id}\t{u.username}\t{u.role.value}\t{_yes(u.active)}\t"
                f"{_yes(u.mfa_enabled)}\t{u.email or '-'}",
                file=out,
            )
        return 0
    user_id = await _user_id(container, args.username)
    if args.users_command == "set-role":
        view = await admin.set_role(system, user_id, Role(args.role))
        print(f"{view.username} is now {view.role.value}", file=out)
    elif args.users_command == "deactivate":
        view = await admin.deactivate(system, user_id)
        print(f"{view.username} is deactivated; their sessions are ended", file=out)
    elif args.users_command == "reactivate":
        view = await admin.reactivate(system, user_id)
        print(f"{view.username} is active again", file=out)
    else:
        view = await admin.reset_mfa(system, user_id)
        print(f"multi-factor authentication of {view.username} is reset", file=out)
    return 0


async def _user_id(container: Contexts, username: str) -> str:
    user = await user_named(container, username)
    return user.id


def _user_record(user: ManagedUser) -> dict[str, object]:
    return {
        "id": user.id,
        "username": user.username,
        "role": user.role.value,
        "active": user.active,
        "mfa_enabled": user.mfa_enabled,
        "email": user.email,
        "created_at": user.created_at,
    }


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
