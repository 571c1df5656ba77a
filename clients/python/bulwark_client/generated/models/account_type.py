from enum import StrEnum

class AccountType(StrEnum):
    HSA = "hsa"
    IRA = "ira"
    ROTH_IRA = "roth_ira"
    TAXABLE = "taxable"
    VALUE_3 = "401k"
    VALUE_4 = "529"

    def __str__(self) -> str:
        return str(self.value)
