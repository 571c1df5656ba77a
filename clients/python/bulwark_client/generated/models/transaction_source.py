from enum import StrEnum

class TransactionSource(StrEnum):
    FILL = "fill"
    IMPORT = "import"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
