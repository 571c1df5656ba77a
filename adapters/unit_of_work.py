"""What the in-memory and SQL units of work share: their repositories, built on first use.

A unit of work names each repository once, as a class attribute: `accounts =
Repository(AccountRepo)`. The repository is built from the unit of work the first time it
is read and kept on that unit (most units touch two or three of their twenty), as
`functools.cached_property` would, without a five-line method per repository.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, overload

R = TypeVar("R")


class Repository(Generic[R]):
    """A unit of work's repository, built by `build(unit)` on first read, then kept."""

    def __init__(self, build: Callable[[Any], R]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, unit: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, unit: object, owner: type | None = None) -> R: ...

    def __get__(self, unit: object | None, owner: type | None = None) -> R | Self:
        if unit is None:
            return self
        built = self._build(unit)
        # No __set__: the instance's own attribute now shadows this descriptor.
        unit.__dict__[self._name] = built
        return built


class UnitOfWorkBase:
    """What every unit of work does on leaving its block: roll back unless it committed,
    then give back what it held (`_release`: nothing for the in-memory store)."""

    committed: bool = False

    async def rollback(self) -> None:
        raise NotImplementedError

    async def _release(self) -> None:
        return None

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self.committed:
                await self.rollback()
        finally:
            await self._release()
