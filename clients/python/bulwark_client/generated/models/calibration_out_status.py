from enum import StrEnum

class CalibrationOutStatus(StrEnum):
    FALLBACK = "fallback"
    FITTED = "fitted"
    NOT_REQUESTED = "not_requested"

    def __str__(self) -> str:
        return str(self.value)
