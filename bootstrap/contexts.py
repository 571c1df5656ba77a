"""The contexts of Bulwark, one line each: the registry every wiring is derived from.

A context is its folders in each layer (domain/<name>, ports/<name>, application/<name>,
adapters/http/<name>, ...) plus its line here. Its line names what bootstrap finds by
convention:

- `container`: `bootstrap/containers/<name>.py` holds `<Name>Container`, the context's
  services. The contexts it needs are the containers it declares as
  `providers.DependenciesContainer()` under their own names (`core`, `trading`, ...);
  the application container, the CLI's containers and the kill-switch lane all compose
  them from those declarations (bootstrap/composition.py). A module that defines
  `prepare(container, settings)` has it called once the container is built.
- `api`: `bootstrap/api/<name>.py` defines `bundle(wiring)`, the context's HTTP bundle
  (its routes and the use cases they call) over the built contexts.
- `command`: `bootstrap/commands/<name>.py` adds `bulwark <name> ...` to the console
  (`add_parser(sub)`, `run(args, contexts, out)`).

The API mounts the contexts in this order (market data first: its bars name the Timeframe
schema's default in the OpenAPI document), and BULWARK_SERVED_CONTEXTS chooses among those
with an API.

This module imports nothing of the contexts: reading it is free, so the settings can check
BULWARK_SERVED_CONTEXTS against it without loading the product.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Context:
    """One context: its name, and whether it has services of its own, an HTTP API and console
    commands of its own."""

    name: str
    container: bool = True
    api: bool = True
    command: bool = False


CONTEXTS: Final[tuple[Context, ...]] = (
    Context("market_data"),
    Context("health", container=False),
    Context("core"),
    Context("connections", command=True),
    Context("trading"),
    Context("books"),
    Context("reconciliation"),
    Context("account_rules"),
    Context("live_trading"),
    Context("safety"),
    Context("drills"),
    Context("identity"),
    Context("oauth"),
    Context("devices"),
    Context("notifications"),
    Context("keys"),
    Context("surveillance"),
    Context("drop_copy", api=False),
    Context("compliance", command=True),
    Context("audit", container=False),
    Context("portfolio"),
    Context("markets"),
    Context("inference"),
    Context("analytics"),
    Context("strategies"),
    Context("review"),
    Context("wealth"),
    Context("model_signals"),
    Context("rebalancing"),
    Context("aggregation"),
    Context("privacy", command=True),
    Context("mcp", container=False),
    Context("calendars", container=False),
    Context("console", container=False),
)

# The contexts whose API every instance serves, whatever BULWARK_SERVED_CONTEXTS says.
ALWAYS_SERVED: Final = ("health", "core")
# The contexts with an HTTP API, in mounting order.
SERVABLE_CONTEXTS: Final = tuple(c.name for c in CONTEXTS if c.api)
# The contexts with console commands of their own (bootstrap/commands/<name>.py).
COMMAND_CONTEXTS: Final = tuple(c.name for c in CONTEXTS if c.command)
# The contexts with services of their own (a container), in the registry's order.
WIRED_CONTEXTS: Final = tuple(c.name for c in CONTEXTS if c.container)
