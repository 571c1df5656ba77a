"""Client ID metadata documents fetched over HTTPS with httpx: bounded in size and time,
https only (http for loopback hosts alone, for local clients and tests), no redirects."""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx
import structlog

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_BYTES = 16_384
TIMEOUT_S = 5.0

_log = structlog.get_logger("bulwark.oauth")


class HttpClientDocuments:
    """ClientDocuments (ports/oauth/clients.py) over httpx."""

    def __init__(self, *, max_bytes: int = MAX_BYTES, timeout_s: float = TIMEOUT_S) -> None:
        self._max_bytes = max_bytes
        self._timeout_s = timeout_s

    async def fetch(self, url: str) -> Mapping[str, object] | None:
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in _LOOPBACK):
            return None
        try:
            async with (
                httpx.AsyncClient(timeout=self._timeout_s, follow_redirects=False) as client,
                client.stream("GET", url, headers={"Accept": "application/json"}) as answer,
            ):
                if answer.status_code != 200:
                    return None
                body = b""
                async for chunk in answer.aiter_bytes():
                    body += chunk
                    if len(body) > self._max_bytes:
                        return None
            document = json.loads(body)
        except (httpx.HTTPError, ValueError) as exc:
            _log.info("oauth_client_document_refused", reason=type(exc).__name__)
            return None
        return document if isinstance(document, dict) else None
