from enum import StrEnum

class TransactionKind(StrEnum):
    BUY = "buy"
    DEPOSIT = "deposit"
    DIVIDEND = "dividend"
    FEE = "fee"
    INTEREST = "interest"
    SELL = "sell"
    SPLIT = "split"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    WITHDRAWAL = "withdrawal"

    def __str__(self) -> str:
        return str(self.value)
