from enum import StrEnum

class VestingInKind(StrEnum):
    CLIFF = "cliff"
    GRADED = "graded"
    IMMEDIATE = "immediate"

    def __str__(self) -> str:
        return str(self.value)
