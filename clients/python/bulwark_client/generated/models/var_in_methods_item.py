from enum import StrEnum

class VarInMethodsItem(StrEnum):
    CORNISH_FISHER = "cornish_fisher"
    HISTORICAL = "historical"
    PARAMETRIC_NORMAL = "parametric_normal"

    def __str__(self) -> str:
        return str(self.value)
