from enum import StrEnum

class MonteCarloConventionsOutReturns(StrEnum):
    LOGNORMAL = "lognormal"
    STUDENT_T = "student-t"

    def __str__(self) -> str:
        return str(self.value)
