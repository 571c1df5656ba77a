"""Fixtures: `e`, a fresh embedded Bulwark per test, AAPL at 100 and MSFT at 250, two accounts."""

from tests.kit.watches import watch_desk  # noqa: F401  (the fixture `e`)
