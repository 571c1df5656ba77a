from enum import StrEnum

class AttributionLinkedOutMethod(StrEnum):
    CARINO = "carino"
    MENCHERO = "menchero"

    def __str__(self) -> str:
        return str(self.value)
