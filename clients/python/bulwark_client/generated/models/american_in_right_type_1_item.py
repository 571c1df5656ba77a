from enum import StrEnum

class AmericanInRightType1Item(StrEnum):
    CALL = "call"
    PUT = "put"

    def __str__(self) -> str:
        return str(self.value)
