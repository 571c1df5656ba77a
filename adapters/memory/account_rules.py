"""Each account's settings of the US account rules, in a dict: the embedded store's and the
unit tests'."""

from __future__ import annotations

from adapters.memory.by_key import InMemoryByKey
from domain.account_rules.settings import AccountRuleSettings


class InMemoryAccountRuleSettingsStore(InMemoryByKey[AccountRuleSettings]):
    """An AccountRuleSettingsStore held in a dict by account id."""

    key = "account_id"
