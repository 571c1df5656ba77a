"""The contexts composed from the registry: the CLI's built on demand, only what a command
reads, each given the same contexts as in the served app's container."""

import pytest
from dependency_injector import containers, providers

from bootstrap import composition
from bootstrap.composition import composition_order, container_class, needs
from bootstrap.containers.application import ApplicationContainer, deep_enough_to_copy
from bootstrap.containers.commands import CommandContainers
from bootstrap.contexts import WIRED_CONTEXTS
from bootstrap.settings import load_settings


@pytest.fixture(scope="module")
def settings():
    return load_settings({"BULWARK_DATABASE_URL": "memory://"}, env_file=None)


def _unwrapped(given):
    """An instance passed in to a container is held as an Object provider of it."""
    return given() if isinstance(given, providers.Object) else given


def test_a_one_context_command_builds_the_core_and_that_context_only(settings) -> None:
    # Arrange
    contexts = CommandContainers(settings)

    # Act
    users = contexts.identity.user_admin()

    # Assert
    assert users is contexts.identity.user_admin()
    assert contexts.built() == ["core", "identity"]


def test_a_command_names_no_context_outside_the_registry(settings) -> None:
    # Arrange
    contexts = CommandContainers(settings)

    # Act / Assert
    with pytest.raises(AttributeError, match="no context 'tradingg'"):
        _ = contexts.tradingg


def test_every_context_comes_after_the_contexts_it_needs() -> None:
    # Act
    order = composition_order()

    # Assert
    assert sorted(order) == sorted(WIRED_CONTEXTS)
    assert order[0] == "core"
    for position, name in enumerate(order):
        assert set(needs(name)) - {"settings"} <= set(order[:position]), name
    assert needs("trading") == ("core", "inference", "market_data", "connections")
    assert needs("safety") == ("core", "trading")


def test_each_context_is_given_the_same_named_contexts_in_the_app_and_in_commands(
    settings,
) -> None:
    # Arrange
    deep_enough_to_copy()
    application = ApplicationContainer(settings=settings)
    commands = CommandContainers(settings)

    # Act: what each context's declared dependency resolves to, in both
    wiring = {
        name: {
            needed: (
                getattr(application, name).providers[needed].last_overriding,
                getattr(commands, name).providers[needed].last_overriding,
            )
            for needed in needs(name)
            if needed != "settings"
        }
        for name in WIRED_CONTEXTS
    }

    # Assert: the same classes, each dependency the context of the same name
    for name in WIRED_CONTEXTS:
        ours = getattr(commands, name)
        assert ours.declarative_parent is container_class(name)
        assert application.providers[name].container.declarative_parent is container_class(name)
        for needed, (in_app, in_command) in wiring[name].items():
            assert in_app is application.providers[needed], (name, needed)
            assert _unwrapped(in_command) is getattr(commands, needed), (name, needed)
    assert application.safety().orders() is application.trading().orders()


def test_containers_that_need_each_other_are_refused(monkeypatch) -> None:
    # Arrange: two containers, each declaring the other
    class FirstContainer(containers.DeclarativeContainer):
        second = providers.DependenciesContainer()

    class SecondContainer(containers.DeclarativeContainer):
        first = providers.DependenciesContainer()

    kinds = {"first": FirstContainer, "second": SecondContainer}
    monkeypatch.setattr(composition, "WIRED_CONTEXTS", ("first", "second"))
    monkeypatch.setattr(composition, "container_class", kinds.__getitem__)
    composition.composition_order.cache_clear()
    composition._known.cache_clear()

    # Act / Assert
    try:
        with pytest.raises(LookupError, match="need each other"):
            composition.composition_order()
    finally:
        monkeypatch.undo()
        composition.composition_order.cache_clear()
        composition._known.cache_clear()


def test_a_registered_context_without_its_container_class_is_named() -> None:
    # Act / Assert
    with pytest.raises(LookupError, match=r"containers/http\.py defines no HttpContainer"):
        container_class("http")
