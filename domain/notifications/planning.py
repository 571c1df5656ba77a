"""Which channel gets a notification, and when: the center's decision, pure.

Order of the rules, per channel the user enabled for the event type:
1. CRITICAL: every enabled channel (in-app always among them), now, through quiet hours and
   over the rate limit.
2. In-app: stored now (it is the user's inbox, silent: no quiet hours, no rate limit).
3. LOW with digests on: held for the digest, sent as one message at the period's end.
4. Over the channel's rate limit: LOW held for the digest; NORMAL/HIGH dropped, counted
   with the reason "rate_limited" (the in-app copy still stands).
5. Inside quiet hours: held until the window ends.
6. Otherwise: now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.notifications.catalogue import CRITICAL, IN_APP, LOW
from domain.notifications.digest import period_end
from domain.notifications.preferences import Preferences


class Disposition(StrEnum):
    SEND = "pending"  # to the dispatcher at `not_before`
    DIGEST = "digest"  # held for the digest of the period ending at `not_before`
    DROPPED = "dropped"  # not sent; `reason` says why


@dataclass(frozen=True, slots=True)
class Plan:
    channel: str
    disposition: Disposition
    not_before: datetime
    reason: str = ""


# Takes a token of (user, channel) at the instant: False when over the limit.
RateCheck = Callable[[str, datetime], bool]


def plan(
    name: str, priority: str, prefs: Preferences, now: datetime, rate_ok: RateCheck
) -> list[Plan]:
    """One plan per channel, in-app first; empty when the user turned the type off."""
    channels = set(prefs.enabled_channels(name))
    if priority == CRITICAL:
        channels.add(IN_APP)
    ordered = sorted(channels, key=lambda c: (c != IN_APP, c))
    return [_one(channel, priority, prefs, now, rate_ok) for channel in ordered]


def _one(
    channel: str, priority: str, prefs: Preferences, now: datetime, rate_ok: RateCheck
) -> Plan:
    if priority == CRITICAL or channel == IN_APP:
        if priority == CRITICAL and channel != IN_APP:
            rate_ok(channel, now)  # counts against the bucket, never refuses
        return Plan(channel, Disposition.SEND, now)
    digest_at = period_end(now, prefs.digest_minutes)
    if priority == LOW and prefs.digest_enabled:
        return Plan(channel, Disposition.DIGEST, digest_at, "digest")
    if not rate_ok(channel, now):
        if priority == LOW:
            return Plan(channel, Disposition.DIGEST, digest_at, "rate_limited")
        return Plan(channel, Disposition.DROPPED, now, "rate_limited")
    quiet = prefs.quiet_hours
    if quiet is not None and quiet.is_quiet(now):
        return Plan(channel, Disposition.SEND, quiet.quiet_until(now), "quiet_hours")
    return Plan(channel, Disposition.SEND, now)
