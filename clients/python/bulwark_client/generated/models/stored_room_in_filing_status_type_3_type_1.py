from enum import StrEnum

class StoredRoomInFilingStatusType3Type1(StrEnum):
    HEAD_OF_HOUSEHOLD = "head_of_household"
    MARRIED_JOINT = "married_joint"
    MARRIED_SEPARATE = "married_separate"
    QUALIFYING_SURVIVING_SPOUSE = "qualifying_surviving_spouse"
    SINGLE = "single"

    def __str__(self) -> str:
        return str(self.value)
