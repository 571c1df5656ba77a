"""One served Bulwark per test module (memory store, demo data) for the bots' integrations
(integrations/<name>/), and the demo owner at its REST API to arrange agents, keys and rules."""

from __future__ import annotations

from tests.mcp.desk import desk, served

__all__ = ["desk", "served"]  # the module-scoped served demo and its people
