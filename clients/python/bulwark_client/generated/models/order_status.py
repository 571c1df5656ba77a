from enum import StrEnum

class OrderStatus(StrEnum):
    ACCEPTED = "accepted"
    CANCELED = "canceled"
    DENIED = "denied"
    EXPIRED = "expired"
    FILLED = "filled"
    HELD = "held"
    NEVER_SENT = "never_sent"
    NEW = "new"
    PARTIALLY_FILLED = "partially_filled"
    PENDING_SUBMIT = "pending_submit"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
