"""Lot-selection methods and holding terms: the vocabulary every tax view shares."""

from __future__ import annotations

from enum import StrEnum


class LotMethod(StrEnum):
    """Which open lots a sale consumes (IRS Publication 550, "Identifying the shares sold").

    FIFO: oldest acquisition first (the IRS default when shares are not identified). LIFO:
    newest first. HIFO: highest cost per share first (ties: oldest first). SPECIFIC: the sale
    names its lots and quantities (specific identification).
    """

    FIFO = "fifo"
    LIFO = "lifo"
    HIFO = "hifo"
    SPECIFIC = "specific"


class Term(StrEnum):
    """Holding term of a realized gain: LONG when held more than one year (IRS day count:
    counting starts the day after acquisition, the sale day counts), else SHORT."""

    SHORT = "short"
    LONG = "long"


class AccountTaxType(StrEnum):
    """TAXABLE: gains and losses are reported. IRA (any tax-advantaged account): nothing is
    reported, and a loss washed by an IRA purchase is disallowed permanently (Rev. Rul. 2008-5)."""

    TAXABLE = "taxable"
    IRA = "ira"
