from enum import StrEnum

class AccountStatus(StrEnum):
    ARCHIVED = "archived"
    CLOSED = "closed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
