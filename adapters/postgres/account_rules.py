"""Each account's settings of the US account rules on the `account_rule_settings` table, one
short transaction per call."""

from __future__ import annotations

from typing import Any

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.account_rules import account_rule_settings
from domain.account_rules.options_level import OptionsLevel
from domain.account_rules.settings import AccountRuleSettings


class SqlAccountRuleSettingsStore(RowPerKey[AccountRuleSettings]):
    """An AccountRuleSettingsStore on SQL; `put` upserts by account id."""

    table, key = account_rule_settings, "account_id"

    def to_row(self, item: AccountRuleSettings) -> dict[str, Any]:
        return row_of(item, self.table)

    def from_row(self, row: Any) -> AccountRuleSettings:
        level = row.options_level
        return record(
            AccountRuleSettings, row, options_level=None if level is None else OptionsLevel(level)
        )
