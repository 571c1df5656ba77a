"""Security identifiers: CUSIP, ISIN and FIGI with their check digits, and on an instrument."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInstrument
from domain.trading.identifiers import (
    Cusip,
    Figi,
    InvalidSecurityIdentifier,
    Isin,
    cusip_check_digit,
    figi_check_digit,
    isin_check_digit,
)
from domain.trading.instruments import Instrument

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"
cusip_bases = st.text(alphabet=ALNUM + "*@#", min_size=8, max_size=8)
alnum_cusip_bases = st.text(alphabet=ALNUM, min_size=8, max_size=8)
countries = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)
figi_prefixes = st.text(alphabet=CONSONANTS, min_size=2, max_size=2).filter(
    lambda p: p not in {"BS", "BM", "GG", "GB", "GH", "KY", "VG"}
)
figi_bodies = st.text(alphabet=CONSONANTS + "0123456789", min_size=8, max_size=8)


def _changed(value: str, index: int, replacement: str) -> str:
    return value[:index] + replacement + value[index + 1 :]


@pytest.mark.parametrize(
    ("cusip", "isin"),
    [
        ("037833100", "US0378331005"),  # Apple Inc common stock
        ("594918104", "US5949181045"),  # Microsoft Corp common stock
        ("38259P508", "US38259P5089"),  # Google Inc class A (2004), a letter in the issue
    ],
)
def test_public_cusips_and_their_isins(cusip: str, isin: str) -> None:
    # Act
    made = Isin.from_cusip(Cusip(cusip))

    # Assert
    assert made == Isin(isin)
    assert made.cusip() == Cusip(cusip)
    assert made.country == "US"


@pytest.mark.parametrize("isin", ["GB0002634946", "AU0000XVGZA3", "DE000BAY0017", "JP3435000009"])
def test_public_isins_of_other_countries_validate(isin: str) -> None:
    assert Isin(isin).cusip() is None


@pytest.mark.parametrize("figi", ["BBG000B9XRY4", "BBG000BLNNH6", "BBG000BPH459"])
def test_public_figis_validate(figi: str) -> None:
    assert str(Figi(figi)) == figi


def test_check_digits_by_hand() -> None:
    assert cusip_check_digit("03783310") == 0
    assert isin_check_digit("US037833100") == 5
    assert figi_check_digit("BBG000B9XRY") == 4


@pytest.mark.parametrize(
    ("kind", "text", "why"),
    [
        (Cusip, "037833101", "check digit should be 0"),
        (Cusip, "03783310", "9 characters"),
        (Isin, "US0378331006", "check digit should be 5"),
        (Isin, "1S0378331005", "country code"),
        (Figi, "BBG000B9XRY5", "check digit should be 4"),
        (Figi, "BBA000B9XRY4", "'G'"),  # a vowel in the prefix, no 'G' third
        (Figi, "BSG000B9XRY4", "prefix BS is not allowed"),
    ],
)
def test_a_bad_identifier_is_refused_saying_why(
    kind: type[Cusip | Isin | Figi], text: str, why: str
) -> None:
    with pytest.raises(InvalidSecurityIdentifier, match=why):
        kind(text)


def test_parse_strips_and_upper_cases() -> None:
    assert Cusip.parse(" 38259p508 ").value == "38259P508"
    assert Isin.parse("us0378331005").value == "US0378331005"
    assert Figi.parse("bbg000b9xry4").value == "BBG000B9XRY4"


@given(cusip_bases)
def test_a_computed_cusip_check_digit_round_trips(base: str) -> None:
    assert Cusip.with_check_digit(base).value[:8] == base


@given(cusip_bases, st.integers(0, 8), st.sampled_from("0123456789"))
def test_a_cusip_with_one_digit_changed_is_refused(base: str, index: int, new: str) -> None:
    # Arrange: doubling then adding the digits is a permutation of 0-9, so every single digit
    # change is caught (a letter for a letter can collide: A = 10 adds as 1, as does "1")
    valid = Cusip.with_check_digit(base).value
    changed = _changed(valid, index, new)
    if changed == valid or not valid[index].isdigit():
        return

    # Act / Assert
    with pytest.raises(InvalidSecurityIdentifier):
        Cusip(changed)


@given(alnum_cusip_bases, countries)
def test_an_isin_from_a_cusip_embeds_it_and_validates(base: str, country: str) -> None:
    # Arrange
    cusip = Cusip.with_check_digit(base)

    # Act
    isin = Isin.from_cusip(cusip, country)

    # Assert
    assert isin.nsin == cusip.value
    assert Isin(isin.value) == isin


@given(alnum_cusip_bases, st.integers(2, 11), st.sampled_from("0123456789"))
def test_an_isin_with_one_digit_changed_is_refused(base: str, index: int, new: str) -> None:
    # Arrange: Luhn catches every single-digit error of the expanded digit string
    valid = Isin.from_cusip(Cusip.with_check_digit(base)).value
    changed = _changed(valid, index, new)
    if changed == valid or not valid[index].isdigit():
        return

    # Act / Assert
    with pytest.raises(InvalidSecurityIdentifier):
        Isin(changed)


@given(figi_prefixes, figi_bodies, st.integers(3, 11), st.sampled_from("0123456789"))
def test_a_figi_round_trips_and_one_changed_digit_is_refused(
    prefix: str, body: str, index: int, new: str
) -> None:
    # Arrange
    payload = prefix + "G" + body
    valid = payload + str(figi_check_digit(payload))
    changed = _changed(valid, index, new)

    # Act
    figi = Figi(valid)

    # Assert
    assert figi.value == valid
    if changed != valid and valid[index].isdigit():
        with pytest.raises(InvalidSecurityIdentifier):
            Figi(changed)


def test_an_instrument_keeps_its_identifiers_in_upper_case() -> None:
    # Act
    apple = Instrument("AAPL", cusip=" 037833100", isin="us0378331005", figi="bbg000b9xry4")

    # Assert
    assert (apple.cusip, apple.isin, apple.figi) == ("037833100", "US0378331005", "BBG000B9XRY4")
    assert Instrument("AAPL", cusip="").cusip is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"cusip": "037833101"}, "cusip"),
        ({"isin": "US0378331006"}, "isin"),
        ({"figi": "BBG000B9XRY5"}, "figi"),
        ({"cusip": "594918104", "isin": "US0378331005"}, "isin"),  # Microsoft's CUSIP
    ],
)
def test_an_instrument_refuses_a_bad_identifier_naming_it(
    fields: dict[str, str], field: str
) -> None:
    with pytest.raises(InvalidInstrument) as raised:
        Instrument("AAPL", **fields)  # type: ignore[arg-type]

    assert raised.value.field == field
