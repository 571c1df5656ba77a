"""The keyed vendors' adapters (Polygon, Finnhub, Alpha Vantage) against local replay servers."""
