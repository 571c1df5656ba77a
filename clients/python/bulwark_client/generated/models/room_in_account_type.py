from enum import StrEnum

class RoomInAccountType(StrEnum):
    HSA_FAMILY = "hsa_family"
    HSA_SELF = "hsa_self"
    IRA = "ira"
    ROTH_IRA = "roth_ira"
    SEP_IRA = "sep_ira"
    VALUE_0 = "401k"
    VALUE_6 = "529"

    def __str__(self) -> str:
        return str(self.value)
