from enum import StrEnum

class AmericanInMethod(StrEnum):
    BAW = "baw"
    CRR = "crr"

    def __str__(self) -> str:
        return str(self.value)
