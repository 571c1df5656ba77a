"""The contexts a CLI command builds: each one on first use, with the contexts it needs.

A command reads `containers.trading.accounts()` as the served app would from the application
container, but only the contexts it touches are imported and built (core + identity for
`bulwark users`, say), so a one-context command starts without loading the whole product.
Each context is given the contexts its container declares, as the application container
composes them (bootstrap/composition.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from dependency_injector import providers

from bootstrap.composition import ROOT, container_class, needs, prepare_built
from bootstrap.contexts import WIRED_CONTEXTS
from bootstrap.settings import Settings

if TYPE_CHECKING:
    from bootstrap.containers.application import ApplicationContainer

# What a command is given: the contexts built on demand, or (tests, `bulwark surveil`) the
# whole application container; both read `x.core.clock()`, `x.trading.orders()`, ...
Contexts: TypeAlias = "ApplicationContainer | CommandContainers"


class CommandContainers:
    """The application container's contexts under the same names, each built on first read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = providers.Object(settings)
        self._built: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in WIRED_CONTEXTS:
            raise AttributeError(f"{type(self).__name__} has no context {name!r}")
        return self._context(name)

    def _context(self, name: str) -> Any:
        if name not in self._built:
            given = {
                dependency: self.settings if dependency == ROOT else self._context(dependency)
                for dependency in needs(name)
            }
            built = container_class(name)(**given)
            prepare_built([(name, built)], self.settings())
            self._built[name] = built
        return self._built[name]

    def built(self) -> list[str]:
        """The contexts built so far, in the order they were first built."""
        return list(self._built)
