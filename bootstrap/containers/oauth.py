"""OAuth: Bulwark as its people's authorization server for the agents' MCP server (its store,
the clients' metadata documents, the agents its grants act as, the use cases)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.oauth.agents import SafetyGrantAgents
from application.oauth.clients import Clients
from application.oauth.service import OAuthService
from bootstrap import oauth as oauth_wiring
from bootstrap.containers.stores import store_provider
from bootstrap.periodic import serving_job

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.http.oauth.documents import HttpClientDocuments
    from adapters.memory.oauth import InMemoryOAuthStore
    from adapters.postgres.oauth import SqlOAuthStore


def memory_oauth_store() -> InMemoryOAuthStore:
    from adapters.memory.oauth import InMemoryOAuthStore

    return InMemoryOAuthStore()


def sql_oauth_store(engine: AsyncEngine) -> SqlOAuthStore:
    from adapters.postgres.oauth import SqlOAuthStore

    return SqlOAuthStore(engine)


def client_documents() -> HttpClientDocuments:
    from adapters.http.oauth.documents import HttpClientDocuments

    return HttpClientDocuments()


class OauthContainer(containers.DeclarativeContainer):
    """Over the core (store, clock, ids, audit) and safety (the agents a grant acts as)."""

    core = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()

    store = store_provider(core, memory_oauth_store, sql_oauth_store)
    documents = providers.Singleton(client_documents)
    clients = providers.Singleton(Clients, store, documents, core.clock)
    agents = providers.Singleton(SafetyGrantAgents, safety.agents, core.uow_factory)
    service = providers.Singleton(
        OAuthService, store, clients, agents, core.clock, core.ids, core.audit,
        providers.Callable(oauth_wiring.lifetimes, core.settings),
    )  # fmt: skip
    # The expired requests, codes and tokens deleted, once across the deployment (a lease).
    purge = providers.Resource(
        serving_job, "oauth_purge", oauth_wiring.purge_expired, service.provider,
        core.settings.provided.oauth.purge_seconds, core.process, core.job_leases,
    )  # fmt: skip
