from enum import StrEnum

class TimeInForce(StrEnum):
    DAY = "day"
    FOK = "fok"
    GTC = "gtc"
    IOC = "ioc"

    def __str__(self) -> str:
        return str(self.value)
