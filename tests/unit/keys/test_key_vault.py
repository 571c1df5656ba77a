"""KeyVaultService: owner-only, masked, decrypted only through use(), rotation grace, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.keys.vault import (
    RotateVaultKey,
    UpdateVaultKey,
    VaultKeyEphemeral,
    VaultTestUnsupported,
)
from domain.errors import ConcurrentUpdate, Forbidden, NotFound
from domain.keys.keys import InvalidVaultKey, SealedPair, sealed_record_type
from ports.core.encryption import DecryptionRefused
from ports.keys.key_vault import VaultKeyExpired, VaultKeyLinked, VaultUnreadable
from tests.unit.keys.world import (
    ACCOUNT,
    AGENT,
    GRACE,
    KEY_ID,
    OWNER,
    SECRET,
    STRANGER,
    create,
    sealer,
    world,
)

NEW_KEY_ID = "PKNEW00000000000ABCD"
NEW_SECRET = "new-secret-0123456789"


async def test_a_created_key_is_sealed_at_rest_and_opens_only_through_use() -> None:
    # Arrange
    w = await world()

    # Act
    key = await w.vault.create(create())
    material = await w.vault.use(key.id, "broker.alpaca")

    # Assert
    stored = await w.store.get(key.id)
    assert stored is not None
    at_rest = repr(stored) + stored.pair.key_id + stored.pair.secret
    assert SECRET not in at_rest and KEY_ID not in at_rest
    assert stored.pair.secret.startswith("bwk1.")
    assert (material.current.key_id, material.current.secret) == (KEY_ID, SECRET)
    assert (key.key_hint, key.scopes, key.provider) == ("PK…7XQ", ("trading",), "alpaca")
    assert SECRET not in repr(material) and KEY_ID not in repr(material)


async def test_a_sealed_text_copied_onto_another_key_does_not_open() -> None:
    # Arrange
    w = await world()
    mine = await w.vault.create(create())
    other = await w.vault.create(create(label="second"))
    await w.store.save(type(other)(**{**_fields(other), "pair": mine.pair}), other.pair)

    # Act
    with pytest.raises(VaultUnreadable) as caught:
        await w.vault.use(other.id, "broker.alpaca")

    # Assert
    assert caught.value.code == "VAULT_UNREADABLE"
    accesses = await w.vault.accesses(OWNER, other.id)
    assert [(a.outcome, a.detail) for a in accesses] == [("refused", "unreadable")]


def _fields(key: object) -> dict[str, object]:
    return {name: getattr(key, name) for name in key.__slots__}  # type: ignore[attr-defined]


async def test_every_use_is_in_the_access_log_and_the_audit_log() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())
    w.clock.advance(60)

    # Act
    await w.vault.use(key.id, "broker.alpaca")
    accesses = await w.vault.accesses(OWNER, key.id)

    # Assert
    assert [(a.component, a.actor, a.outcome) for a in accesses] == [
        ("broker.alpaca", "system", "granted")
    ]
    uses = [e for e in await w.audit.entries() if e.action == "vault_key.use"]
    assert [(e.target, e.outcome, e.details["component"]) for e in uses] == [
        (f"vault_key:{key.id}", "granted", "broker.alpaca")
    ]
    touched = await w.store.get(key.id)
    assert touched is not None and touched.last_used_at == w.clock.now()


async def test_the_audit_trail_never_holds_the_secret_or_the_key_id() -> None:
    # Arrange
    w = await world()

    # Act
    key = await w.vault.create(create(account_id=ACCOUNT))
    await w.vault.rotate(RotateVaultKey(OWNER, key.id, NEW_SECRET, NEW_KEY_ID))
    await w.vault.use(key.id, "broker.alpaca")
    await w.vault.test(OWNER, key.id)
    await w.vault.delete(OWNER, key.id)

    # Assert
    entries = await w.audit.entries()
    text = repr(entries)
    assert {e.action for e in entries} >= {
        "vault_key.create", "vault_key.rotate", "vault_key.use", "vault_key.test",
        "vault_key.delete",
    }  # fmt: skip
    for secret in (KEY_ID, SECRET, NEW_KEY_ID, NEW_SECRET):
        assert secret not in text


@pytest.mark.parametrize("principal", [STRANGER, AGENT])
async def test_only_the_owner_sees_or_changes_a_key(principal: object) -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())
    error = Forbidden if principal is AGENT else NotFound

    # Act / Assert
    for attempt in (
        w.vault.show(principal, key.id),  # type: ignore[arg-type]
        w.vault.update(UpdateVaultKey(principal, key.id, label="mine now")),  # type: ignore[arg-type]
        w.vault.rotate(RotateVaultKey(principal, key.id, NEW_SECRET)),  # type: ignore[arg-type]
        w.vault.delete(principal, key.id),  # type: ignore[arg-type]
        w.vault.test(principal, key.id),  # type: ignore[arg-type]
        w.vault.accesses(principal, key.id),  # type: ignore[arg-type]
    ):
        with pytest.raises(error):
            await attempt
    assert await w.vault.list(STRANGER) == []
    assert (await w.vault.show(OWNER, key.id)).label == "my alpaca"


async def test_linking_needs_the_callers_account_and_one_key_per_account() -> None:
    # Arrange
    w = await world()
    await w.vault.create(create(account_id=ACCOUNT))

    # Act / Assert
    with pytest.raises(VaultKeyLinked):
        await w.vault.create(create(account_id=ACCOUNT))
    with pytest.raises(NotFound):
        await w.vault.create(create(account_id="acc-2"))  # STRANGER's account
    with pytest.raises(InvalidVaultKey, match="account_id"):
        await w.vault.create(
            create(provider="polygon", scopes=("market_data",), account_id=ACCOUNT)
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"provider": "mtgox"}, "provider"),
        ({"scopes": ("withdrawals",)}, "scopes"),
        ({"scopes": ()}, "scopes"),
        ({"label": "   "}, "label"),
        ({"secret": "has spaces"}, "secret"),
        ({"key_id": ""}, "key_id"),
    ],
)
async def test_invalid_keys_are_refused_naming_the_field(
    fields: dict[str, object], field: str
) -> None:
    w = await world()

    with pytest.raises(InvalidVaultKey) as caught:
        await w.vault.create(create(**fields))

    assert f"`{field}`" in str(caught.value)
    assert SECRET not in str(caught.value)


async def test_an_expiry_in_the_past_is_refused() -> None:
    w = await world()

    with pytest.raises(InvalidVaultKey, match="expires_at"):
        await w.vault.create(create(expires_at=w.clock.now()))


async def test_an_ephemeral_kek_on_a_durable_store_refuses_to_store() -> None:
    # Arrange
    w = await world(ephemeral=True, durable=True)

    # Act
    with pytest.raises(VaultKeyEphemeral) as caught:
        await w.vault.create(create())

    # Assert
    assert "BULWARK_KEKS" in str(caught.value)
    assert await w.vault.list(OWNER) == []
    assert [e.outcome for e in await w.audit.entries()] == ["refused"]


async def test_an_ephemeral_kek_is_fine_when_the_store_dies_with_it() -> None:
    w = await world(ephemeral=True, durable=False)

    key = await w.vault.create(create())

    assert (await w.vault.use(key.id, "x")).current.secret == SECRET


async def test_rotation_keeps_the_old_pair_as_a_fallback_for_the_grace_only() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create(account_id=ACCOUNT))
    w.changed.clear()

    # Act
    rotated = await w.vault.rotate(RotateVaultKey(OWNER, key.id, NEW_SECRET, NEW_KEY_ID))
    during = await w.vault.use(key.id, "broker.alpaca")
    w.clock.advance(GRACE)
    after = await w.vault.use(key.id, "broker.alpaca")

    # Assert
    assert (rotated.key_hint, rotated.previous_until) == ("PK…BCD", rotated.rotated_at + GRACE)
    assert (during.current.key_id, during.current.secret) == (NEW_KEY_ID, NEW_SECRET)
    assert during.fallback is not None
    assert (during.fallback.key_id, during.fallback.secret) == (KEY_ID, SECRET)
    assert after.current.secret == NEW_SECRET and after.fallback is None
    assert w.changed == [ACCOUNT]


async def test_the_periodic_check_purges_the_old_pair_after_the_grace() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())
    await w.vault.rotate(RotateVaultKey(OWNER, key.id, NEW_SECRET))

    # Act
    early = await w.expiry.check()
    w.clock.advance(GRACE)
    late = await w.expiry.check()

    # Assert
    assert (early.purged, late.purged) == (0, 1)
    stored = await w.store.get(key.id)
    assert stored is not None and stored.previous is None and stored.previous_until is None
    assert stored.key_hint == "PK…7XQ"  # no new key id: the old one is kept
    assert (await w.vault.use(key.id, "x")).current.key_id == KEY_ID


async def test_a_zero_grace_keeps_nothing() -> None:
    w = await world()
    w.vault.grace = timedelta(0)
    key = await w.vault.create(create())

    rotated = await w.vault.rotate(RotateVaultKey(OWNER, key.id, NEW_SECRET))

    assert rotated.previous is None
    assert (await w.vault.use(key.id, "x")).fallback is None


async def test_an_expired_key_is_refused_and_the_refusal_is_logged() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create(expires_at=w.clock.now() + timedelta(days=1)))
    w.clock.advance(timedelta(days=1))

    # Act
    with pytest.raises(VaultKeyExpired) as caught:
        await w.vault.use(key.id, "broker.alpaca")

    # Assert
    assert caught.value.code == "VAULT_KEY_EXPIRED"
    accesses = await w.vault.accesses(OWNER, key.id)
    assert [(a.outcome, a.detail) for a in accesses] == [("refused", "expired")]
    assert (await w.vault.show(OWNER, key.id)).expired(w.clock.now())


async def test_a_patch_changes_label_scopes_and_expiry_and_clears_it() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())
    later = w.clock.now() + timedelta(days=30)

    # Act
    changed = await w.vault.update(
        UpdateVaultKey(OWNER, key.id, "renamed", ("account_read", "trading"), later)
    )
    cleared = await w.vault.update(UpdateVaultKey(OWNER, key.id, clear_expiry=True))

    # Assert
    assert (changed.label, changed.scopes, changed.expires_at) == (
        "renamed",
        ("account_read", "trading"),
        later,
    )
    assert cleared.expires_at is None and cleared.label == "renamed"
    assert (await w.vault.use(key.id, "x")).current.secret == SECRET  # the pair is untouched


async def test_test_connection_goes_through_use_and_never_answers_the_secret() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())

    # Act
    report = await w.vault.test(OWNER, key.id)

    # Assert
    assert report.outcome.value == "ok"
    assert [m.current.secret for m in w.tester.seen] == [SECRET]
    accesses = await w.vault.accesses(OWNER, key.id)
    assert [(a.component, a.actor) for a in accesses] == [("vault.test", OWNER.id)]
    assert SECRET not in repr(report)


async def test_a_provider_without_a_tester_says_so() -> None:
    w = await world()
    key = await w.vault.create(create(provider="polygon", scopes=("market_data",)))

    with pytest.raises(VaultTestUnsupported):
        await w.vault.test(OWNER, key.id)


async def test_another_kek_cannot_open_the_vault() -> None:
    # Arrange
    w = await world()
    key = await w.vault.create(create())
    stored = await w.store.get(key.id)
    assert stored is not None

    # Act / Assert
    with pytest.raises(DecryptionRefused):
        sealer().open(stored.pair.secret, sealed_record_type("secret"), key.id)


async def test_an_edit_racing_a_rotation_is_refused_not_lost() -> None:
    # Arrange: the key is rotated between the edit's read and its write
    w = await world()
    key = await w.vault.create(create())
    real_get = w.store.get

    async def get_then_rotate(key_id: str) -> object:
        found = await real_get(key_id)
        w.store.get = real_get  # type: ignore[method-assign]
        await w.vault.rotate(RotateVaultKey(OWNER, key.id, NEW_SECRET))
        return found

    w.store.get = get_then_rotate  # type: ignore[method-assign]

    # Act
    with pytest.raises(ConcurrentUpdate):
        await w.vault.update(UpdateVaultKey(OWNER, key.id, label="stale"))

    # Assert
    assert (await w.vault.use(key.id, "x")).current.secret == NEW_SECRET


async def test_a_key_id_and_secret_swapped_in_the_table_do_not_open() -> None:
    # Arrange: someone with write access to the table swaps the two sealed fields.
    w = await world()
    key = await w.vault.create(create())
    stored = await w.store.get(key.id)
    assert stored is not None
    swapped = SealedPair(key_id=stored.pair.secret, secret=stored.pair.key_id)
    assert await w.store.replace_sealed("key_id", key.id, stored.pair.key_id, swapped.key_id)
    assert await w.store.replace_sealed("secret", key.id, stored.pair.secret, swapped.secret)

    # Act / Assert
    with pytest.raises(VaultUnreadable):
        await w.vault.use(key.id, "broker.alpaca")
