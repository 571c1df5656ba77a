"""The API's contexts: each context's HTTP bundle, built from its container, and the list of
contexts the API's listener serves (adapters/http/contexts.py)."""

from __future__ import annotations

from dependency_injector import containers, providers

from bootstrap.containers.stores import later


class HttpContextsContainer(containers.DeclarativeContainer):
    """One bundle per context the API serves, over the contexts' containers."""

    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()

    identity_services = providers.Singleton(
        later("adapters.http.identity:IdentityServices"),
        auth=core.auth, users=identity.user_admin, invitations=identity.invitations,
        password_resets=identity.password_resets, workspaces=identity.workspaces,
        kyc=identity.kyc,
    )  # fmt: skip

    # What the API's listener mounts, each context with its own routes.
    served = providers.List(
        providers.Singleton(later("adapters.http.identity:context"), identity_services),
    )
