"""Which open lots a sale consumes: the portfolio ledger's vocabulary, shared with the tax views."""

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
