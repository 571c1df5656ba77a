from enum import StrEnum

class RegimeOutCross(StrEnum):
    DEATH = "death"
    GOLDEN = "golden"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
