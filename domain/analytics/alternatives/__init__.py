"""The alternatives allocator (docs/alternatives.md): crypto, REIT sectors, private
equity eligibility, commodities by inflation beta. Money is Decimal; weights are fractions."""
