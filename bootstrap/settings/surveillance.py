"""Surveillance of our own order flow: where the detectors run, what an alert does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Seconds, Section, SettingsError


class SurveillanceSettings(Section, frozen=True, kw_only=True):
    """Surveillance of our own order flow: where detectors run, what an alert does."""

    env_prefix: ClassVar[str] = "surveillance_"
    env_names: ClassVar[Mapping[str, str]] = {
        "mode": "surveillance",
    }

    # Where the detectors run. auto: in the serving process without Kafka, else only in
    # `bulwark surveil`; inprocess; consumer (only `bulwark surveil`); off.
    mode: Literal["auto", "inprocess", "consumer", "off"] = "auto"
    # What a new HIGH alert does: pause the agents behind it (the kill switch's agent scope,
    # undone by the four-eyes resume) or warn only. Both notify and audit.
    action: Literal["pause", "warn"] = "pause"
    # Threshold overrides, a JSON object: {"spoofing": {"size_ratio": 6}, "cooldown_s": 60}.
    thresholds: str = ""
    # The session's close (local time, HH:MM) and its zone, for marking the close.
    close: str = "16:00"
    close_zone: str = "America/New_York"
    # How often a run's state and offsets are checkpointed (also with every new alert).
    checkpoint_seconds: Seconds = 5.0
    # `bulwark surveil`: its checkpoint's name (one per independent reader), and where a
    # partition it has no checkpoint for starts (the events topic's beginning, or its end).
    consumer_name: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9._:-]{1,100}$")] = "surveil"
    start: Literal["earliest", "latest"] = "earliest"

    def check(self) -> None:
        """The detectors' thresholds and close (bootstrap/surveillance_rules.py), once."""
        from bootstrap.surveillance_rules import RulesError, build_rules

        try:
            build_rules(self.thresholds, self.close, self.close_zone)
        except RulesError as exc:
            raise SettingsError(str(exc)) from None
