from enum import StrEnum

class LotMethod(StrEnum):
    FIFO = "fifo"
    HIFO = "hifo"
    LIFO = "lifo"
    SPECIFIC = "specific"

    def __str__(self) -> str:
        return str(self.value)
