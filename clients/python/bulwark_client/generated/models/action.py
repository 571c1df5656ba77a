from enum import StrEnum

class Action(StrEnum):
    BLOCK = "block"
    HOLD = "hold"
    REDUCE = "reduce"
    WARN = "warn"

    def __str__(self) -> str:
        return str(self.value)
