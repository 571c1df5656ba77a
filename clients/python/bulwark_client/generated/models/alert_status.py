from enum import StrEnum

class AlertStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
