"""An account's settings of the US account rules on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from domain.account_rules.settings import AccountRuleSettings

_LEVEL = Annotated[int, msgspec.Meta(ge=0, le=4)]


class AccountRulesIn(Input):
    """`options_level`: 0 no options, 1 covered calls and cash-secured puts, 2 long calls and
    puts, 3 spreads, 4 uncovered options; null: option orders are not checked against a level."""

    options_level: _LEVEL | None


class AccountRulesOut(Output):
    """The account's settings; `options_level` null: not set, option orders are not checked
    against a level. The pattern-day-trader rule and day-trading buying power take no
    setting: they bind every margin account."""

    account_id: str
    options_level: int | None
    updated_at: datetime | None

    @classmethod
    def from_domain(cls, settings: AccountRuleSettings) -> AccountRulesOut:
        level = settings.options_level
        return cls(
            account_id=settings.account_id,
            options_level=None if level is None else int(level),
            updated_at=settings.updated_at,
        )
