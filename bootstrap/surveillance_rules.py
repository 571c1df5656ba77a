"""The detectors' thresholds from settings: the JSON overrides and the close, checked once.

Kept apart from bootstrap/surveillance.py (which wires adapters) so the settings' surveillance
section (bootstrap/settings/surveillance.py) can check them at load time: a mistake is one line
naming the variable, never a traceback.
"""

from __future__ import annotations

import json
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.surveillance.rules import InvalidSurveillanceRules, SurveillanceRules


class RulesError(ValueError):
    """A surveillance setting that cannot be used; the message names the variable."""


def build_rules(thresholds: str, close: str, zone: str) -> SurveillanceRules:
    """SurveillanceRules from BULWARK_SURVEILLANCE_THRESHOLDS (JSON overrides, may be empty),
    BULWARK_SURVEILLANCE_CLOSE (HH:MM) and BULWARK_SURVEILLANCE_CLOSE_ZONE (IANA name)."""
    try:
        hours, minutes = (int(part) for part in close.split(":"))
        close_time = time(hours, minutes)
    except ValueError:
        raise RulesError(
            f"BULWARK_SURVEILLANCE_CLOSE: expected a local time of day as HH:MM, got {close!r}"
        ) from None
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise RulesError(
            f"BULWARK_SURVEILLANCE_CLOSE_ZONE: expected an IANA zone name such as "
            f"America/New_York, got {zone!r}"
        ) from None
    overrides: object = {}
    if thresholds.strip():
        try:
            overrides = json.loads(thresholds)
        except json.JSONDecodeError as exc:
            raise RulesError(f"BULWARK_SURVEILLANCE_THRESHOLDS: not JSON ({exc.msg})") from None
    if not isinstance(overrides, dict):
        raise RulesError("BULWARK_SURVEILLANCE_THRESHOLDS: expected a JSON object")
    try:
        return SurveillanceRules(close_time=close_time, close_zone=zone).with_overrides(overrides)
    except InvalidSurveillanceRules as exc:
        raise RulesError(f"BULWARK_SURVEILLANCE_THRESHOLDS: {exc.message}") from None
