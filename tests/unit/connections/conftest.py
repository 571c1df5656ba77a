"""Fixtures: `desk`, one connection on a vault key and its brokers over fake adapters
(tests/unit/connections/test_connection_brokers.py)."""

from tests.unit.connections.test_connection_brokers import desk  # noqa: F401
