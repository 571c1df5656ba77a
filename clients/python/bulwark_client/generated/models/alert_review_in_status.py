from enum import StrEnum

class AlertReviewInStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"

    def __str__(self) -> str:
        return str(self.value)
