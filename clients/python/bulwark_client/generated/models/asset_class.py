from enum import StrEnum

class AssetClass(StrEnum):
    BOND = "bond"
    CRYPTO = "crypto"
    EQUITY = "equity"
    FUTURE = "future"
    FX = "fx"
    OPTION = "option"

    def __str__(self) -> str:
        return str(self.value)
