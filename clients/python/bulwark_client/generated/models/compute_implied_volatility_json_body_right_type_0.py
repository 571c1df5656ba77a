from enum import StrEnum

class ComputeImpliedVolatilityJsonBodyRightType0(StrEnum):
    CALL = "call"
    PUT = "put"

    def __str__(self) -> str:
        return str(self.value)
