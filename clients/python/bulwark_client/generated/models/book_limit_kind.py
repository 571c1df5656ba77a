from enum import StrEnum

class BookLimitKind(StrEnum):
    DAILY_LOSS = "DAILY_LOSS"
    DRAWDOWN = "DRAWDOWN"
    GROSS_EXPOSURE = "GROSS_EXPOSURE"
    LEVERAGE = "LEVERAGE"
    NET_EXPOSURE = "NET_EXPOSURE"
    ORDERS_PER_DAY = "ORDERS_PER_DAY"
    POSITION = "POSITION"

    def __str__(self) -> str:
        return str(self.value)
