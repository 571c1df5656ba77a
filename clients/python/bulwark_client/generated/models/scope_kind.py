from enum import StrEnum

class ScopeKind(StrEnum):
    ACCOUNT = "account"
    AGENT = "agent"
    BOOK = "book"
    GLOBAL = "global"

    def __str__(self) -> str:
        return str(self.value)
