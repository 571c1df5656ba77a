"""NautilusTrader strategies whose orders pass Bulwark's pre-trade gate first.

`BulwarkGatedStrategy` (bulwark_nautilus.strategy, which imports NautilusTrader) is the
strategy base; `BulwarkGate` (bulwark_nautilus.gate, the standard library alone) asks Bulwark.
"""

from __future__ import annotations

from typing import Any

from bulwark_nautilus.gate import Answer, BulwarkGate, Terms, bulwark_symbol

__all__ = ["Answer", "BulwarkGate", "BulwarkGatedStrategy", "Terms", "bulwark_symbol"]


def __getattr__(name: str) -> Any:
    # The strategy imports NautilusTrader: only when asked for, so the gate alone imports
    # anywhere (Bulwark's own tests check it without NautilusTrader).
    if name == "BulwarkGatedStrategy":
        from bulwark_nautilus.strategy import BulwarkGatedStrategy

        return BulwarkGatedStrategy
    raise AttributeError(name)
