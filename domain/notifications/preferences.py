"""A user's notification preferences: channels per event type, quiet hours, digests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from domain.notifications.catalogue import CHANNELS, event_type
from domain.notifications.quiet_hours import QuietHours

DIGEST_PERIODS = (15, 60, 240, 1440)  # minutes a digest gathers before it is sent


@dataclass(frozen=True, slots=True)
class Preferences:
    """`channels` overrides the catalogue's defaults per event type (a type absent from it
    keeps its defaults); an empty set turns every channel of that type off."""

    user_id: str
    channels: Mapping[str, frozenset[str]] = field(default_factory=dict)
    quiet_hours: QuietHours | None = None
    digest_enabled: bool = False
    digest_minutes: int = 60

    def __post_init__(self) -> None:
        for name, chosen in self.channels.items():
            unknown = set(chosen) - set(CHANNELS)
            if unknown:
                raise ValueError(f"{name}: unknown channels {sorted(unknown)}")
        if self.digest_minutes not in DIGEST_PERIODS:
            raise ValueError(f"digest_minutes must be one of {DIGEST_PERIODS}")

    def enabled_channels(self, name: str) -> frozenset[str]:
        chosen = self.channels.get(name)
        return event_type(name).channels if chosen is None else frozenset(chosen)


def defaults(user_id: str) -> Preferences:
    return Preferences(user_id)
