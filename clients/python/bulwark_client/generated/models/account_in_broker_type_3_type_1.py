from enum import StrEnum

class AccountInBrokerType3Type1(StrEnum):
    ALPACA = "alpaca"
    CCXT = "ccxt"
    IBKR = "ibkr"
    PAPER = "paper"
    TRADIER = "tradier"

    def __str__(self) -> str:
        return str(self.value)
