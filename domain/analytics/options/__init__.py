"""Option analytics: Black-Scholes-Merton prices and Greeks, vectorised over arrays."""
