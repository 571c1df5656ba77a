"""Per-user, per-channel token bucket, pure: the caller keeps the bucket between calls.

Over the limit, a CRITICAL message is still delivered (a margin call is never dropped);
a LOW one is held for the digest; NORMAL and HIGH are dropped with the counted reason
"rate_limited" (they still land in-app: the in-app channel is not rate limited, it is the
user's own inbox).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Bucket:
    tokens: float
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RateLimit:
    per_hour: int  # sustained rate
    burst: int  # bucket size

    def take(self, bucket: Bucket | None, now: datetime) -> tuple[bool, Bucket]:
        """(allowed, the bucket after this attempt); a refused attempt takes nothing."""
        if bucket is None:
            tokens = float(self.burst)
        else:
            elapsed = max(0.0, (now - bucket.updated_at).total_seconds())
            tokens = min(float(self.burst), bucket.tokens + elapsed * self.per_hour / 3600.0)
        if tokens >= 1.0:
            return True, Bucket(tokens - 1.0, now)
        return False, Bucket(tokens, now)
