from enum import StrEnum

class AccountInBrokerType1(StrEnum):
    ALPACA = "alpaca"
    CCXT = "ccxt"
    IBKR = "ibkr"
    PAPER = "paper"
    TRADIER = "tradier"

    def __str__(self) -> str:
        return str(self.value)
