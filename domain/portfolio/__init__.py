"""The portfolio ledger: portfolios, transactions, holdings, valuations and returns."""
