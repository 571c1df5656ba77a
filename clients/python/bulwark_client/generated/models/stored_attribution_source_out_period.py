from enum import StrEnum

class StoredAttributionSourceOutPeriod(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
