"""Clients: registered ones from the store, and those whose client_id is the https URL of
their metadata document, read through the ClientDocuments port and kept a few minutes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from domain.oauth.grants import ClientKind, OAuthClient
from ports.core.clock import Clock
from ports.oauth.clients import ClientDocuments
from ports.oauth.store import OAuthStore

# How long a fetched document stands for its client (the MCP spec lets servers cache it).
DOCUMENT_TTL = timedelta(minutes=5)
_MAX_CACHED = 1024
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def is_metadata_url(client_id: str) -> bool:
    """An https URL with a path (loopback http allowed, for local clients and tests)."""
    parts = urlsplit(client_id)
    if parts.path in ("", "/") or parts.fragment or parts.username or parts.password:
        return False
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS


def client_of_document(url: str, document: Mapping[str, object], now: datetime) -> OAuthClient:
    """The client a metadata document describes; ValueError when it does not hold (it must
    name itself by the URL it was fetched from, and list its redirect URIs)."""
    if document.get("client_id") != url:
        raise ValueError("the document's client_id is not the URL it was fetched from")
    uris = document.get("redirect_uris")
    if not isinstance(uris, list) or not uris or not all(isinstance(u, str) for u in uris):
        raise ValueError("the document lists no redirect_uris")
    method = document.get("token_endpoint_auth_method", "none")
    if method != "none":
        raise ValueError("a client metadata document's client authenticates with none")
    name = document.get("client_name")
    return OAuthClient(
        client_id=url,
        name=str(name)[:120] if isinstance(name, str) else "",
        redirect_uris=tuple(uris),
        auth_method="none",
        created_at=now,
        kind=ClientKind.METADATA_DOCUMENT,
        document=dict(document),
    )


class Clients:
    """Finds a client by its id, whichever way it came."""

    def __init__(self, store: OAuthStore, documents: ClientDocuments, clock: Clock) -> None:
        self._store = store
        self._documents = documents
        self._clock = clock
        self._cache: dict[str, tuple[datetime, OAuthClient | None]] = {}

    async def get(self, client_id: str) -> OAuthClient | None:
        if not is_metadata_url(client_id):
            return await self._store.get_client(client_id)
        now = self._clock.now()
        cached = self._cache.get(client_id)
        if cached is not None and now - cached[0] < DOCUMENT_TTL:
            return cached[1]
        client: OAuthClient | None = None
        document = await self._documents.fetch(client_id)
        if document is not None:
            try:
                client = client_of_document(client_id, document, now)
            except ValueError:
                client = None
        if len(self._cache) >= _MAX_CACHED:
            self._cache.clear()
        self._cache[client_id] = (now, client)
        return client
