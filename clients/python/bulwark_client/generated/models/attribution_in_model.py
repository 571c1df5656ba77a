from enum import StrEnum

class AttributionInModel(StrEnum):
    BRINSON_FACHLER = "brinson_fachler"
    BRINSON_HOOD_BEEBOWER = "brinson_hood_beebower"

    def __str__(self) -> str:
        return str(self.value)
