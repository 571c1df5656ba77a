from enum import StrEnum

class RuleScope(StrEnum):
    ACCOUNT = "account"
    AGENT = "agent"
    GLOBAL = "global"
    STRATEGY = "strategy"

    def __str__(self) -> str:
        return str(self.value)
