"""In-memory adapters: real implementations of every port, for embedded mode and tests."""
