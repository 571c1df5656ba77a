from enum import StrEnum

class Action(StrEnum):
    BLOCK = "block"
    REDUCE = "reduce"
    WARN = "warn"

    def __str__(self) -> str:
        return str(self.value)
