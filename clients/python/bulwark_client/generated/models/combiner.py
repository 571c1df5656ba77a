from enum import StrEnum

class Combiner(StrEnum):
    LEARNED = "learned"
    STATED = "stated"

    def __str__(self) -> str:
        return str(self.value)
