"""The crypto adapters on their own: RS256 issuer, pyotp verifier and Fernet cipher."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from adapters.security.cipher import FernetCipher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.totp import PyOtpVerifier
from domain.errors import Unauthenticated
from domain.identity import AccessClaims
from domain.principals import Role

NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def pem() -> bytes:
    return _pem(2048)


@pytest.fixture
def signer(pem: bytes) -> RsaJwtIssuer:
    return RsaJwtIssuer(pem)


def claims(ttl: timedelta = timedelta(minutes=15)) -> AccessClaims:
    return AccessClaims("usr-1", Role.TRADER, "jti-1", NOW, NOW + ttl)


def test_verify_returns_the_claims_that_were_issued(signer: RsaJwtIssuer) -> None:
    token = signer.issue(claims())

    assert signer.verify(token, NOW + timedelta(minutes=1)) == claims()


def test_a_token_verified_once_still_expires_on_time(signer: RsaJwtIssuer) -> None:
    # Arrange: the first verification caches the checked signature
    token = signer.issue(claims())
    signer.verify(token, NOW + timedelta(minutes=1))

    # Act / Assert: expiry is judged on every call, cached or not
    with pytest.raises(Unauthenticated, match="expired"):
        signer.verify(token, NOW + timedelta(minutes=15))


def test_a_tampered_copy_of_a_cached_token_is_refused(signer: RsaJwtIssuer) -> None:
    # Arrange
    token = signer.issue(claims())
    signer.verify(token, NOW)
    header, payload, signature = token.split(".")
    forged = ".".join(
        (header, payload, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB"))
    )

    # Act / Assert
    with pytest.raises(Unauthenticated):
        signer.verify(forged, NOW)


def test_another_issuer_or_audience_with_the_same_key_is_refused(
    signer: RsaJwtIssuer, pem: bytes
) -> None:
    other_audience = RsaJwtIssuer(pem, audience="someone-else")
    other_issuer = RsaJwtIssuer(pem, issuer="someone-else")

    for other in (other_audience, other_issuer):
        with pytest.raises(Unauthenticated):
            signer.verify(other.issue(claims()), NOW)


def test_unsigned_and_symmetric_tokens_are_refused(signer: RsaJwtIssuer) -> None:
    payload = jwt.decode(signer.issue(claims()), options={"verify_signature": False})
    unsigned = jwt.encode(payload, key="", algorithm="none")
    symmetric = jwt.encode(payload, "a-shared-secret-of-32-bytes-long!!", "HS256")

    for token in (unsigned, symmetric):
        with pytest.raises(Unauthenticated):
            signer.verify(token, NOW)


def test_a_token_missing_a_claim_or_with_an_unknown_role_is_refused(
    signer: RsaJwtIssuer, pem: bytes
) -> None:
    payload = jwt.decode(signer.issue(claims()), options={"verify_signature": False})
    no_jti = {k: v for k, v in payload.items() if k != "jti"}
    bad_role = {**payload, "role": "emperor"}

    for body in (no_jti, bad_role):
        token = jwt.encode(body, pem, algorithm="RS256")
        with pytest.raises(Unauthenticated):
            signer.verify(token, NOW)


def test_the_family_id_travels_in_the_fam_claim(signer: RsaJwtIssuer) -> None:
    issued = AccessClaims("usr-1", Role.TRADER, "jti-1", NOW, NOW + timedelta(minutes=5), "rtf-9")

    token = signer.issue(issued)
    payload = jwt.decode(token, options={"verify_signature": False})

    assert payload["fam"] == "rtf-9"
    assert signer.verify(token, NOW).family_id == "rtf-9"
    assert "fam" not in jwt.decode(signer.issue(claims()), options={"verify_signature": False})


@pytest.mark.parametrize("family", ["", 7, ["rtf-1"]])
def test_a_token_with_a_malformed_family_is_refused(
    signer: RsaJwtIssuer, pem: bytes, family: object
) -> None:
    payload = jwt.decode(signer.issue(claims()), options={"verify_signature": False})
    token = jwt.encode({**payload, "fam": family}, pem, algorithm="RS256")

    with pytest.raises(Unauthenticated):
        signer.verify(token, NOW)


def test_the_public_key_verifies_issued_tokens_elsewhere(signer: RsaJwtIssuer) -> None:
    token = signer.issue(claims())

    decoded = jwt.decode(
        token,
        signer.public_key_pem(),
        algorithms=["RS256"],
        audience="bulwark-api",
        options={"verify_exp": False},
    )

    assert decoded["sub"] == "usr-1"
    assert jwt.get_unverified_header(token)["kid"] == signer.key_id


def test_a_small_rsa_key_is_rejected() -> None:
    with pytest.raises(ValueError, match="2048"):
        RsaJwtIssuer(_pem(1024))


def test_totp_accepts_one_step_of_drift_either_side_and_names_the_step_it_matched() -> None:
    totp = PyOtpVerifier()
    secret = totp.new_secret()
    code = totp.code_at(secret, NOW)
    step = totp.step_at(NOW)

    accepted = [totp.matching_step(secret, code, NOW + timedelta(seconds=s)) for s in (-30, 0, 30)]
    refused = [totp.matching_step(secret, code, NOW + timedelta(seconds=s)) for s in (-60, 60)]

    assert accepted == [step, step, step]
    assert step == int(NOW.timestamp()) // 30
    assert refused == [None, None]


def test_totp_names_the_previous_and_the_next_step_when_their_codes_are_sent() -> None:
    totp = PyOtpVerifier()
    secret = totp.new_secret()
    before, after = NOW - timedelta(seconds=30), NOW + timedelta(seconds=30)

    previous = totp.matching_step(secret, totp.code_at(secret, before), NOW)
    following = totp.matching_step(secret, totp.code_at(secret, after), NOW)

    assert (previous, following) == (totp.step_at(before), totp.step_at(after))
    assert following == totp.step_at(NOW) + 1


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", "１２３４５６"])
def test_totp_refuses_malformed_codes_without_raising(code: str) -> None:
    totp = PyOtpVerifier()

    assert totp.matching_step(totp.new_secret(), code, NOW) is None


def test_totp_with_a_broken_secret_is_none_not_an_error() -> None:
    assert PyOtpVerifier().matching_step("not base32 at all!", "123456", NOW) is None


def test_the_cipher_round_trips_and_hides_the_plaintext() -> None:
    cipher = FernetCipher.generate()

    ciphertext = cipher.encrypt("JBSWY3DPEHPK3PXP")

    assert "JBSWY3DPEHPK3PXP" not in ciphertext
    assert cipher.decrypt(ciphertext) == "JBSWY3DPEHPK3PXP"


def test_another_key_cannot_decrypt_but_a_rotated_one_still_can() -> None:
    old_key, new_key = FernetCipher.new_key(), FernetCipher.new_key()
    ciphertext = FernetCipher(old_key).encrypt("seed")

    with pytest.raises(ValueError, match="cannot be authenticated"):
        FernetCipher(new_key).decrypt(ciphertext)
    assert FernetCipher(new_key, old_key).decrypt(ciphertext) == "seed"


def _pem(bits: int) -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
