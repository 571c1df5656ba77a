"""The password policy: length bounds and the bundled list of common passwords."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.identity import InvalidCredentialInput, validate_password
from domain.identity.credentials import CommonPassword
from domain.identity.password_policy import common_passwords, is_common_password

# Passwords the demo, the README and the tests use: they must stay acceptable.
IN_USE = (
    "demo-password-1",
    "risk-password-1",
    "viewer-password-1",
    "correct horse battery",
    "correct-horse-battery",
    "a brand new passphrase",
)


def test_the_bundled_list_is_loaded_lowercase_without_comments() -> None:
    found = common_passwords()

    assert len(found) > 19_000
    assert "password" in found and "qwerty123456" in found
    assert all(p == p.lower() and not p.startswith("#") for p in found)


@pytest.mark.parametrize("password", ["qwerty123456", "QWERTY123456", " Password1234 "])
def test_a_common_password_is_refused_whatever_its_case(password: str) -> None:
    with pytest.raises(CommonPassword) as refused:
        validate_password(password)

    assert refused.value.code == "PASSWORD_TOO_COMMON"
    assert refused.value.field == "password"


@pytest.mark.parametrize("password", IN_USE)
def test_the_passwords_in_use_pass(password: str) -> None:
    validate_password(password)  # no exception


@given(st.text(max_size=11))
def test_every_password_shorter_than_12_is_refused(password: str) -> None:
    with pytest.raises(InvalidCredentialInput):
        validate_password(password)


def test_a_password_longer_than_1024_is_refused() -> None:
    with pytest.raises(InvalidCredentialInput, match="at most 1024"):
        validate_password("x" * 1025)


@given(st.sampled_from(sorted(p for p in common_passwords() if len(p) >= 12)), st.booleans())
def test_every_listed_password_of_an_acceptable_length_is_refused(
    password: str, upper: bool
) -> None:
    candidate = password.upper() if upper else password

    assert is_common_password(candidate)
    with pytest.raises(CommonPassword):
        validate_password(candidate)
