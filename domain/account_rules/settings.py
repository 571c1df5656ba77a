"""An account's own settings of the US account rules: its options approval level."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.account_rules.options_level import OptionsLevel


@dataclass(frozen=True, slots=True)
class AccountRuleSettings:
    """`options_level` None: not set, options orders are not checked against a level."""

    account_id: str
    options_level: OptionsLevel | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.updated_at is not None and self.updated_at.tzinfo is None:
            raise ValueError("updated_at must be timezone-aware")
