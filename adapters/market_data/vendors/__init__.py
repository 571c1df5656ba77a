"""Market data from keyed REST vendors: Polygon, Finnhub, Alpha Vantage.

See docs/market-data-vendors.md.
"""
