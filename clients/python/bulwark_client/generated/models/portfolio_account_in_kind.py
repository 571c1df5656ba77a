from enum import StrEnum

class PortfolioAccountInKind(StrEnum):
    MANUAL = "manual"
    TRADING = "trading"

    def __str__(self) -> str:
        return str(self.value)
