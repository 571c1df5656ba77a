from enum import StrEnum

class TransactionKind(StrEnum):
    BUY = "buy"
    CASH_IN_LIEU = "cash_in_lieu"
    CASH_MERGER = "cash_merger"
    DEPOSIT = "deposit"
    DIVIDEND = "dividend"
    FEE = "fee"
    INTEREST = "interest"
    MIXED_MERGER = "mixed_merger"
    REVERSE_SPLIT = "reverse_split"
    SELL = "sell"
    SPIN_OFF = "spin_off"
    SPLIT = "split"
    STOCK_MERGER = "stock_merger"
    SYMBOL_CHANGE = "symbol_change"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    WITHDRAWAL = "withdrawal"

    def __str__(self) -> str:
        return str(self.value)
