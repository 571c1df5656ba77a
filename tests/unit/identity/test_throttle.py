"""Login throttling: short, growing, capped waits per username; long waits per client address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import LoginLocked, LoginThrottled, Unauthenticated
from domain.identity import CLIENT_THROTTLE, USERNAME_THROTTLE, LoginThrottle, ThrottlePolicy
from domain.identity.throttle import MAX_REMEMBERED_FAILURES
from domain.principals import Role
from tests.unit.identity.conftest import OWNER_NAME, PASSWORD, World

WRONG = "wrong password!!"
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"


async def fail(world: World, username: str = OWNER_NAME, client: str | None = ATTACKER) -> None:
    with pytest.raises(Unauthenticated):
        await world.auth.login(username, WRONG, client=client)


# -- the policy ------------------------------------------------------------------------------


def test_the_username_policy_starts_after_four_failures_doubles_and_caps_at_30_seconds() -> None:
    delays = [USERNAME_THROTTLE.delay_after(n).total_seconds() for n in range(12)]

    assert delays == [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30]


def test_the_client_policy_starts_after_ten_failures_and_caps_at_15_minutes() -> None:
    delays = [CLIENT_THROTTLE.delay_after(n) for n in (10, 11, 12, 15, 40)]

    assert delays == [timedelta(0), *(timedelta(minutes=m) for m in (1, 2, 15, 15))]


def test_a_throttle_waits_from_its_last_failure_and_forgets_failures_outside_the_window() -> None:
    policy = ThrottlePolicy(1, timedelta(seconds=10), timedelta(seconds=40), timedelta(minutes=5))
    throttle, t0 = LoginThrottle("user:x"), datetime(2026, 1, 1, tzinfo=UTC)

    first = throttle.record_failure(t0, policy)
    second = throttle.record_failure(t0 + timedelta(seconds=2), policy)

    assert (first, second) == (False, True)
    assert throttle.wait(t0 + timedelta(seconds=5), policy) == timedelta(seconds=7)
    assert throttle.wait(t0 + timedelta(seconds=12), policy) == timedelta(0)
    assert throttle.wait(t0 + timedelta(minutes=6), policy) == timedelta(0)


def test_a_policy_that_could_not_start_is_refused() -> None:
    with pytest.raises(ValueError, match="free_failures"):
        ThrottlePolicy(64, timedelta(seconds=1), timedelta(seconds=2), timedelta(minutes=1))
    with pytest.raises(ValueError, match="max_delay"):
        ThrottlePolicy(1, timedelta(seconds=2), timedelta(seconds=1), timedelta(minutes=1))


# -- per username ----------------------------------------------------------------------------


async def test_four_failures_cost_nothing_and_the_fifth_makes_the_username_wait_a_second(
    world: World,
) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(4):
        await fail(world)
    assert await world.auth.login(OWNER_NAME, PASSWORD, client=VICTIM)
    for _ in range(4):  # the success above cleared the username's failures
        await fail(world)
    await fail(world)

    with pytest.raises(LoginLocked) as locked:
        await world.auth.login(OWNER_NAME, PASSWORD, client=VICTIM)
    world.clock.advance(timedelta(seconds=1))
    pair = await world.auth.login(OWNER_NAME, PASSWORD, client=VICTIM)

    assert locked.value.code == "LOGIN_LOCKED"
    assert locked.value.retry_after == 1.0
    assert pair.access_token


async def test_an_attacker_hammering_from_one_client_cannot_keep_the_victim_out(
    world: World,
) -> None:
    # Arrange: ten minutes of one attempt a second against the risk officer, from one address
    await world.auth.create_user("risk", PASSWORD, Role.RISK_OFFICER)
    answers: list[str] = []
    for _ in range(600):
        try:
            await world.auth.login("risk", WRONG, client=ATTACKER)
        except (Unauthenticated, LoginLocked, LoginThrottled) as refused:
            answers.append(refused.code)
        world.clock.advance(timedelta(seconds=1))

    # Act: the victim, from their own address, waits at most the capped username delay
    waited = 0.0
    try:
        pair = await world.auth.login("risk", PASSWORD, client=VICTIM)
    except LoginLocked as locked:
        waited = locked.retry_after
        world.clock.advance(timedelta(seconds=waited))
        pair = await world.auth.login("risk", PASSWORD, client=VICTIM)

    # Assert: the attacker's address is the one held back, for minutes
    assert pair.access_token
    assert waited <= USERNAME_THROTTLE.max_delay.total_seconds()
    assert answers.count("UNAUTHENTICATED") <= 15  # guesses actually checked
    assert answers[-1] == "LOGIN_THROTTLED"
    with pytest.raises(LoginThrottled) as throttled:
        await world.auth.login("risk", PASSWORD, client=ATTACKER)
    assert throttled.value.retry_after >= 60


async def test_a_victim_on_a_clean_client_is_never_held_longer_than_the_cap(world: World) -> None:
    # Arrange: many attacking addresses, each staying under its own client limit
    await world.auth.create_user("risk", PASSWORD, Role.RISK_OFFICER)
    waits: list[float] = []
    for n in range(200):
        try:
            await world.auth.login("risk", WRONG, client=f"10.0.{n // 200}.{n % 200}")
        except LoginLocked as locked:
            waits.append(locked.retry_after)
        except Unauthenticated:
            pass
        world.clock.advance(timedelta(seconds=1))

    # Act
    with pytest.raises(LoginLocked) as locked:
        await world.auth.login("risk", PASSWORD, client=VICTIM)
    world.clock.advance(timedelta(seconds=locked.value.retry_after))
    pair = await world.auth.login("risk", PASSWORD, client=VICTIM)

    # Assert
    assert max(waits) <= 30
    assert pair.access_token


async def test_unknown_usernames_are_throttled_like_known_ones(world: World) -> None:
    for _ in range(5):
        await fail(world, "mallory", client=None)

    with pytest.raises(LoginLocked) as locked:
        await world.auth.login("mallory", PASSWORD)

    assert locked.value.retry_after == 1.0


async def test_failures_spread_out_never_make_a_username_wait(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(8):
        await fail(world, client=None)
        world.clock.advance(timedelta(minutes=4))

    assert await world.auth.login(OWNER_NAME, PASSWORD)


# -- per client ------------------------------------------------------------------------------


async def test_a_client_spraying_usernames_waits_a_minute_and_other_clients_do_not(
    world: World,
) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for n in range(11):
        await fail(world, f"user-{n}")

    with pytest.raises(LoginThrottled) as throttled:
        await world.auth.login(OWNER_NAME, PASSWORD, client=ATTACKER)
    pair = await world.auth.login(OWNER_NAME, PASSWORD, client=VICTIM)
    world.clock.advance(timedelta(minutes=1))
    await fail(world, "user-99")  # heard again once the minute has passed

    assert throttled.value.code == "LOGIN_THROTTLED"
    assert throttled.value.retry_after == 60.0
    assert pair.access_token


async def test_a_good_login_does_not_clear_its_clients_failures(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for n in range(10):
        await fail(world, f"user-{n}")
    await world.auth.login(OWNER_NAME, PASSWORD, client=ATTACKER)

    await fail(world, "user-10")

    with pytest.raises(LoginThrottled):
        await world.auth.login(OWNER_NAME, PASSWORD, client=ATTACKER)


# -- audit and admins ------------------------------------------------------------------------


async def test_admins_are_told_once_when_a_username_and_a_client_start_to_be_throttled(
    world: World,
) -> None:
    admin = await world.auth.create_user("root-admin", PASSWORD, Role.ADMIN)
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)

    for n in range(4):
        await fail(world)
        await fail(world, f"user-{n}")
    assert world.notifier.sent == []
    await fail(world)  # the username's fifth
    for n in range(4, 6):
        await fail(world, f"user-{n}")  # the client's 10th, 11th (throttled from here)
    for n in range(6, 12):  # refused while the client waits: nothing more is sent
        with pytest.raises(LoginThrottled):
            await world.auth.login(f"user-{n}", WRONG, client=ATTACKER)

    subjects = [(n.recipient, n.subject) for n in world.notifier.sent]
    assert subjects == [
        (admin.id, f"Username throttled after failed logins: login:{OWNER_NAME}"),
        (admin.id, f"Client throttled after failed logins: client:{ATTACKER}"),
    ]
    assert all(PASSWORD not in n.body and WRONG not in n.body for n in world.notifier.sent)


async def test_failures_and_the_throttling_are_audited_without_the_password(world: World) -> None:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    for _ in range(5):
        await fail(world)
    with pytest.raises(LoginLocked):
        await world.auth.login(OWNER_NAME, PASSWORD, client=ATTACKER)

    entries = await world.audit.entries(f"login:{OWNER_NAME}")

    actions = [(e.action, e.outcome, dict(e.details).get("reason")) for e in reversed(entries)]
    assert actions == [
        *[("auth.login", "refused", "bad credentials")] * 5,
        ("auth.lockout", "locked", None),
        ("auth.login", "refused", "locked"),
    ]
    assert all(dict(e.details).get("client") == ATTACKER for e in entries)
    assert all(PASSWORD not in repr(e) and WRONG not in repr(e) for e in entries)


def test_a_throttle_remembers_a_bounded_number_of_failures_and_starts_once() -> None:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    throttle = LoginThrottle("client:203.0.113.66")

    starts = [
        throttle.record_failure(t0 + timedelta(seconds=n), CLIENT_THROTTLE) for n in range(500)
    ]

    assert starts.count(True) == 1 and starts.index(True) == CLIENT_THROTTLE.free_failures
    assert len(throttle.failures) == MAX_REMEMBERED_FAILURES
    assert throttle.failures[-1] == t0 + timedelta(seconds=499)


async def test_without_an_admin_nobody_is_told_and_the_login_still_answers(world: World) -> None:
    for _ in range(5):
        await fail(world)

    with pytest.raises(LoginLocked):
        await world.auth.login(OWNER_NAME, PASSWORD, client=ATTACKER)

    assert world.notifier.sent == []


async def test_a_hostile_username_reaches_the_admins_printable_and_short(world: World) -> None:
    await world.auth.create_user("root-admin", PASSWORD, Role.ADMIN)
    hostile = "eve\r\nBcc: everyone@example.com" + "x" * 500

    for _ in range(5):
        await fail(world, hostile, client=None)

    [sent] = world.notifier.sent
    assert "\r" not in sent.subject and "\n" not in sent.subject
    assert len(sent.subject) < 200
