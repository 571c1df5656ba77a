from enum import StrEnum

class RegimeShiftsOutSeries(StrEnum):
    BENCHMARK = "benchmark"
    PORTFOLIO = "portfolio"

    def __str__(self) -> str:
        return str(self.value)
