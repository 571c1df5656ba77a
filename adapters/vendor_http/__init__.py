"""Shared plumbing of the keyed REST data vendors (Polygon, Finnhub, Alpha Vantage): the async
HTTP client, the calls-per-minute budget, each vendor's auth and error answers."""
