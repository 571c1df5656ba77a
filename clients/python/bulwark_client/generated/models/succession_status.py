from enum import StrEnum

class SuccessionStatus(StrEnum):
    ACTIVE = "active"
    EXECUTED = "executed"
    GRACE = "grace"
    TRIGGERED = "triggered"

    def __str__(self) -> str:
        return str(self.value)
