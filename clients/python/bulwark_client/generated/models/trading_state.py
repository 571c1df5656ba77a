from enum import StrEnum

class TradingState(StrEnum):
    ACTIVE = "active"
    HALTED = "halted"
    REDUCING = "reducing"

    def __str__(self) -> str:
        return str(self.value)
