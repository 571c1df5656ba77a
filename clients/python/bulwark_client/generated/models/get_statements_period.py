from enum import StrEnum

class GetStatementsPeriod(StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"

    def __str__(self) -> str:
        return str(self.value)
