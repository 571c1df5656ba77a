"""The fixed-income refusal: bad bond or ladder input, naming the field (422)."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidBondInput(DomainError):
    """A bond or ladder field is out of range or inconsistent (e.g. settlement on or after
    maturity, a frequency other than 1, 2 or 4, a negative coupon, a price no yield reaches)."""

    code = "INVALID_BOND_INPUT"
