from enum import StrEnum

class DomainAgentsHeartbeatLiveness(StrEnum):
    ALIVE = "alive"
    DEAD = "dead"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
