"""Price alerts: users' thresholds on symbols, watched against this process's quotes."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Section


class PriceAlertSettings(Section, frozen=True, kw_only=True):
    """The price alert watch and the per-user limit (docs/notifications.md)."""

    env_prefix: ClassVar[str] = "price_alerts_"

    # Price alerts (docs/notifications.md): evaluate users' alerts against the quotes this
    # process follows (false: alerts can be set but never fire here), at most `max_per_user`
    # alerts a user, and how often the watch reads the alerts again (changes made on
    # another instance).
    enabled: bool = True
    max_per_user: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 100
    refresh_seconds: Seconds = 30.0
