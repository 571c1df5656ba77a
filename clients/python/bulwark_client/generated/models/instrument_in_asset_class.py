from enum import StrEnum

class InstrumentInAssetClass(StrEnum):
    BOND = "bond"
    CRYPTO = "crypto"
    EQUITY = "equity"
    FUTURE = "future"
    FX = "fx"

    def __str__(self) -> str:
        return str(self.value)
