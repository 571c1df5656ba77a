"""Deterministic macro scenarios and stress tests (docs/scenarios.md).

factors.py: the five macro factors, shock vectors, the correlation model that fills in the
factors a scenario leaves out (conditional expectation) and a scenario's Mahalanobis distance.
repricing.py: a portfolio's P&L under many shocks through per-position sensitivities (numpy).
stress.py: hedge sufficiency, the bank-run liquidity stress and the recovery timeline.

These are what-if revaluations under given moves; the regime-switching Monte Carlo of
POST /api/v1/risk/scenario-simulation draws random paths instead. The two
complement each other: a replay of 2008 asks "what if that happened again", the simulation
"what could happen, and how likely".
"""
