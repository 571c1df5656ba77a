"""The API's contexts: each context's HTTP bundle, built from its container, and the list of
contexts the API's listener serves (adapters/http/contexts.py)."""

from __future__ import annotations

from dependency_injector import containers, providers

from bootstrap.containers.stores import later


def _context(package: str, **services: providers.Provider[object]) -> providers.Provider[object]:
    """A context of the API (`package`'s `context`) over its bundle of use cases."""
    bundle_class = {
        "identity": "IdentityServices",
        "notifications": "NotificationsServices",
        "keys": "KeysServices",
        "surveillance": "SurveillanceServices",
        "audit": "AuditServices",
    }[package]
    bundle = providers.Singleton(later(f"adapters.http.{package}:{bundle_class}"), **services)
    return providers.Singleton(later(f"adapters.http.{package}:context"), bundle)


class HttpContextsContainer(containers.DeclarativeContainer):
    """One bundle per context the API serves, over the contexts' containers."""

    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()
    notifications = providers.DependenciesContainer()
    keys = providers.DependenciesContainer()
    surveillance = providers.DependenciesContainer()

    identity_context = _context(
        "identity",
        auth=core.auth, users=identity.user_admin, invitations=identity.invitations,
        password_resets=identity.password_resets, workspaces=identity.workspaces,
        kyc=identity.kyc,
    )  # fmt: skip
    notifications_context = _context(
        "notifications",
        inbox=notifications.notification_service,
        endpoints=notifications.notification_endpoints,
    )
    keys_context = _context(
        "keys",
        clock=core.clock, key_rotations=keys.key_rotations, key_vault=core.key_vault,
        broker_credentials=providers.Singleton(
            later("application.broker_credentials:BrokerCredentialService"),
            core.uow_factory, core.key_vault,
        ),
    )  # fmt: skip
    surveillance_context = _context("surveillance", surveillance=surveillance.surveillance)
    audit_context = _context("audit", audit_log=core.audit_log_service)

    # What the API's listener mounts, each context with its own routes.
    served = providers.List(
        identity_context, notifications_context, keys_context, surveillance_context,
        audit_context,
    )  # fmt: skip
