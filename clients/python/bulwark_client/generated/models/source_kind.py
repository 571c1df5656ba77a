from enum import StrEnum

class SourceKind(StrEnum):
    EXTERNAL = "external"
    MODEL = "model"
    PATTERN = "pattern"

    def __str__(self) -> str:
        return str(self.value)
