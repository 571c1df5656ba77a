"""The devices context's settings as the use cases see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class DeviceConfig:
    """`key` signs device tokens and keys fingerprints (never stored with them).

    The anomaly model is trained on the newest `training_window` logins once there are at
    least `min_history`, then again after `retrain_every` more logins or `retrain_interval`;
    until then the rules alone judge a login.
    """

    key: bytes
    access_ttl: timedelta = timedelta(minutes=15)
    user_history: int = 50
    min_history: int = 200
    retrain_every: int = 500
    retrain_interval: timedelta = timedelta(hours=24)
    training_window: int = 5000
    random_state: int = 7
