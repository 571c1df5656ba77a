from enum import StrEnum

class DonationInDoneeKind(StrEnum):
    DONOR_ADVISED_FUND = "donor_advised_fund"
    PUBLIC_CHARITY = "public_charity"

    def __str__(self) -> str:
        return str(self.value)
