from enum import StrEnum

class Pattern(StrEnum):
    EMA_CROSSOVER = "ema_crossover"
    VOLATILITY_BREAKOUT = "volatility_breakout"
    VWAP_DEVIATION = "vwap_deviation"

    def __str__(self) -> str:
        return str(self.value)
