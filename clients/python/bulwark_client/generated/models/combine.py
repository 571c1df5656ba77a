from enum import StrEnum

class Combine(StrEnum):
    EACH = "each"
    WEIGHTED = "weighted"

    def __str__(self) -> str:
        return str(self.value)
