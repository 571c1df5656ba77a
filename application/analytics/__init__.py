"""Analytics use cases: performance, VaR, scenarios, options, optimisation, crypto, ESG."""
