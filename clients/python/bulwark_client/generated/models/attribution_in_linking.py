from enum import StrEnum

class AttributionInLinking(StrEnum):
    CARINO = "carino"
    MENCHERO = "menchero"

    def __str__(self) -> str:
        return str(self.value)
