"""The signal models on offer, with their cards (GET /api/v1/models/signals, `models list`)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.model_signals.card import InvalidModelName, SignalModelCard
from ports.model_signals.signal_models import SignalModelRegistry, UnknownSignalModel


@dataclass(eq=False)
class SignalModelCatalogue:
    registry: SignalModelRegistry

    def list(self) -> list[SignalModelCard]:
        return self.registry.cards()

    def get(self, name: str) -> SignalModelCard:
        """The card; UnknownSignalModel (404) for a name not stored or not a model name."""
        try:
            return self.registry.card(name)
        except InvalidModelName:
            raise UnknownSignalModel(f"no signal model named {name}", field="name") from None
