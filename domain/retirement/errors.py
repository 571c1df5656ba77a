"""Refusals of the retirement rules: a figure out of range (422 naming the field)."""

from __future__ import annotations

from domain.errors import DomainError


class InvalidRetirementInput(DomainError):
    """A retirement figure or request field out of range; `field` names it."""

    code = "INVALID_RETIREMENT_INPUT"


class TaxYearNotPublished(InvalidRetirementInput):
    """The limits of that tax year are not (yet) in the data: the IRS has not published them."""

    code = "TAX_YEAR_NOT_PUBLISHED"
