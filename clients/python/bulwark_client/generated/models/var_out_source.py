from enum import StrEnum

class VarOutSource(StrEnum):
    PNL = "pnl"
    RETURNS = "returns"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
