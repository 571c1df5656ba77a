from enum import StrEnum

class SizingMethod(StrEnum):
    FIXED_FRACTION = "fixed_fraction"
    FIXED_NOTIONAL = "fixed_notional"
    VOLATILITY = "volatility"

    def __str__(self) -> str:
        return str(self.value)
