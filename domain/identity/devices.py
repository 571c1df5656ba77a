"""Devices a user logs in from: their keyed fingerprint, signed token, coarse network, trust.

Nothing here keeps a raw identifier: the fingerprint is an HMAC (a server-side key) of
stable request traits, the network is the address's /24 (IPv4) or /48 (IPv6), and the
device token a client keeps is the device id with an HMAC of it (forging one needs the key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import DomainError, Forbidden

MAX_NAME = 64
_TOKEN_PREFIX = "bwd1"


class StepUpRequired(Forbidden):
    """A sensitive action from a device the user (with MFA) has not confirmed with a code."""

    code = "STEP_UP_REQUIRED"


class InvalidDeviceName(DomainError):
    code = "INVALID_DEVICE_NAME"


@dataclass(frozen=True, slots=True)
class RequestTraits:
    """The stable traits of a client's requests the fingerprint is made of (never stored)."""

    user_agent: str = ""
    accept_language: str = ""
    platform: str = ""  # Sec-CH-UA-Platform, when the client sends it

    def family(self) -> str:
        """A coarse, display-safe label: "Firefox on Linux", "curl", "Unknown client"."""
        return user_agent_family(self.user_agent, self.platform)


@dataclass(frozen=True, slots=True)
class Device:
    """One device of one user: what is shown in their device list."""

    id: str
    user_id: str
    fingerprint: str
    name: str
    family: str
    network: str | None
    first_seen: datetime
    last_seen: datetime
    trusted_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def trusted(self) -> bool:
        return self.trusted_at is not None and self.revoked_at is None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def seen(self, at: datetime, network: str | None) -> Device:
        return replace(self, last_seen=max(self.last_seen, at), network=network or self.network)

    def renamed(self, name: str) -> Device:
        return replace(self, name=valid_name(name))

    def trust(self, at: datetime) -> Device:
        return replace(self, trusted_at=self.trusted_at or at)

    def revoke(self, at: datetime) -> Device:
        return replace(self, revoked_at=self.revoked_at or at, trusted_at=None)


def valid_name(name: str) -> str:
    shown = " ".join(name.split())
    if not shown or len(shown) > MAX_NAME or not shown.isprintable():
        raise InvalidDeviceName(
            f"a device name is 1 to {MAX_NAME} printable characters", field="name"
        )
    return shown


def fingerprint(key: bytes, traits: RequestTraits) -> str:
    """HMAC-SHA256 of the traits under the server's key, hex (64 characters)."""
    language = traits.accept_language.split(",")[0].split(";")[0].strip().lower()
    text = "\x1f".join((traits.user_agent.strip(), language, traits.platform.strip('" ').lower()))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def coarse_network(address: str | None) -> str | None:
    """The address's /24 (IPv4) or /48 (IPv6) network, None for no or an unparsable address."""
    if not address:
        return None
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def device_token(key: bytes, device_id: str) -> str:
    """What the client keeps (cookie or header): the id and its HMAC."""
    return f"{_TOKEN_PREFIX}.{device_id}.{_mac(key, device_id)}"


def device_id_of(key: bytes, token: str | None) -> str | None:
    """The device id of a genuine token, None for none, a malformed or a forged one."""
    if not token or len(token) > 256:
        return None
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != _TOKEN_PREFIX or not parts[1]:
        return None
    return parts[1] if hmac.compare_digest(parts[2], _mac(key, parts[1])) else None


def _mac(key: bytes, device_id: str) -> str:
    raw = hmac.new(key, b"device\x1f" + device_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(raw[:24]).decode().rstrip("=")


_BROWSERS = (
    ("Edge", re.compile(r"\bEdg(e|A|iOS)?/")),
    ("Opera", re.compile(r"\bOPR/")),
    ("Firefox", re.compile(r"\bFirefox/")),
    ("Chrome", re.compile(r"\b(Chrome|CriOS)/")),
    ("Safari", re.compile(r"\bSafari/")),
    ("curl", re.compile(r"^curl/")),
    ("Python", re.compile(r"^(python-httpx|python-requests|aiohttp|Python)")),
)
_SYSTEMS = (
    ("Android", re.compile(r"Android")),
    ("iOS", re.compile(r"iPhone|iPad|iOS")),
    ("Windows", re.compile(r"Windows")),
    ("macOS", re.compile(r"Mac OS X|Macintosh|macOS")),
    ("Linux", re.compile(r"Linux|X11")),
)


def user_agent_family(user_agent: str, platform: str = "") -> str:
    """ "Browser on System" from the User-Agent (and the platform hint), never the version."""
    browser = next((name for name, rx in _BROWSERS if rx.search(user_agent)), None)
    hint = platform.strip('" ')
    system = next((name for name, rx in _SYSTEMS if rx.search(hint or user_agent)), None)
    if browser and system:
        return f"{browser} on {system}"
    return browser or (f"Browser on {system}" if system else "Unknown client")
