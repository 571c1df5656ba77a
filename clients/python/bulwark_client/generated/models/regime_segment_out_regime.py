from enum import StrEnum

class RegimeSegmentOutRegime(StrEnum):
    BEAR = "bear"
    BULL = "bull"
    STABLE = "stable"
    VOLATILE = "volatile"

    def __str__(self) -> str:
        return str(self.value)
