from enum import StrEnum

class Status(StrEnum):
    GAP = "gap"
    MET = "met"
    PARTLY_MET = "partly_met"

    def __str__(self) -> str:
        return str(self.value)
