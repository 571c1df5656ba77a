"""Signal models in memory (tests and embedded runs): the SignalModelRegistry contract."""

from __future__ import annotations

from domain.model_signals.card import SignalModelCard, check_model_name
from ports.model_signals.signal_models import UnknownSignalModel


class InMemorySignalModelRegistry:
    def __init__(self) -> None:
        self._models: dict[str, tuple[SignalModelCard, bytes]] = {}

    def save(self, card: SignalModelCard, model: bytes) -> None:
        check_model_name(card.name)
        self._models[card.name] = (card, bytes(model))

    def cards(self) -> list[SignalModelCard]:
        return [self._models[name][0] for name in sorted(self._models)]

    def _get(self, name: str) -> tuple[SignalModelCard, bytes]:
        check_model_name(name)
        try:
            return self._models[name]
        except KeyError:
            raise UnknownSignalModel(f"no signal model named {name}", field="name") from None

    def card(self, name: str) -> SignalModelCard:
        return self._get(name)[0]

    def model_bytes(self, name: str) -> bytes:
        return self._get(name)[1]
