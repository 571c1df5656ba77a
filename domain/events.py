"""Domain events: immutable facts recorded by aggregates and collected by use cases."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DomainEvent:
    """Base class; `name` is the stable type tag used on the wire."""

    @property
    def name(self) -> str:
        return type(self).__name__

    @property
    def aggregate_id(self) -> str:
        """The id of the aggregate the event is about; events of one id stay ordered."""
        return str(getattr(self, "account_id", "") or getattr(self, "scope_key", "") or "")
