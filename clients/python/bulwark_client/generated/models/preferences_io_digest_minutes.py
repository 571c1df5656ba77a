from enum import IntEnum

class PreferencesIODigestMinutes(IntEnum):
    VALUE_15 = 15
    VALUE_60 = 60
    VALUE_240 = 240
    VALUE_1440 = 1440

    def __str__(self) -> str:
        return str(self.value)
