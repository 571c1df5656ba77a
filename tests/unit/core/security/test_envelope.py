"""AES-256-GCM envelope encryption: round trip, tamper refused, rewrap, unique nonces and keys."""

from __future__ import annotations

import base64
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from ports.core.encryption import NONCE_BYTES, DecryptionRefused, KeyRef, Sealed

V1, V2 = KeyRef("main", 1), KeyRef("main", 2)
KEK1, KEK2 = bytes(range(32)), bytes(range(32, 64))


def provider(*refs: KeyRef) -> StaticKeyProvider:
    keys = {V1: KEK1, V2: KEK2}
    return StaticKeyProvider({ref: keys[ref] for ref in refs}, current=refs[-1])


@pytest.fixture
def cipher() -> AesGcmEnvelope:
    return AesGcmEnvelope(provider(V1))


def flip_bit(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_a_sealed_secret_opens_to_the_same_bytes_for_its_record(cipher: AesGcmEnvelope) -> None:
    # Act
    text = cipher.seal(b"JBSWY3DPEHPK3PXP", "totp_secret", "user-7")

    # Assert
    assert text.startswith("bwk1.main.1.")
    assert b"JBSWY3DPEHPK3PXP" not in text.encode()
    assert cipher.open(text, "totp_secret", "user-7") == b"JBSWY3DPEHPK3PXP"
    assert cipher.kek_version_of(text) == V1


@given(st.binary(max_size=2048), st.text(max_size=20), st.text(max_size=40))
@settings(max_examples=60)
def test_any_plaintext_and_record_round_trips(plaintext: bytes, kind: str, record: str) -> None:
    cipher = AesGcmEnvelope(provider(V1))
    assert cipher.open(cipher.seal(plaintext, kind, record), kind, record) == plaintext


@pytest.mark.parametrize(
    ("part", "index"),
    [
        ("wrapped_key", 0),  # the KEK nonce
        ("wrapped_key", NONCE_BYTES + 3),  # the encrypted data key
        ("wrapped_key", -1),  # the wrap's tag
        ("nonce", 5),
        ("ciphertext", 0),
        ("ciphertext", -1),  # the record's tag
    ],
)
def test_a_flipped_bit_in_any_part_is_refused(
    cipher: AesGcmEnvelope, part: str, index: int
) -> None:
    # Arrange
    sealed = Sealed.parse(cipher.seal(b"secret" * 20, "broker_credentials", "acct-1"))
    data: bytes = getattr(sealed, part)
    fields = {"kek": sealed.kek, "wrapped_key": sealed.wrapped_key, "nonce": sealed.nonce}
    fields["ciphertext"] = sealed.ciphertext
    fields[part] = flip_bit(data, index % len(data))
    tampered = Sealed(**fields).to_text()  # type: ignore[arg-type]

    # Act / Assert
    with pytest.raises(DecryptionRefused):
        cipher.open(tampered, "broker_credentials", "acct-1")


@pytest.mark.parametrize(
    ("record_type", "record_id"),
    [("broker_credentials", "acct-2"), ("totp_secret", "acct-1"), ("broker_credentials", "")],
)
def test_a_ciphertext_does_not_open_for_another_record(
    cipher: AesGcmEnvelope, record_type: str, record_id: str
) -> None:
    # Arrange
    text = cipher.seal(b"secret", "broker_credentials", "acct-1")

    # Act / Assert
    with pytest.raises(DecryptionRefused, match="another record"):
        cipher.open(text, record_type, record_id)


def test_fields_cannot_be_shifted_between_record_type_and_id(cipher: AesGcmEnvelope) -> None:
    text = cipher.seal(b"secret", "a.b", "c")
    with pytest.raises(DecryptionRefused):
        cipher.open(text, "a", "b.c")


def test_record_ids_that_are_not_valid_utf8_still_seal_and_bind(cipher: AesGcmEnvelope) -> None:
    # Arrange: a lone surrogate cannot be UTF-8 encoded strictly
    text = cipher.seal(b"secret", "t", "\ud800")

    # Act / Assert
    assert cipher.open(text, "t", "\ud800") == b"secret"
    with pytest.raises(DecryptionRefused):
        cipher.open(text, "t", "\ud801")


def test_relabelling_the_kek_version_is_refused() -> None:
    # Arrange: both versions configured, so only the wrap's associated data can catch it
    cipher = AesGcmEnvelope(provider(V1, V2))
    text = cipher.seal(b"secret", "t", "1")

    # Act
    relabelled = text.replace("bwk1.main.2.", "bwk1.main.1.")

    # Assert
    with pytest.raises(DecryptionRefused, match="does not authenticate under main v1"):
        cipher.open(relabelled, "t", "1")


def test_an_unknown_kek_version_is_refused_clearly() -> None:
    # Arrange
    text = AesGcmEnvelope(provider(V1, V2)).seal(b"secret", "t", "1")

    # Act / Assert
    with pytest.raises(DecryptionRefused, match="no key-encryption key main v2"):
        AesGcmEnvelope(provider(V1)).open(text, "t", "1")


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "garbage",
        "bwk1",
        "bwk1.main.1.AA.AA",
        "bwk2.main.1.a.b.c",
        "bwk1.m!.1.a.b.c",
        "bwk1.main.x.a.b.c",
        "bwk1.main.1.***.b.c",
        "bwk1.main.².a.b.c",
        "bwk1.main.0.a.b.c",
        "bwk1.main.1.é.b.c",
    ],
)
def test_garbage_is_refused(cipher: AesGcmEnvelope, garbage: str) -> None:
    with pytest.raises(DecryptionRefused):
        cipher.open(garbage, "t", "1")


def test_a_truncated_text_is_refused(cipher: AesGcmEnvelope) -> None:
    text = cipher.seal(b"secret" * 10, "t", "1")
    for cut in (len(text) - 1, len(text) - 8, len(text) // 2, 10):
        with pytest.raises(DecryptionRefused):
            cipher.open(text[:cut], "t", "1")


def test_rewrap_moves_the_data_key_to_the_new_kek_and_leaves_the_ciphertext() -> None:
    # Arrange
    old = AesGcmEnvelope(provider(V1))
    text = old.seal(b"broker secret", "broker_credentials", "acct-1")
    rotating = AesGcmEnvelope(provider(V1, V2))

    # Act
    rewrapped = rotating.rewrap(text)

    # Assert
    before, after = Sealed.parse(text), Sealed.parse(rewrapped)
    assert rotating.kek_version_of(rewrapped) == V2
    assert (after.nonce, after.ciphertext) == (before.nonce, before.ciphertext)
    assert after.wrapped_key != before.wrapped_key
    retired = AesGcmEnvelope(StaticKeyProvider({V2: KEK2}, current=V2))  # v1 gone
    assert retired.open(rewrapped, "broker_credentials", "acct-1") == b"broker secret"
    assert rotating.rewrap(rewrapped) == rewrapped  # already current: nothing to do


def test_new_seals_use_the_new_version_and_old_ones_still_open() -> None:
    # Arrange
    old_text = AesGcmEnvelope(provider(V1)).seal(b"old", "t", "1")
    cipher = AesGcmEnvelope(provider(V1, V2))

    # Act
    new_text = cipher.seal(b"new", "t", "2")

    # Assert
    assert cipher.kek_version_of(new_text) == V2
    assert cipher.open(old_text, "t", "1") == b"old"


def test_nonces_and_data_keys_are_never_reused(cipher: AesGcmEnvelope) -> None:
    # Arrange / Act: the same plaintext and record, 5,000 times
    sealed = [Sealed.parse(cipher.seal(b"same", "t", "1")) for _ in range(5_000)]

    # Assert: record nonces, KEK nonces and wrapped keys all distinct, and so the ciphertexts
    assert len({s.nonce for s in sealed}) == 5_000
    assert len({s.wrapped_key[:NONCE_BYTES] for s in sealed}) == 5_000
    assert len({s.ciphertext for s in sealed}) == 5_000


def test_data_keys_are_distinct(cipher: AesGcmEnvelope, monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange: capture the data keys the cipher generates
    from adapters.security import envelope

    seen: list[bytes] = []
    real = envelope.AESGCM.generate_key

    def spy(bit_length: int) -> bytes:
        seen.append(real(bit_length))
        return seen[-1]

    monkeypatch.setattr(envelope.AESGCM, "generate_key", staticmethod(spy))

    # Act
    for n in range(1_000):
        cipher.seal(b"x", "t", str(n))

    # Assert
    assert len(seen) == 1_000 and len(set(seen)) == 1_000
    assert all(len(key) == 32 for key in seen)


def test_reprs_never_show_key_material(cipher: AesGcmEnvelope) -> None:
    # Arrange
    sealed = Sealed.parse(cipher.seal(b"secret", "t", "1"))
    shown = repr(cipher) + str(cipher) + repr(sealed) + repr(provider(V1, V2))

    # Assert
    for secret in (KEK1, KEK2, sealed.wrapped_key, sealed.nonce, sealed.ciphertext):
        assert secret.hex() not in shown
        assert base64.b64encode(secret).decode() not in shown
        assert base64.urlsafe_b64encode(secret).decode().rstrip("=") not in shown
    assert "main v1" in shown


def test_random_keks_round_trip() -> None:
    ref = KeyRef("k", 1)
    cipher = AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, current=ref))
    assert cipher.open(cipher.seal(b"x", "t", "1"), "t", "1") == b"x"


SEALED_ONCE = AesGcmEnvelope(provider(V1)).seal(b"a 1 KiB secret" * 73, "t", "1")


@given(st.sampled_from(["wrapped_key", "nonce", "ciphertext"]), st.integers(0, 10**6))
@settings(max_examples=300)
def test_every_single_bit_flip_in_every_part_is_refused(part: str, position: int) -> None:
    # Arrange
    sealed = Sealed.parse(SEALED_ONCE)
    fields = {
        "kek": sealed.kek,
        "wrapped_key": sealed.wrapped_key,
        "nonce": sealed.nonce,
        "ciphertext": sealed.ciphertext,
    }
    data: bytes = fields[part]  # type: ignore[assignment]
    byte, bit = divmod(position % (len(data) * 8), 8)
    fields[part] = data[:byte] + bytes([data[byte] ^ (1 << bit)]) + data[byte + 1 :]

    # Act / Assert
    with pytest.raises(DecryptionRefused):
        AesGcmEnvelope(provider(V1)).open(Sealed(**fields).to_text(), "t", "1")  # type: ignore[arg-type]
