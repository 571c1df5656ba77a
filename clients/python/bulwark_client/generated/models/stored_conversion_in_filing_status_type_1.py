from enum import StrEnum

class StoredConversionInFilingStatusType1(StrEnum):
    MARRIED_JOINT = "married_joint"
    SINGLE = "single"

    def __str__(self) -> str:
        return str(self.value)
