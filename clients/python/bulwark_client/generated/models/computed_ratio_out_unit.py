from enum import StrEnum

class ComputedRatioOutUnit(StrEnum):
    FRACTION = "fraction"
    MULTIPLE = "multiple"

    def __str__(self) -> str:
        return str(self.value)
