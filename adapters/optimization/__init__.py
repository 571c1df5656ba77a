"""Portfolio optimisation on a solver library: cvxpy + Clarabel, Ledoit-Wolf, HRP."""
