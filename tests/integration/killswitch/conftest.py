"""The Alpaca venue and its local server, as the broker contract suite serves them."""

from tests.unit.trading.brokers.conftest import server, venue  # noqa: F401  (fixtures)
