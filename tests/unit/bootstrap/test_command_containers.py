"""The CLI's contexts built on demand: only what a command reads, wired as the served app's."""

from typing import Any

from dependency_injector import providers

from bootstrap.containers.application import ApplicationContainer
from bootstrap.containers.commands import CommandContainers
from bootstrap.settings import load_settings

# The API's HTTP bundles (http_contexts) are the served app's alone: no command builds them.
CONTEXTS = [
    name
    for name, provider in ApplicationContainer.cls_providers.items()
    if isinstance(provider, providers.Container) and name != "http_contexts"
]


def _dependencies(context: Any) -> list[str]:
    return [
        name
        for name, provider in context.providers.items()
        if isinstance(provider, providers.DependenciesContainer | providers.Dependency)
        and name != "settings"  # the core's, the same Settings in both
    ]


def _named(whole: Any, target: object) -> str:
    """Which context (or context.provider) of `whole` the dependency was given."""
    for name in CONTEXTS:
        context = getattr(whole, name)
        if context is target:
            return name
        for provider_name, provider in context.providers.items():
            if provider is target:
                return f"{name}.{provider_name}"
    raise AssertionError(f"{target!r} is none of the contexts")


def _given(whole: Any, context: str, dependency: str) -> str:
    given = getattr(getattr(whole, context), dependency).last_overriding
    if isinstance(given, providers.Object):  # an instance passed in
        given = given()
    return _named(whole, given)


def test_a_one_context_command_builds_the_core_and_that_context_only() -> None:
    # Arrange
    containers = CommandContainers(
        load_settings({"BULWARK_DATABASE_URL": "memory://"}, env_file=None)
    )

    # Act
    users = containers.identity.user_admin()

    # Assert
    assert users is containers.identity.user_admin()
    assert containers.built() == ["core", "identity"]


def test_each_context_is_given_what_the_application_container_gives_it() -> None:
    # Arrange
    settings = load_settings({"BULWARK_DATABASE_URL": "memory://"}, env_file=None)
    application = ApplicationContainer(settings=settings)
    containers = CommandContainers(settings)

    # Act
    wiring = {
        context: {
            dependency: (
                _given(application, context, dependency),
                _given(containers, context, dependency),
            )
            for dependency in _dependencies(getattr(containers, context))
        }
        for context in CONTEXTS
    }

    # Assert: the same classes, each dependency the same-named context (or provider) in both
    for context in CONTEXTS:
        built = getattr(containers, context).declarative_parent
        assert built is application.providers[context].container.declarative_parent
    assert all(ours == theirs for given in wiring.values() for ours, theirs in given.values())
    assert wiring["safety"]["orders"] == ("trading.orders", "trading.orders")
    assert wiring["trading"] == {
        "core": ("core", "core"),
        "inference": ("inference",) * 2,
        "prediction_store": ("inference.prediction_store",) * 2,
    }
