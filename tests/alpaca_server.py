"""The local fake Alpaca server for tests: the product's venue server (a route table,
scripted faults and websockets, adapters/brokers/simulators/server.py) and Alpaca's
recorded response shapes.

`threaded(AlpacaServer())` (tests/kit/fake_server.py) serves it from a thread of its own, as
a receiver the app calls back into.
"""

from __future__ import annotations

from adapters.brokers.simulators.alpaca import SHAPES as FIXTURES
from adapters.brokers.simulators.alpaca import shape as fixture
from adapters.brokers.simulators.server import Fault, Reply, Request, ServerSocket
from adapters.brokers.simulators.server import VenueServer as AlpacaServer

__all__ = ["FIXTURES", "AlpacaServer", "Fault", "Reply", "Request", "ServerSocket", "fixture"]
