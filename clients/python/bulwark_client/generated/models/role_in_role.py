from enum import StrEnum

class RoleInRole(StrEnum):
    ADMIN = "admin"
    OWNER = "owner"
    RISK_OFFICER = "risk_officer"
    TRADER = "trader"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
