"""`bulwark mcp`: the agents' MCP server on stdio, for an MCP client that spawns it (Claude
Desktop, an agent framework). It calls the Bulwark at BULWARK_URL with the agent's key in
BULWARK_API_KEY, so the gate, the owner's scoping and the kill switch apply to every tool call
exactly as to the REST API (docs/agents.md)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn, TextIO
from urllib.parse import urlsplit

COMMAND = "mcp"
DEFAULT_URL = "http://127.0.0.1:8000"
EXIT_USAGE = 2
EXIT_REFUSED = 3


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mcp = sub.add_parser(
        COMMAND,
        help="serve the agents' MCP tools on stdio (BULWARK_URL, BULWARK_API_KEY)",
        description=(
            "Serve Bulwark's MCP tools (place_order, cancel_order, list_orders, list_positions, "
            "my_limits, get_quote, kill_switch_state, heartbeat) on stdin/stdout. Every tool "
            "calls the Bulwark at BULWARK_URL (default " + DEFAULT_URL + ") with the agent "
            "API key in BULWARK_API_KEY; the key never comes from the command line."
        ),
    )
    mcp.add_argument(
        "--url", help=f"the Bulwark to call (overrides BULWARK_URL; default {DEFAULT_URL})"
    )
    mcp.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds to wait for each answer of Bulwark's (default 30)",
    )


def run(args: argparse.Namespace, err: TextIO = sys.stderr) -> int:
    """Serve until the client leaves: 0; a missing key or bad URL: 2; a key refused: 3."""
    import anyio

    from adapters.mcp.stdio import KeyRefused, serve_stdio

    url = (args.url or os.environ.get("BULWARK_URL") or DEFAULT_URL).rstrip("/")
    api_key = os.environ.get("BULWARK_API_KEY", "").strip()
    if not api_key:
        print(
            "bulwark mcp: BULWARK_API_KEY is not set: export the agent's API key "
            "(bulwark create-agent-key, or POST /api/v1/agents/{id}/keys)",
            file=err,
        )
        return EXIT_USAGE
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        print(f"bulwark mcp: BULWARK_URL {url!r} is not an http(s) URL", file=err)
        return EXIT_USAGE
    if not args.timeout > 0:
        print("bulwark mcp: --timeout must be a positive number of seconds", file=err)
        return EXIT_USAGE

    def end_session(reason: str) -> NoReturn:
        print(f"bulwark mcp: {reason}; the session is over", file=err, flush=True)
        os._exit(EXIT_REFUSED)  # stdin's blocked reader thread cannot be cancelled

    try:
        anyio.run(serve_stdio, url, api_key, args.timeout, end_session)
    except KeyRefused as exc:
        said = "cannot be reached" if exc.unreachable else "refused the API key"
        print(f"bulwark mcp: the Bulwark at {url} {said}: {exc}", file=err)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    return 0
