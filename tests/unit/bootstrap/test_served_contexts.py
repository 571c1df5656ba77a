"""BULWARK_SERVED_CONTEXTS: an instance mounts and builds only the API contexts it is given."""

from __future__ import annotations

import pytest
from dependency_injector import providers

from adapters.memory.clock import FakeClock
from bootstrap.contexts import ALWAYS_SERVED, SERVABLE_CONTEXTS
from bootstrap.settings import SettingsError
from tests.http.harness import test_container as container_of
from tests.http.harness import test_settings as settings_of


def served_names(**overrides: str) -> list[str]:
    container = container_of(settings_of(**overrides), FakeClock())
    return [context.name for context in container.http_contexts.served()]


def test_unset_serves_every_context_the_settings_name_in_their_order() -> None:
    # Act
    names = served_names()

    # Assert
    assert names == list(SERVABLE_CONTEXTS)


def test_chosen_contexts_are_served_with_health_and_core_and_no_other() -> None:
    # Act
    names = served_names(served_contexts="safety,trading")

    # Assert
    assert names == ["health", "core", "trading", "safety"]
    assert set(ALWAYS_SERVED) <= set(names)


def test_a_context_not_chosen_is_never_built() -> None:
    # Arrange
    container = container_of(settings_of(served_contexts="trading"), FakeClock())
    built: list[str] = []
    container.http_contexts.wealth_context.override(
        providers.Callable(lambda: built.append("wealth"))
    )

    # Act
    container.http_contexts.served()

    # Assert
    assert built == []


def test_an_unknown_context_is_one_line_naming_the_known_ones() -> None:
    # Act
    with pytest.raises(SettingsError) as refused:
        settings_of(served_contexts="trading,tradng")

    # Assert
    message = str(refused.value)
    assert message.startswith("BULWARK_SERVED_CONTEXTS: no context named tradng;")
    assert "trading" in message and "\n" not in message


async def test_an_api_only_instance_mounts_no_console_page_and_a_console_one_does() -> None:
    # Arrange
    from tests.http.harness import open_harness

    api_only, _ = await open_harness(settings_of(served_contexts="trading,safety"))
    with_console, _ = await open_harness(settings_of(served_contexts="trading,safety,console"))

    # Act
    left_out = [r.path for r in api_only.app.routes if r.path.startswith("/console")]
    mounted = [r.path for r in with_console.app.routes if r.path.startswith("/console")]

    # Assert
    assert left_out == []
    assert "/console/login" in mounted
    assert any(path.startswith("/console/static") for path in mounted)


def test_serves_answers_for_the_chosen_contexts_health_and_core_and_every_one_when_unset() -> None:
    # Arrange
    chosen = settings_of(served_contexts="trading,safety").core
    every = settings_of().core

    # Act
    answers = {name: chosen.serves(name) for name in ("trading", "core", "health", "market_data")}

    # Assert
    assert answers == {"trading": True, "core": True, "health": True, "market_data": False}
    assert all(every.serves(name) for name in SERVABLE_CONTEXTS)
