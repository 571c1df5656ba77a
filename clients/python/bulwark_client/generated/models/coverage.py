from enum import StrEnum

class Coverage(StrEnum):
    FULL = "full"
    NONE = "none"
    NOT_APPLICABLE = "not_applicable"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
