from enum import StrEnum

class ElementState(StrEnum):
    MET = "met"
    NOT_APPLICABLE = "not_applicable"
    PARTIAL = "partial"
    UNMET = "unmet"

    def __str__(self) -> str:
        return str(self.value)
