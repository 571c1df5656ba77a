from enum import StrEnum

class InvestorProfileInRiskToleranceType2Type1(StrEnum):
    AGGRESSIVE = "aggressive"
    CONSERVATIVE = "conservative"
    MODERATE = "moderate"
    MODERATELY_AGGRESSIVE = "moderately_aggressive"
    MODERATELY_CONSERVATIVE = "moderately_conservative"

    def __str__(self) -> str:
        return str(self.value)
