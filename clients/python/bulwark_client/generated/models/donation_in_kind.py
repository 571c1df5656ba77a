from enum import StrEnum

class DonationInKind(StrEnum):
    CASH = "cash"
    STOCK = "stock"

    def __str__(self) -> str:
        return str(self.value)
