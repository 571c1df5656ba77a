"""What the in-memory and SQL units of work share: their repositories, built on first use,
and the fences' bookkeeping.

A unit of work names each repository once, as a class attribute: `accounts =
Repository(AccountRepo)`. The repository is built from the unit of work the first time it
is read and kept on that unit (most units touch two or three of their twenty), as
`functools.cached_property` would, without a five-line method per repository.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
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


class FenceTally:
    """A unit's fences (ports/core/repositories.py: FenceRepository), as both stores keep them:
    the value it first read of each key and its advances since. The store's part is given:
    `stored(key)` reads a key's value, `stage(key, seen, value)` stages the commit's write,
    which must fail with ConcurrentUpdate unless the key still holds `seen`, and sets it to
    `value()` (the read plus every advance, counted at commit)."""

    def __init__(
        self,
        stored: Callable[[str], Awaitable[int]],
        stage: Callable[[str, int, Callable[[], int]], None],
    ) -> None:
        self._stored = stored
        self._stage = stage
        self._read: dict[str, int] = {}
        self._by: dict[str, int] = {}

    async def read(self, key: str) -> int:
        seen = self._read.get(key)
        if seen is None:
            seen = self._read[key] = await self._stored(key)
        return seen + self._by.get(key, 0)

    def advance(self, key: str, by: int = 1) -> None:
        if key not in self._read:
            raise ValueError(f"fence {key} advanced before it was read")
        if key not in self._by:
            self._by[key] = 0
            seen = self._read[key]
            self._stage(key, seen, lambda: seen + self._by[key])
        self._by[key] += by
