"""Portfolio optimisation: problem checks, weight bounds, risk measures, HRP's bisection.

The solvers themselves (cvxpy with Clarabel, Ledoit-Wolf, hierarchical clustering) are behind
`ports.analytics.optimization.PortfolioOptimizer`; what is here is pure NumPy
(docs/optimization.md).
"""
