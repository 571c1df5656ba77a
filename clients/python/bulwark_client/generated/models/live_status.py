from enum import StrEnum

class LiveStatus(StrEnum):
    ENABLED = "enabled"
    NOT_REQUIRED = "not_required"
    PENDING_ACKNOWLEDGEMENT = "pending_acknowledgement"
    PENDING_APPROVAL = "pending_approval"

    def __str__(self) -> str:
        return str(self.value)
