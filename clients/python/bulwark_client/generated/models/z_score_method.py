from enum import StrEnum

class ZScoreMethod(StrEnum):
    ROBUST = "robust"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
