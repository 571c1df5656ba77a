from enum import StrEnum

class DocumentKind(StrEnum):
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_ID = "national_id"
    OTHER = "other"
    PASSPORT = "passport"
    PROOF_OF_ADDRESS = "proof_of_address"

    def __str__(self) -> str:
        return str(self.value)
