from enum import StrEnum

class PortfolioRiskOutReturnsSourceType3Type1(StrEnum):
    POSTED = "posted"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
