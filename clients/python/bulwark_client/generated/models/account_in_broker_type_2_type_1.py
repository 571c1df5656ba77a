from enum import StrEnum

class AccountInBrokerType2Type1(StrEnum):
    ALPACA = "alpaca"
    CCXT = "ccxt"
    IBKR = "ibkr"
    PAPER = "paper"
    TRADIER = "tradier"

    def __str__(self) -> str:
        return str(self.value)
