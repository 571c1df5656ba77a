"""Per-account margin settings port: rate schedule, buffer thresholds, liquidation policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from domain.margin import InvalidMarginTarget, MarginSchedule

DEFAULT_WARNING_BUFFER = Decimal("0.10")
DEFAULT_TARGET_BUFFER = Decimal("0.25")


@dataclass(frozen=True, slots=True)
class MarginSettings:
    """How margin is assessed and enforced for one account.

    `schedule`: the rates (default, per asset class, per symbol) its positions are
    charged. `warning_buffer`: the owner is warned once excess / equity falls below it.
    `target_buffer`: the buffer a deleverage plan restores. `auto_deleverage`: on a
    margin call the platform may execute that plan itself (False: halt and tell only).
    Buffers are fractions in [0, 1).
    """

    account_id: str
    schedule: MarginSchedule = field(default_factory=MarginSchedule)
    warning_buffer: Decimal = DEFAULT_WARNING_BUFFER
    target_buffer: Decimal = DEFAULT_TARGET_BUFFER
    auto_deleverage: bool = False
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("warning_buffer", "target_buffer"):
            value: Decimal = getattr(self, name)
            if (
                not isinstance(value, Decimal)
                or not value.is_finite()
                or not Decimal(0) <= value < Decimal(1)
            ):
                raise InvalidMarginTarget(f"{name} must be a Decimal in [0, 1), got {value!r}")
        if self.updated_at is not None and self.updated_at.tzinfo is None:
            raise ValueError("updated_at must be timezone-aware")


class MarginSettingsRepository(Protocol):
    """Margin settings by account id; `get` is None for an account without its own settings.

    `put` stores the settings of `settings.account_id`, replacing any stored before.
    """

    async def get(self, account_id: str) -> MarginSettings | None: ...

    async def put(self, settings: MarginSettings) -> None: ...
