"""Login throttling: failed logins cost short, growing, capped waits, per username and client."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

# Failures kept per key: more than any policy's free failures, so the "throttling starts"
# moment happens once per episode; older ones would not change the (capped) wait.
MAX_REMEMBERED_FAILURES = 64
_NO_WAIT = timedelta(0)


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    """`free_failures` in `window` cost nothing; each further one makes the next attempt
    wait `base_delay`, doubled per failure, at most `max_delay` after the last failure."""

    free_failures: int
    base_delay: timedelta
    max_delay: timedelta
    window: timedelta

    def __post_init__(self) -> None:
        if not 0 <= self.free_failures < MAX_REMEMBERED_FAILURES - 1:
            raise ValueError(f"free_failures must be 0..{MAX_REMEMBERED_FAILURES - 2}")
        if self.base_delay <= _NO_WAIT or self.max_delay < self.base_delay:
            raise ValueError("delays must be positive and max_delay at least base_delay")
        if self.window <= _NO_WAIT:
            raise ValueError("window must be positive")

    def delay_after(self, failures: int) -> timedelta:
        """The wait that `failures` recent failures impose after the last of them."""
        over = failures - self.free_failures
        if over <= 0:
            return _NO_WAIT
        return min(self.base_delay * (1 << min(over - 1, 32)), self.max_delay)


# Per username: a victim's account answers again within seconds, whoever hammers it.
USERNAME_THROTTLE = ThrottlePolicy(
    free_failures=4,
    base_delay=timedelta(seconds=1),
    max_delay=timedelta(seconds=30),
    window=timedelta(minutes=15),
)
# Per client address: the client that hammers (or sprays many usernames) waits long.
CLIENT_THROTTLE = ThrottlePolicy(
    free_failures=10,
    base_delay=timedelta(minutes=1),
    max_delay=timedelta(minutes=15),
    window=timedelta(hours=1),
)


@dataclass(slots=True, eq=False)
class LoginThrottle:
    """Recent failed logins under one key: a username's or a client address's (see `key`)."""

    key: str
    failures: list[datetime] = field(default_factory=list)

    def _recent(self, now: datetime, policy: ThrottlePolicy) -> list[datetime]:
        cutoff = now - policy.window
        return [t for t in self.failures if t > cutoff]

    def wait(self, now: datetime, policy: ThrottlePolicy) -> timedelta:
        """How long before the next attempt is heard; zero when it may try now."""
        recent = self._recent(now, policy)
        if not recent:
            return _NO_WAIT
        return max(recent[-1] + policy.delay_after(len(recent)) - now, _NO_WAIT)

    def record_failure(self, now: datetime, policy: ThrottlePolicy) -> bool:
        """Count a failure; True when it is the one that starts the waits (tell someone once)."""
        self.failures = [*self._recent(now, policy), now][-MAX_REMEMBERED_FAILURES:]
        return len(self.failures) == policy.free_failures + 1

    def reset(self) -> None:
        self.failures = []


def username_key(normalized_username: str) -> str:
    """Throttle key of a username; prefixed, so no username can name a client's key."""
    return f"user:{normalized_username}"


def client_key(address: str) -> str:
    return f"client:{address.strip().lower()}"
