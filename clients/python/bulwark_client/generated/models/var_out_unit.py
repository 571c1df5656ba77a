from enum import StrEnum

class VarOutUnit(StrEnum):
    FRACTION = "fraction"
    MONEY = "money"

    def __str__(self) -> str:
        return str(self.value)
