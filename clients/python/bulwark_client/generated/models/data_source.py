from enum import StrEnum

class DataSource(StrEnum):
    STORE = "store"
    SYNTHETIC = "synthetic"

    def __str__(self) -> str:
        return str(self.value)
