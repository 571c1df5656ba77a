from enum import StrEnum

class AttributionInPeriod(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
