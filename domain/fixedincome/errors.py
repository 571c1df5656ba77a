"""The fixed-income refusals: bad bond or ladder input, or a stored bond's bad terms (422)."""

from __future__ import annotations

from domain.errors import DomainError, InvalidInstrument


class InvalidBondInput(DomainError):
    """A bond or ladder field is out of range or inconsistent (e.g. settlement on or after
    maturity, a frequency other than 1, 2 or 4, a negative coupon, a price no yield reaches)."""

    code = "INVALID_BOND_INPUT"


class InvalidBondTerms(InvalidInstrument):
    """A bond instrument's terms are missing, out of range or inconsistent (a frequency other
    than 1, 2 or 4, a coupon outside [0, 1], maturity not after issue, an unknown day count,
    a multiplier other than 1); `field` names the term (`bond.<term>`)."""

    code = "INVALID_BOND_TERMS"
