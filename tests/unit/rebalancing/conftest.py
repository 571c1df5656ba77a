"""Fixtures: `e`, a fresh embedded Bulwark per test with AAPL quoted and two funded accounts."""

from tests.kit.desk import seeded_desk  # noqa: F401  (the fixture `e`)
