from enum import StrEnum

class Regime(StrEnum):
    BEAR = "bear"
    BULL = "bull"
    CALIBRATED = "calibrated"
    STABLE = "stable"
    VOLATILE = "volatile"

    def __str__(self) -> str:
        return str(self.value)
