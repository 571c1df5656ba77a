"""`bulwark notifications dead|replay|send-test|dispatch` against a SQLite file store and a
real local SMTP server (aiosmtpd) that refuses, then accepts, the test email."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from application.notifications.api import NotReplayable
from bootstrap.cli import EXIT_REFUSED, main
from bootstrap.cli_notifications import TEST_TITLE
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import load_settings
from domain.principals import Role
from ports.notifications.notification_store import Page
from tests.integration.notifications.smtp_server import Mailbox, mailbox_server
from tests.kit.cli import cli_container, migrated_from_env, run_cli
from tests.kit.logging_guard import logging_restored  # noqa: F401  (fixture)

KEK = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
PASSWORD = "a-long-password-1"


def env(tmp_path: Path, smtp_port: int | None = None) -> dict[str, str]:
    values = {
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}",
        "BULWARK_KEKS": KEK,
        "BULWARK_NOTIFY_DISPATCH": "false",
    }
    if smtp_port is not None:
        values |= {
            "BULWARK_SMTP_HOST": "127.0.0.1",
            "BULWARK_SMTP_PORT": str(smtp_port),
            "BULWARK_SMTP_STARTTLS": "false",
        }
    return values


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    with mailbox_server() as running:
        yield running


@pytest.fixture
async def container(
    tmp_path: Path, smtp: tuple[Mailbox, int]
) -> AsyncIterator[ApplicationContainer]:
    settings = load_settings(env(tmp_path, smtp[1]), env_file=None)
    async with cli_container(settings, clock=FakeClock()) as c:
        await c.core.auth().create_user("alice", PASSWORD, Role.OWNER, email="alice@example.org")
        await c.core.auth().create_user("bob", PASSWORD, Role.OWNER)
        yield c


def dead_rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()[2:] if "\t" in line]


async def test_send_test_dispatch_dead_replay_round_trip(
    container: ApplicationContainer, smtp: tuple[Mailbox, int]
) -> None:
    # Arrange: the SMTP server refuses the first recipient for good (550: dead at once)
    mailbox, _ = smtp
    mailbox.rcpt_replies.append("550 no such mailbox")

    # Act
    sent = await run_cli(container, "notifications", "send-test", "--user", "alice")
    first = await run_cli(container, "notifications", "dispatch")
    dead = await run_cli(container, "notifications", "dead")
    bobs = await run_cli(container, "notifications", "dead", "--user", "bob")
    [row] = dead_rows(dead[1])
    replayed = await run_cli(container, "notifications", "replay", row[0])
    second = await run_cli(container, "notifications", "dispatch")
    after = await run_cli(container, "notifications", "dead", "--user", "alice")

    # Assert
    assert sent[0] == 0
    summary = sent[1].splitlines()[0]
    assert summary.startswith("notified alice (notification.test): in-app stored; 2 deliveries [")
    assert "websocket:pending" in summary and "email:pending" in summary
    assert first == (0, "dispatch: one pass, 2 deliveries tried\n")
    assert dead[1].splitlines()[:2] == [
        "1 dead delivery(ies)",
        "id\tuser\tchannel\tevent\tattempts\tlast error",
    ]
    assert row[1:4] == ["alice", "email", "notification.test"] and "550" in row[5]
    assert bobs == (0, "0 dead delivery(ies)\n")
    assert replayed == (0, f"delivery {row[0]} is pending again\n")
    assert second == (0, "dispatch: one pass, 1 delivery tried\n")
    assert after == (0, "0 dead delivery(ies)\n")
    [received] = mailbox.received
    assert received.recipients == ["alice@example.org"]
    assert TEST_TITLE in str(received.message["Subject"])
    async with container.core.uow_factory()() as uow:
        alice = await uow.users.by_username("alice")
    assert alice is not None
    [inbox] = await container.core.notification_store().in_app(Page(alice.id))
    assert (inbox.event_type, inbox.priority) == ("notification.test", "normal")
    assert inbox.title == TEST_TITLE


async def test_replay_and_send_test_are_audited_with_actor_cli(
    container: ApplicationContainer, smtp: tuple[Mailbox, int]
) -> None:
    # Arrange: one dead email delivery
    smtp[0].rcpt_replies.append("550 no such mailbox")
    await run_cli(container, "notifications", "send-test", "--user", "alice", "--event", "alert")
    await run_cli(container, "notifications", "dispatch")
    [row] = dead_rows((await run_cli(container, "notifications", "dead"))[1])

    # Act
    await run_cli(container, "notifications", "replay", row[0])

    # Assert
    entries = await container.core.audit().entries(limit=50)
    mine = [(e.actor, e.action, e.outcome) for e in entries if e.action.startswith("notif")]
    assert sorted(mine) == [
        ("cli", "notification.replay", "ok"),
        ("cli", "notification.test", "ok"),
    ]
    [test] = [e for e in entries if e.action == "notification.test"]
    assert test.details["event_type"] == "alert" and row[3] == "alert"


async def test_replaying_a_delivery_that_is_not_dead_is_refused(
    container: ApplicationContainer,
) -> None:
    # Arrange: a pending delivery (nothing dispatched)
    await run_cli(container, "notifications", "send-test", "--user", "alice")
    [pending, *_] = await container.core.notification_store().deliveries(Page(None))

    # Act / Assert
    with pytest.raises(NotReplayable, match="not dead"):
        await run_cli(container, "notifications", "replay", pending.id)


@pytest.mark.usefixtures("logging_restored")
def test_operator_mistakes_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # Arrange: a migrated store with no users
    migrated_from_env(env(tmp_path), monkeypatch, capfd)

    def attempt(*argv: str) -> tuple[int, str]:
        code = main(["--env-file", "", "notifications", *argv])
        return code, capfd.readouterr().err

    # Act
    unknown_user = attempt("send-test", "--user", "nobody")
    unknown_delivery = attempt("replay", "d-nope")
    with pytest.raises(SystemExit) as bad_limit:
        attempt("dead", "--limit", "0")
    bad_limit_err = capfd.readouterr().err
    with pytest.raises(SystemExit) as bad_event:
        attempt("send-test", "--user", "alice", "--event", "nope")
    bad_event_err = capfd.readouterr().err
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    memory = attempt("dispatch")

    # Assert
    assert unknown_user == (EXIT_REFUSED, "bulwark: no user named 'nobody'\n")
    assert unknown_delivery == (EXIT_REFUSED, "bulwark: no such delivery\n")
    assert memory[0] == EXIT_REFUSED
    assert memory[1].startswith("bulwark: BULWARK_DATABASE_URL is memory://")
    assert bad_limit.value.code == 2 and "must be a whole number, 1 to 200" in bad_limit_err
    assert bad_event.value.code == 2 and "invalid choice: 'nope'" in bad_event_err


@pytest.mark.usefixtures("logging_restored")
def test_help_documents_the_exit_codes(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["notifications", "replay", "--help"])
    out = capfd.readouterr().out
    with pytest.raises(SystemExit):
        main(["vault", "test", "--help"])
    vault = capfd.readouterr().out

    assert "exit codes: 0 done" in out
    assert "4 the provider refused the key" in vault and "5 the provider was" in vault


async def test_a_dead_confidential_email_is_listed_without_its_body(
    container: ApplicationContainer, smtp: tuple[Mailbox, int]
) -> None:
    # Arrange: a password-reset token (sealed at rest) whose email is refused for good
    smtp[0].rcpt_replies.append("550 no such mailbox")
    token = "reset-token-7f3a9c1e5b2d"
    outcome = await container.core.notification_center().notify_address(
        "alice@example.org", "account.token", "Reset", token, confidential=True
    )
    await run_cli(container, "notifications", "dispatch")

    # Act
    code, out = await run_cli(container, "notifications", "dead")

    # Assert
    [row] = dead_rows(out)
    [delivery] = outcome.deliveries
    assert (code, row[0], row[1:4]) == (0, delivery.id, ["-", "email", "account.token"])
    assert token not in out and delivery.body not in out


async def test_role_defaults_are_listed_and_cleared_from_the_cli(
    container: ApplicationContainer,
) -> None:
    # Arrange
    from application.notifications.api import PreferencesUpdate
    from domain.principals import Principal

    admin = Principal("root", Role.ADMIN)
    defaults = container.notifications.notification_role_defaults()
    await defaults.put(admin, "trader", PreferencesUpdate(channels={"notice": []}))

    # Act
    listed = await run_cli(container, "notifications", "role-defaults")
    cleared = await run_cli(container, "notifications", "role-defaults", "--clear", "trader")
    after = await run_cli(container, "notifications", "role-defaults")

    # Assert
    assert listed[0] == 0
    assert "trader\toverrides 1\toff notice" in listed[1]
    assert cleared[0] == 0
    assert after[1].startswith("0 role(s)")


async def test_dead_and_role_defaults_as_json_never_carry_a_body(
    container: ApplicationContainer, smtp: tuple[Mailbox, int]
) -> None:
    # Arrange: a confidential email refused for good, and a role's defaults
    from application.notifications.api import PreferencesUpdate
    from domain.principals import Principal

    smtp[0].rcpt_replies.append("550 no such mailbox")
    token = "reset-token-0a1b2c3d4e5f"
    await container.core.notification_center().notify_address(
        "alice@example.org", "account.token", "Reset", token, confidential=True
    )
    await run_cli(container, "notifications", "dispatch")
    defaults = container.notifications.notification_role_defaults()
    await defaults.put(
        Principal("root", Role.ADMIN), "trader", PreferencesUpdate(channels={"notice": []})
    )

    # Act
    dead = await run_cli(container, "notifications", "dead", "--json")
    roles = await run_cli(container, "notifications", "role-defaults", "--json")

    # Assert
    [delivery] = json.loads(dead[1])
    [trader] = json.loads(roles[1])
    assert dead[0] == 0 and roles[0] == 0
    assert list(delivery) == [
        "id", "user", "channel", "event_type", "attempts", "last_error", "created_at"
    ]  # fmt: skip
    assert (delivery["user"], delivery["channel"]) == (None, "email")
    assert token not in dead[1]
    assert trader == {
        "role": "trader", "channels": {"notice": []}, "quiet_hours": None, "digest_minutes": None
    }  # fmt: skip


async def test_vapid_keys_prints_a_pair_the_web_push_sender_accepts(
    container: ApplicationContainer,
) -> None:
    # Act
    code, out = await run_cli(container, "notifications", "vapid-keys")

    # Assert
    from py_vapid import Vapid02

    pairs = dict(line.split("=", 1) for line in out.splitlines())
    vapid = Vapid02.from_string(pairs["BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY"])
    assert code == 0
    assert len(pairs["BULWARK_WEB_PUSH_VAPID_PUBLIC_KEY"]) == 87  # 65 bytes, base64url
    assert vapid.sign({"sub": "mailto:a@b.c", "aud": "https://push.example", "exp": 2**31})
