"""A user's whole ledger for tax: portfolios, accounts, transactions and the computed ledger.

Built by the tax views (application/portfolio/tax.py) and read by tax-loss harvesting
(application/portfolio/tax_harvesting.py), which the tax views call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.portfolio.transactions import Transaction
from domain.tax.engine import TaxLedger
from domain.tax.lots import TaxAccount
from domain.tax.methods import LotMethod
from ports.portfolio.portfolios import Portfolio


@dataclass(frozen=True, slots=True)
class OwnerLedger:
    """The caller's portfolios, accounts (by id), transactions and the computed ledger."""

    portfolios: tuple[Portfolio, ...]
    accounts: dict[str, TaxAccount]
    portfolio_of: dict[str, str]
    transactions: tuple[Transaction, ...]
    ledger: TaxLedger

    def lot_methods(self, account_ids: Sequence[str] | None = None) -> dict[str, LotMethod]:
        ids = sorted(self.accounts) if account_ids is None else sorted(set(account_ids))
        return {a: self.accounts[a].lot_method for a in ids if a in self.accounts}
