from enum import StrEnum

class GivingCarryoverInCategory(StrEnum):
    CAPITAL_GAIN_30 = "capital_gain_30"
    CASH_60 = "cash_60"
    NONCASH_50 = "noncash_50"

    def __str__(self) -> str:
        return str(self.value)
