"""Portfolio use cases: the ledger, valuations, tax, giving, planning, alternatives."""
