from enum import StrEnum

class ResumeInToState(StrEnum):
    ACTIVE = "active"
    REDUCING = "reducing"

    def __str__(self) -> str:
        return str(self.value)
