"""Portfolio optimisation on a solver library (issue 22): cvxpy + Clarabel, Ledoit-Wolf, HRP."""
