from enum import StrEnum

class AmericanOutMethod(StrEnum):
    BAW = "baw"
    CRR = "crr"

    def __str__(self) -> str:
        return str(self.value)
