"""One contract for the signal model registry, run against the memory and the folder adapter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from adapters.memory.signal_models import InMemorySignalModelRegistry
from adapters.signal_models.file_registry import FolderSignalModelRegistry
from domain.model_signals.card import InvalidModelName
from ports.model_signals.signal_models import SignalModelRegistry, UnknownSignalModel
from tests.unit.model_signals.kit import card

Factory = Callable[[Path], SignalModelRegistry]


@pytest.fixture(params=["memory", "folder"])
def registry(request: pytest.FixtureRequest, tmp_path: Path) -> SignalModelRegistry:
    if request.param == "memory":
        return InMemorySignalModelRegistry()
    return FolderSignalModelRegistry(tmp_path / "signals")


def test_a_saved_model_reads_back_with_its_card(registry: SignalModelRegistry) -> None:
    # Arrange
    saved = card("alpha")

    # Act
    registry.save(saved, b"onnx-bytes")

    # Assert
    assert registry.card("alpha") == saved
    assert registry.model_bytes("alpha") == b"onnx-bytes"


def test_cards_are_listed_by_name_and_a_new_save_replaces(registry: SignalModelRegistry) -> None:
    # Arrange
    registry.save(card("zeta"), b"z")
    registry.save(card("alpha"), b"a")

    # Act
    registry.save(replace(card("alpha"), version="2"), b"a2")

    # Assert
    assert [c.name for c in registry.cards()] == ["alpha", "zeta"]
    assert registry.card("alpha").version == "2" and registry.model_bytes("alpha") == b"a2"


def test_an_unknown_name_is_refused(registry: SignalModelRegistry) -> None:
    with pytest.raises(UnknownSignalModel):
        registry.card("nothing")
    with pytest.raises(UnknownSignalModel):
        registry.model_bytes("nothing")
    assert registry.cards() == []


def test_a_name_that_is_not_a_plain_file_name_is_refused(registry: SignalModelRegistry) -> None:
    with pytest.raises(InvalidModelName):
        registry.card("../etc/passwd")
