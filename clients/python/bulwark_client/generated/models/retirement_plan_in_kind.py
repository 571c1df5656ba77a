from enum import StrEnum

class RetirementPlanInKind(StrEnum):
    IRA = "ira"
    ROTH_IRA = "roth_ira"
    SEP_IRA = "sep_ira"
    VALUE_2 = "401k"

    def __str__(self) -> str:
        return str(self.value)
