from enum import StrEnum

class ScenarioOutRegimeSource(StrEnum):
    CALIBRATED = "calibrated"
    DETECTED = "detected"
    GIVEN = "given"
    STATIONARY = "stationary"

    def __str__(self) -> str:
        return str(self.value)
