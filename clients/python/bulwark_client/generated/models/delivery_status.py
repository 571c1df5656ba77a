from enum import StrEnum

class DeliveryStatus(StrEnum):
    DEAD = "dead"
    DIGEST = "digest"
    DIGESTED = "digested"
    DROPPED = "dropped"
    PENDING = "pending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
