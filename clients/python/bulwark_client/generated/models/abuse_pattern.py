from enum import StrEnum

class AbusePattern(StrEnum):
    LAYERING = "layering"
    MARKING_THE_CLOSE = "marking_the_close"
    MOMENTUM_IGNITION = "momentum_ignition"
    QUOTE_STUFFING = "quote_stuffing"
    SPOOFING = "spoofing"
    WASH_TRADING = "wash_trading"

    def __str__(self) -> str:
        return str(self.value)
