from enum import StrEnum

class CorporateActionImportInSource(StrEnum):
    ALPACA = "alpaca"
    POLYGON = "polygon"

    def __str__(self) -> str:
        return str(self.value)
