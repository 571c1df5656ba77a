"""The agents' MCP server at /mcp (streamable HTTP), its tools calling this app in process."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring
from bootstrap.containers import http_contexts_parts as parts


def bundle(_: Wiring) -> Bundle:
    return providers.Singleton(
        parts.mcp_context, providers.Singleton(parts.streamable_http_endpoint)
    )
