"""The crypto analytics refusal: a field out of range or inconsistent (422, naming it)."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidCryptoInput(DomainError):
    """A crypto or DeFi input cannot be used: a price that is not positive, a range whose
    lower bound is not below its upper bound, timestamps out of order, a malformed address,
    a window too short for its series; `field` names the one at fault."""

    code = "INVALID_CRYPTO_INPUT"
