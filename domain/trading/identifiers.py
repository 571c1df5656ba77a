"""Security identifiers with their check digits: CUSIP, ISIN and FIGI.

- CUSIP (CUSIP Global Services): 9 characters, 6 of issuer, 2 of issue, 1 check digit. The
  check digit is the modulus 10 "double add double": each of the first 8 characters as a
  number (digits as themselves, A-Z = 10-35, '*', '@', '#' = 36, 37, 38), every second one
  doubled, the digits of every product summed, and (10 - sum mod 10) mod 10.
- ISIN (ISO 6166): 12 characters, a 2-letter country code, a 9-character national number
  (a US or Canadian ISIN embeds the CUSIP) and a check digit: the letters expanded to two
  digits (A = 10 ... Z = 35), then the Luhn check digit of that digit string.
- FIGI (OMG Financial Instrument Global Identifier, as OpenFIGI publishes it): 12
  characters, 2 uppercase consonants that are not BS, BM, GG, GB, GH, KY or VG, a 'G', 8
  consonants or digits, and a check digit computed as the CUSIP's over the first 11.

Each is a small value type built from its exact text; `parse` strips and upper-cases first.
A wrong length, alphabet or check digit is InvalidSecurityIdentifier naming what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.errors import DomainError

_CUSIP = re.compile(r"[A-Z0-9*@#]{8}[0-9]")
_ISIN = re.compile(r"[A-Z]{2}[A-Z0-9]{9}[0-9]")
_FIGI = re.compile(r"[B-DF-HJ-NP-TV-Z]{2}G[B-DF-HJ-NP-TV-Z0-9]{8}[0-9]")
FIGI_EXCLUDED_PREFIXES = frozenset({"BS", "BM", "GG", "GB", "GH", "KY", "VG"})
_SPECIAL = {"*": 36, "@": 37, "#": 38}


class InvalidSecurityIdentifier(DomainError):
    """A CUSIP, ISIN or FIGI that is malformed or whose check digit does not match."""

    code = "INVALID_SECURITY_IDENTIFIER"


def _char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    return _SPECIAL[char]


def _double_add_double(payload: str) -> int:
    """Modulus 10 double-add-double over `payload` (every second character doubled)."""
    total = 0
    for index, char in enumerate(payload):
        value = _char_value(char)
        if index % 2 == 1:
            value *= 2
        total += value // 10 + value % 10
    return (10 - total % 10) % 10


def cusip_check_digit(first_eight: str) -> int:
    """The check digit of a CUSIP's first 8 characters (module doc)."""
    return _double_add_double(first_eight)


def isin_check_digit(first_eleven: str) -> int:
    """The Luhn check digit of an ISIN's first 11 characters, letters expanded (module doc)."""
    digits = "".join(str(_char_value(char)) for char in first_eleven)
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:  # the rightmost digit of the payload is doubled
            value *= 2
        total += value // 10 + value % 10
    return (10 - total % 10) % 10


def figi_check_digit(first_eleven: str) -> int:
    """The check digit of a FIGI's first 11 characters (module doc)."""
    return _double_add_double(first_eleven)


def _refuse(kind: str, text: str, why: str) -> InvalidSecurityIdentifier:
    return InvalidSecurityIdentifier(f"{text[:16]!r} is not a {kind}: {why}")


@dataclass(frozen=True, slots=True)
class Cusip:
    """A CUSIP: 9 characters with a valid check digit."""

    value: str

    def __post_init__(self) -> None:
        if not _CUSIP.fullmatch(self.value):
            raise _refuse(
                "CUSIP", self.value, "9 characters, A-Z 0-9 * @ #, the last a check digit"
            )
        expected = cusip_check_digit(self.value[:8])
        if expected != int(self.value[8]):
            raise _refuse("CUSIP", self.value, f"the check digit should be {expected}")

    @classmethod
    def parse(cls, text: str) -> Cusip:
        return cls(text.strip().upper())

    @classmethod
    def with_check_digit(cls, first_eight: str) -> Cusip:
        """The CUSIP of an issuer-and-issue number, its check digit computed."""
        base = first_eight.strip().upper()
        if not re.fullmatch(r"[A-Z0-9*@#]{8}", base):
            raise _refuse("CUSIP base", base, "8 characters, A-Z 0-9 * @ #")
        return cls(base + str(cusip_check_digit(base)))

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Isin:
    """An ISIN: country code, national number and a valid Luhn check digit."""

    value: str

    def __post_init__(self) -> None:
        if not _ISIN.fullmatch(self.value):
            raise _refuse(
                "ISIN",
                self.value,
                "12 characters: a 2-letter country code, 9 of A-Z 0-9, a check digit",
            )
        expected = isin_check_digit(self.value[:11])
        if expected != int(self.value[11]):
            raise _refuse("ISIN", self.value, f"the check digit should be {expected}")

    @property
    def country(self) -> str:
        return self.value[:2]

    @property
    def nsin(self) -> str:
        """The national number (a US or CA ISIN's is the CUSIP)."""
        return self.value[2:11]

    @classmethod
    def parse(cls, text: str) -> Isin:
        return cls(text.strip().upper())

    @classmethod
    def from_cusip(cls, cusip: Cusip, country: str = "US") -> Isin:
        """The ISIN that embeds `cusip` (country US, or CA for a CINS/Canadian CUSIP)."""
        code = country.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise _refuse("country code", code, "2 letters")
        payload = code + cusip.value
        if not re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}", payload):
            raise _refuse("ISIN national number", cusip.value, "a CUSIP of A-Z 0-9 only")
        return cls(payload + str(isin_check_digit(payload)))

    def cusip(self) -> Cusip | None:
        """The embedded CUSIP of a US or CA ISIN; None for any other country."""
        return Cusip(self.nsin) if self.country in ("US", "CA") else None

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Figi:
    """A FIGI: BBG-style prefix rules of the OpenFIGI specification and a valid check digit."""

    value: str

    def __post_init__(self) -> None:
        if not _FIGI.fullmatch(self.value):
            raise _refuse(
                "FIGI",
                self.value,
                "12 characters: 2 consonants, 'G', 8 consonants or digits, a check digit",
            )
        if self.value[:2] in FIGI_EXCLUDED_PREFIXES:
            raise _refuse("FIGI", self.value, f"the prefix {self.value[:2]} is not allowed")
        expected = figi_check_digit(self.value[:11])
        if expected != int(self.value[11]):
            raise _refuse("FIGI", self.value, f"the check digit should be {expected}")

    @classmethod
    def parse(cls, text: str) -> Figi:
        return cls(text.strip().upper())

    def __str__(self) -> str:
        return self.value


def checked_identifier(kind: type[Cusip | Isin | Figi], text: str | None) -> str | None:
    """`text` normalised (stripped, upper case) once it passes `kind`; None or "" is None."""
    if text is None or not text.strip():
        return None
    return kind.parse(text).value
