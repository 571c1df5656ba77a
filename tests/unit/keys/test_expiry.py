"""Expiry warnings: once per key per threshold (14, 3, 1 day(s), at expiry), WARNING, owner."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from application.keys.vault import UpdateVaultKey
from domain.keys.keys import WARNING_DAYS, SealedPair, VaultKey, due_warning, warned_through
from ports.core.events import Severity
from tests.unit.keys.world import KEY_ID, OWNER, SECRET, create, world


async def test_each_threshold_warns_the_owner_once() -> None:
    # Arrange
    w = await world()
    start = w.clock.now()
    key = await w.vault.create(create(expires_at=start + timedelta(days=20)))

    # Act: check every 6 hours for 21 days
    for _ in range(21 * 4):
        await w.expiry.check()
        w.clock.advance(timedelta(hours=6))

    # Assert
    sent = w.notifier.sent
    assert [n.subject for n in sent] == [
        "Your alpaca key expires within 14 days",
        "Your alpaca key expires within 3 days",
        "Your alpaca key expires within 1 day",
        "Your alpaca key has expired",
    ]
    assert {(n.recipient, n.severity) for n in sent} == {(OWNER.id, Severity.WARNING)}
    assert all(KEY_ID not in n.body and SECRET not in n.body for n in sent)
    assert "PK…7XQ" in sent[0].body and key.id in sent[-1].body
    audited = [e.outcome for e in await w.audit.entries() if e.action == "vault_key.expiry"]
    assert sorted(audited) == ["expired", "warned_14d", "warned_1d", "warned_3d"]


async def test_a_key_created_close_to_expiry_gets_one_warning_not_three() -> None:
    w = await world()
    await w.vault.create(create(expires_at=w.clock.now() + timedelta(hours=20)))

    await w.expiry.check()
    await w.expiry.check()

    assert [n.subject for n in w.notifier.sent] == ["Your alpaca key expires within 1 day"]


async def test_a_new_expiry_starts_the_warnings_over() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create(expires_at=w.clock.now() + timedelta(days=2)))
    await w.expiry.check()

    # Act
    later = w.clock.now() + timedelta(days=10)
    await w.vault.update(UpdateVaultKey(OWNER, key.id, expires_at=later))
    await w.expiry.check()

    # Assert
    assert [n.subject for n in w.notifier.sent] == [
        "Your alpaca key expires within 3 days",
        "Your alpaca key expires within 14 days",
    ]


async def test_keys_without_expiry_are_never_warned() -> None:
    w = await world()
    await w.vault.create(create())

    w.clock.advance(timedelta(days=400))
    report = await w.expiry.check()

    assert (report.warned, w.notifier.sent) == (0, [])


@settings(max_examples=200)
@given(st.lists(st.integers(min_value=0, max_value=40 * 24), min_size=1, max_size=30))
def test_whatever_the_check_times_each_threshold_is_sent_at_most_once(hours: list[int]) -> None:
    from adapters.memory.clock import FakeClock

    clock = FakeClock()
    start = clock.now()
    key = VaultKey(
        "vk-1", "u-1", "alpaca", "l", ("trading",), "…", SealedPair("a", "b"), start,
        expires_at=start + timedelta(days=20),
    )  # fmt: skip
    sent: list[int] = []
    for offset in sorted(hours):
        due = due_warning(key, start + timedelta(hours=offset))
        if due is not None:
            sent.append(due)
            key = warned_through(key, due)

    assert len(sent) == len(set(sent))
    assert sent == sorted(sent, reverse=True)
    assert set(sent) <= set(WARNING_DAYS)
