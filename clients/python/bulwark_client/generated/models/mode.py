from enum import StrEnum

class Mode(StrEnum):
    ONCE = "once"
    REARM = "rearm"

    def __str__(self) -> str:
        return str(self.value)
