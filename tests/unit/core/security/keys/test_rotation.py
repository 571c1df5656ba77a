"""KeyRotation over in-memory sources: re-wrap, status, resume, races, unreadable records."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from adapters.memory.key_rotation import InMemoryUserSecretSource
from adapters.security.secret_box import SecretBox
from application.keys.rotation import KeyRetirementRefused, RotationProgress, UnknownKey
from ports.core.encryption import Sealed, SealedRecord
from tests.unit.core.security.keys.helpers import V1, V2, V3, box, rotation_world, seed_users


class Interrupted(Exception):
    """Stands for a crash or Ctrl-C in the middle of a rotation."""


class CountingSource:
    """A source that counts the records it was asked to replace."""

    def __init__(self, inner: InMemoryUserSecretSource) -> None:
        self.inner = inner
        self.name = inner.name
        self.replaced: list[str] = []

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        return await self.inner.batch(after, limit)

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        self.replaced.append(record.record_id)
        return await self.inner.replace(record, new_text)


async def test_rotation_rewraps_every_record_and_each_opens_to_the_same_secret() -> None:
    # Arrange
    world = rotation_world()
    plain = seed_users(world.store, box(V1), 25)
    sealer = box(V1, V2)

    # Act
    result = await world.rotation(sealer, V1, V2).rotate("cli")
    status = await world.rotation(sealer, V1, V2).status()

    # Assert
    assert (result.seen, result.upgraded, result.unreadable_count) == (25, 25, 0)
    assert status.sources[0].labels == {"main v2": 25}
    for user_id, secret in plain.items():
        text = world.store.users[user_id].mfa_secret
        assert text is not None and text.startswith("bwk1.main.2.")
        assert sealer.open(text, "user.mfa_secret", user_id) == secret
    [entry] = await world.audit.entries()
    assert (entry.action, entry.outcome, entry.details["upgraded"]) == ("keys.rotate", "ok", 25)


async def test_status_counts_records_per_key_label_and_a_second_run_has_nothing_to_do() -> None:
    # Arrange
    world = rotation_world()
    seed_users(world.store, box(V1), 4)
    world.store.users["u-00000"].mfa_secret = box(V1, V2).seal("x", "user.mfa_secret", "u-00000")
    rotation = world.rotation(box(V1, V2), V1, V2)

    # Act
    before = await rotation.status()
    await rotation.rotate("cli")
    again = await rotation.rotate("cli")

    # Assert
    assert before.sources[0].labels == {"main v1": 3, "main v2": 1}
    assert before.current == V2 and before.configured == (V1, V2)
    assert (again.upgraded, again.current, again.percent) == (0, 4, 100.0)


async def test_an_interrupted_rotation_resumes_after_its_last_finished_batch() -> None:
    # Arrange: 25 records, batches of 10, the run stops after its first batch
    world = rotation_world()
    seed_users(world.store, box(V1), 25)
    source = CountingSource(InMemoryUserSecretSource(world.store, "users.mfa_secret"))
    rotation = world.rotation(box(V1, V2), V1, V2, sources=[source])

    def crash(progress: RotationProgress) -> None:
        raise Interrupted

    # Act
    with pytest.raises(Interrupted):
        await rotation.rotate("cli", progress=crash)
    first = list(source.replaced)
    resumed = await rotation.rotate("cli")

    # Assert: every record replaced exactly once over both runs
    assert len(first) == 10
    assert resumed.resumed == ["users.mfa_secret"]
    assert (resumed.seen, resumed.upgraded) == (15, 15)
    assert sorted(source.replaced) == sorted(world.store.users)
    assert await world.checkpoints.checkpoint("users.mfa_secret") is None


async def test_a_checkpoint_made_for_an_older_target_key_is_not_resumed() -> None:
    # Arrange: a run to v2 stops after one batch; then v3 is added before it is run again
    world = rotation_world()
    seed_users(world.store, box(V1), 25)

    def crash(progress: RotationProgress) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        await world.rotation(box(V1, V2), V1, V2).rotate("cli", progress=crash)

    # Act
    result = await world.rotation(box(V1, V2, V3), V1, V2, V3).rotate("cli")

    # Assert: the walk started over, so the first batch moved to v3 as well
    assert result.resumed == [] and result.seen == 25
    status = await world.rotation(box(V1, V2, V3), V1, V2, V3).status()
    assert status.sources[0].labels == {"main v3": 25}


class RacingSource(CountingSource):
    """Before each of the first `races` replaces, 'the user' changes that record's secret."""

    def __init__(self, inner: InMemoryUserSecretSource, races: int, writer_box: SecretBox) -> None:
        super().__init__(inner)
        self.races = races
        self.box = writer_box
        self.latest: dict[str, str] = {}

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        if self.races:
            self.races -= 1
            secret = f"CHANGED-{record.record_id}"
            self.latest[record.record_id] = secret
            user = self.inner._store.users[record.record_id]
            user.mfa_secret = self.box.seal(secret, "user.mfa_secret", record.record_id)
        return await super().replace(record, new_text)


@pytest.mark.parametrize("writer", ["old key", "new key"])
async def test_a_record_changed_during_rotation_keeps_its_latest_secret(writer: str) -> None:
    # Arrange: the first 5 replaces lose their CAS to a concurrent change of the secret
    world = rotation_world()
    plain = seed_users(world.store, box(V1), 12)
    writer_box = box(V1) if writer == "old key" else box(V1, V2)
    source = RacingSource(InMemoryUserSecretSource(world.store, "users.mfa_secret"), 5, writer_box)
    sealer = box(V1, V2)

    # Act
    result = await world.rotation(sealer, V1, V2, sources=[source]).rotate("cli")

    # Assert: nothing lost, everything under v2, the races were seen and retried
    plain.update(source.latest)
    for user_id, secret in plain.items():
        text = world.store.users[user_id].mfa_secret
        assert text is not None and text.startswith("bwk1.main.2.")
        assert sealer.open(text, "user.mfa_secret", user_id) == secret
    assert result.raced == 5 and result.contended == 0


async def test_an_unreadable_record_is_counted_and_named_and_the_rest_rotate() -> None:
    # Arrange: one record sealed for another user (moved), one garbled
    world = rotation_world()
    seed_users(world.store, box(V1), 6)
    moved = world.store.users["u-00001"].mfa_secret
    world.store.users["u-00002"].mfa_secret = moved
    world.store.users["u-00003"].mfa_secret = "bwk1.garbage"
    rotation = world.rotation(box(V1, V2), V1, V2)

    # Act
    result = await rotation.rotate("cli")

    # Assert
    assert result.unreadable_count == 2
    assert result.unreadable == [("users.mfa_secret", "u-00002"), ("users.mfa_secret", "u-00003")]
    assert result.upgraded == 4
    [entry] = await world.audit.entries()
    assert entry.outcome == "partial" and "bwk1" not in repr(entry)


async def test_a_legacy_fernet_secret_is_upgraded_to_an_envelope() -> None:
    # Arrange
    from adapters.security.cipher import FernetCipher

    fernet = FernetCipher.generate()
    world = rotation_world()
    seed_users(world.store, box(V1), 1)
    world.store.users["u-00000"].mfa_secret = fernet.encrypt("LEGACYSEED")
    sealer = box(V1, legacy=fernet)
    rotation = world.rotation(sealer, V1)

    # Act
    before = await rotation.status()
    await rotation.rotate("cli")

    # Assert
    text = world.store.users["u-00000"].mfa_secret
    assert before.sources[0].labels == {"legacy": 1}
    assert text is not None and text.startswith("bwk1.main.1.")
    assert sealer.open(text, "user.mfa_secret", "u-00000") == "LEGACYSEED"


async def test_retire_is_refused_while_records_name_the_version_and_allowed_after() -> None:
    # Arrange
    world = rotation_world()
    seed_users(world.store, box(V1), 3)
    rotation = world.rotation(box(V1, V2), V1, V2)

    # Act
    with pytest.raises(KeyRetirementRefused) as refused:
        await rotation.retire("admin-1", "main", 1)
    await rotation.rotate("cli")
    retired = await rotation.retire("admin-1", "main", 1)
    still = await rotation.retired_still_configured()

    # Assert
    assert refused.value.code == "KEY_IN_USE"
    assert "3 record(s) (users.mfa_secret 3)" in refused.value.message
    assert retired.kek == V1 and still == [V1]
    outcomes = [(e.action, e.target, e.outcome) for e in await world.audit.entries(limit=10)]
    assert ("keys.retire", "main v1", "refused") in outcomes
    assert ("keys.retire", "main v1", "retired") in outcomes


async def test_retire_refuses_the_current_version_and_an_unknown_one() -> None:
    # Arrange
    rotation = rotation_world().rotation(box(V1, V2), V1, V2)

    # Act / Assert
    with pytest.raises(KeyRetirementRefused, match="current"):
        await rotation.retire("cli", "main", 2)
    with pytest.raises(UnknownKey, match=r"main v7 is not configured \(configured: main v1"):
        await rotation.retire("cli", "main", 7)


async def test_rotation_never_reuses_a_kek_nonce_and_keeps_the_record_layer() -> None:
    # Arrange
    world = rotation_world()
    seed_users(world.store, box(V1), 2000)
    before = {u.id: Sealed.parse(u.mfa_secret or "") for u in world.store.users.values()}

    # Act
    await world.rotation(box(V1, V2), V1, V2).rotate("cli", batch=500)

    # Assert: 4,000 wraps, 4,000 distinct KEK nonces; record nonces and ciphertexts untouched
    after = {u.id: Sealed.parse(u.mfa_secret or "") for u in world.store.users.values()}
    kek_nonces = {s.wrapped_key[:12] for s in (*before.values(), *after.values())}
    assert len(kek_nonces) == 4000
    for user_id, sealed in after.items():
        assert (sealed.nonce, sealed.ciphertext) == (
            before[user_id].nonce,
            before[user_id].ciphertext,
        )
