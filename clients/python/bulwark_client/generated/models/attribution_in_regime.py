from enum import StrEnum

class AttributionInRegime(StrEnum):
    BENCHMARK = "benchmark"
    NONE = "none"
    PORTFOLIO = "portfolio"

    def __str__(self) -> str:
        return str(self.value)
