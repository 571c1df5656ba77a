from enum import StrEnum

class InvitationInRole(StrEnum):
    ADMIN = "admin"
    OWNER = "owner"
    RISK_OFFICER = "risk_officer"
    TRADER = "trader"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
