from enum import StrEnum

class StrategyMode(StrEnum):
    LIVE = "live"
    OFF = "off"
    PAPER = "paper"
    SHADOW = "shadow"

    def __str__(self) -> str:
        return str(self.value)
