"""Lot-selection methods and holding terms: the vocabulary every tax view shares."""

from __future__ import annotations

from enum import StrEnum

from domain.portfolio.lot_method import LotMethod

__all__ = ["TERMS", "AccountTaxType", "LotMethod", "Term"]


class Term(StrEnum):
    """Holding term of a realized gain: LONG when held more than one year (IRS day count:
    counting starts the day after acquisition, the sale day counts), else SHORT."""

    SHORT = "short"
    LONG = "long"


TERMS = (Term.SHORT, Term.LONG)  # per-term figures in this order: index = long-term flag (0, 1)


class AccountTaxType(StrEnum):
    """TAXABLE: gains and losses are reported. IRA (any tax-advantaged account): nothing is
    reported, and a loss washed by an IRA purchase is disallowed permanently (Rev. Rul. 2008-5)."""

    TAXABLE = "taxable"
    IRA = "ira"
