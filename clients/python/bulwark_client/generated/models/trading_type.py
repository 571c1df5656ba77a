from enum import StrEnum

class TradingType(StrEnum):
    CASH = "cash"
    MARGIN = "margin"

    def __str__(self) -> str:
        return str(self.value)
