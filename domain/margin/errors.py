"""Margin errors: bad rates, bad targets and inputs the margin maths cannot value."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidMarginRate(DomainError):
    """A margin rate is outside (0, 1]."""

    code = "INVALID_MARGIN_RATE"


class InvalidMarginTarget(DomainError):
    """A deleverage target buffer is outside [0, 1)."""

    code = "INVALID_MARGIN_TARGET"


class MarginInputError(DomainError):
    """An account, instrument, mark or order cannot be valued for margin (fail closed)."""

    code = "MARGIN_INPUT_INVALID"
