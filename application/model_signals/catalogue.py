"""The signal models on offer, with their cards (GET /api/v1/models/signals, `models list`)."""

from __future__ import annotations

from domain.model_signals.card import InvalidModelName, SignalModelCard
from ports.model_signals.signal_models import SignalModelRegistry, UnknownSignalModel


class SignalModelCatalogue:
    def __init__(self, registry: SignalModelRegistry) -> None:
        self._registry = registry

    def list(self) -> list[SignalModelCard]:
        return self._registry.cards()

    def get(self, name: str) -> SignalModelCard:
        """The card; UnknownSignalModel (404) for a name not stored or not a model name."""
        try:
            return self._registry.card(name)
        except InvalidModelName:
            raise UnknownSignalModel(f"no signal model named {name}", field="name") from None
