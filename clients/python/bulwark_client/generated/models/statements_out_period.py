from enum import StrEnum

class StatementsOutPeriod(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"

    def __str__(self) -> str:
        return str(self.value)
