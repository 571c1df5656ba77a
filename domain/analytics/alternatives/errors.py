"""The alternatives allocator's refusals (422), each naming the field at fault."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidAlternativesInput(DomainError):
    """A field is out of range or inconsistent (a cap above the rule's, an unknown REIT
    sector, series of different lengths, a repeated symbol, ...)."""

    code = "INVALID_ALTERNATIVES_INPUT"


class EmptyAlternatives(InvalidAlternativesInput):
    """No asset (or fund) to allocate across."""

    code = "EMPTY_PORTFOLIO"


class TooManyAlternatives(InvalidAlternativesInput):
    """More assets or observations than one request may ask for."""

    code = "TOO_MANY_ASSETS"


class TooFewObservations(InvalidAlternativesInput):
    """Too few paired observations to estimate an inflation beta."""

    code = "INSUFFICIENT_OBSERVATIONS"
