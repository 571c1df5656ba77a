"""HTTP tests through Litestar's test client over the real container with in-memory adapters."""
