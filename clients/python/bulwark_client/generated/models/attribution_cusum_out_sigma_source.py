from enum import StrEnum

class AttributionCusumOutSigmaSource(StrEnum):
    GIVEN = "given"
    MOVING_RANGE = "moving_range"

    def __str__(self) -> str:
        return str(self.value)
