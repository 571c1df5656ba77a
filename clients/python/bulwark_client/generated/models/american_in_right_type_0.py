from enum import StrEnum

class AmericanInRightType0(StrEnum):
    CALL = "call"
    PUT = "put"

    def __str__(self) -> str:
        return str(self.value)
