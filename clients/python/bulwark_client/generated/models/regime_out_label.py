from enum import StrEnum

class RegimeOutLabel(StrEnum):
    BEAR = "bear"
    BULL = "bull"
    STABLE = "stable"
    VOLATILE = "volatile"

    def __str__(self) -> str:
        return str(self.value)
