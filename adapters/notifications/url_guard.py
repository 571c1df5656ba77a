"""The SSRF guard: user-registered URLs may not reach Bulwark's own networks.

Checked at registration and again before every send, on the addresses the host resolves to
then (a name that pointed outside at registration may point at 127.0.0.1 later). Every
address must be globally routable: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
link-local (169.254/16 — cloud metadata — and fe80::/10), CGNAT, multicast, unspecified and
reserved ranges are refused, IPv4-mapped IPv6 included. `check` answers the addresses it
checked and the senders connect to the first of them (`pinned`), so a resolver that answers a
public address to the check and a private one to a second lookup (DNS rebinding with a zero
TTL) gains nothing.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from ports.notifications.notification_endpoints import UrlRefused

Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
MAX_URL_LENGTH = 2048


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver, off the event loop)."""
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    return [str(info[4][0]) for info in infos]


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class UrlGuard:
    """A UrlPolicy: https only (unless `allow_http`), public addresses only (unless
    `allow_private`, for tests and dev receivers on localhost)."""

    def __init__(
        self, *, allow_http: bool, allow_private: bool, resolver: Resolver = resolve
    ) -> None:
        self._allow_http = allow_http
        self._allow_private = allow_private
        self._resolve = resolver

    async def check(self, url: str) -> list[str]:
        host, port = self._parse(url)
        if self._allow_private:
            return []
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = list(await self._resolve(host, port))
            except (OSError, UnicodeError):
                raise UrlRefused("URL_UNRESOLVABLE", f"the host {host} does not resolve") from None
        if not addresses:
            raise UrlRefused("URL_UNRESOLVABLE", f"the host {host} does not resolve")
        for address in addresses:
            if not is_public(address):
                raise UrlRefused(
                    "URL_PRIVATE_ADDRESS",
                    f"the host {host} is on a loopback, private, link-local or multicast "
                    "network, which notifications may not reach",
                )
        return addresses

    def _parse(self, url: str) -> tuple[str, int]:
        if len(url) > MAX_URL_LENGTH or not url.isprintable() or any(c.isspace() for c in url):
            raise UrlRefused("URL_INVALID", "the URL must be printable, without spaces")
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            raise UrlRefused("URL_INVALID", "the URL is malformed") from None
        allowed = ("https", "http") if self._allow_http else ("https",)
        if parts.scheme not in allowed:
            raise UrlRefused("URL_NOT_HTTPS", "the URL must start with https://")
        if not parts.hostname:
            raise UrlRefused("URL_INVALID", "the URL has no host")
        if parts.username is not None or parts.password is not None:
            raise UrlRefused("URL_INVALID", "the URL must not carry a user name or password")
        return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """`url` with its host replaced by the checked `address`, plus the Host header and (for
    https) the TLS server name that keep the request and certificate check on the real name."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    headers = {"Host": parts.netloc.rpartition("@")[2]}
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return parts._replace(netloc=netloc).geturl(), headers, extensions
