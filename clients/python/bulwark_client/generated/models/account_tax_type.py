from enum import StrEnum

class AccountTaxType(StrEnum):
    IRA = "ira"
    TAXABLE = "taxable"

    def __str__(self) -> str:
        return str(self.value)
