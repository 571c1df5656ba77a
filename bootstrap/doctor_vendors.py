"""`bulwark doctor`'s checks beyond `/ready`: the keys, the broker, the market-data providers.

The keys are loaded as the process loads them (bootstrap/encryption.py, bootstrap/tokens.py);
a broker or provider reached over the network is checked where that is cheap: its settings
name what it needs (keys, a file), and its API's host accepts a TCP connection. No request is
sent to a vendor, so no call of a paid budget is spent and no key is shown to anyone.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bootstrap.doctor_findings import (
    JWT_DEGRADES,
    KEKS_DEGRADES,
    Check,
    Finding,
    Probe,
    State,
    Unconfigured,
    reason,
)
from bootstrap.settings import Settings

DEFAULT_PORTS = {"https": 443, "wss": 443, "http": 80, "ws": 80}
IN_PROCESS = ("synthetic",)  # market data made in the process: nothing to reach
ALPACA_DEGRADES = (
    "orders of Alpaca accounts are not sent (the gate's approvals fail at the broker) and their "
    "kill switch cannot confirm; paper accounts trade on"
)
CCXT_DEGRADES = ALPACA_DEGRADES.replace("Alpaca accounts", "the crypto venue's accounts")
TRADIER_DEGRADES = ALPACA_DEGRADES.replace("Alpaca accounts", "Tradier accounts")
IBKR_DEGRADES = ALPACA_DEGRADES.replace("Alpaca accounts", "IBKR accounts")


def key_checks(settings: Settings) -> dict[str, Check]:
    """The key-encryption keys and the token signing key: loadable when configured; required
    in prod and wherever they are configured (a start-up that cannot load them stops)."""
    return {"encryption_keys": _keks(settings), "jwt_signing_key": _jwt(settings)}


def _keks(settings: Settings) -> Check:
    from bootstrap.encryption import key_provider, keys_ephemeral

    if keys_ephemeral(settings):
        unset = f"{settings.keys.var('keks_file')} (or {settings.keys.var('keks')}) is not set"
        return _unset("encryption_keys", settings, KEKS_DEGRADES, unset)
    try:
        keys = key_provider(settings)
    except Exception as exc:  # the loader's message never shows key bytes
        return Finding("encryption_keys", State.DOWN, True, None, reason(exc))
    current = keys.current()
    count = len(keys.versions(current.key_id))
    where = "inline" if settings.keys.keks is not None else settings.keys.keks_file
    return Finding(
        "encryption_keys",
        State.OK,
        True,
        None,
        f"current {current}, {count} version(s) of {current.key_id} ({where})",
    )


def _jwt(settings: Settings) -> Check:
    identity = settings.identity
    var = identity.var("jwt_private_key_file")
    if identity.jwt_private_key_file is None:
        return _unset("jwt_signing_key", settings, JWT_DEGRADES, f"{var} is not set")
    from adapters.security.jwt_tokens import RsaJwtIssuer

    path = Path(identity.jwt_private_key_file)
    try:
        issuer = RsaJwtIssuer(path.read_bytes(), identity.jwt_issuer, identity.jwt_audience)
    except OSError as exc:
        detail = f"{var}: cannot read {path}: {exc.strerror or exc}"
        return Finding("jwt_signing_key", State.DOWN, True, None, detail)
    except Exception as exc:  # not a PEM, not RSA, too short: the key's bytes are never shown
        detail = f"{var}: {path} is not a usable RSA private key: {reason(exc)}"
        return Finding("jwt_signing_key", State.DOWN, True, None, detail)
    return Finding(
        "jwt_signing_key", State.OK, True, None, f"RS256 key {issuer.key_id} from {path}"
    )


def _unset(name: str, settings: Settings, degrades: str, detail: str) -> Check:
    """A key left unset: down in prod (where it is required), else what goes without it."""
    if settings.core.env == "prod":
        return Finding(name, State.DOWN, True, None, f"{detail}: required when BULWARK_ENV=prod")
    return Unconfigured(degrades, detail)


def broker_check(settings: Settings) -> dict[str, Check]:
    """Where orders go: the paper broker in the process, or a broker's API (Alpaca, a crypto
    venue through ccxt, Tradier)."""
    brokers = settings.brokers
    if brokers.broker == "paper":
        drills = f"; drill faults on ({brokers.paper_faults})" if brokers.paper_faults else ""
        return {"broker:paper": _in_process(f"the paper broker, in the process{drills}")}
    if brokers.broker == "ccxt":
        from adapters.http.services import Degrading

        configured = f"{brokers.ccxt_exchange} through ccxt, keys from the settings"
        return {"broker:ccxt": Degrading(reachable(ccxt_url(settings), configured), CCXT_DEGRADES)}
    if brokers.broker == "tradier":
        return {"broker:tradier": tradier_check(settings)}
    if brokers.broker == "ibkr":
        from adapters.http.services import Degrading

        configured = f"account {brokers.ibkr_account_id} through the Client Portal Gateway"
        probe = reachable(brokers.ibkr_gateway_url, configured)
        return {"broker:ibkr": Degrading(probe, IBKR_DEGRADES)}
    from adapters.alpaca.http import trading_url
    from adapters.http.services import Degrading

    keys = (
        "keys from the settings"
        if brokers.alpaca_keys == 2
        else "each account's linked keys from the vault"
    )
    url = brokers.alpaca_trading_url or trading_url(brokers.alpaca_paper)
    return {"broker:alpaca": Degrading(reachable(url, keys), ALPACA_DEGRADES)}


def tradier_check(settings: Settings) -> Check:
    """Tradier's API (sandbox, live or BULWARK_TRADIER_API_URL) reached, token from the settings."""
    from adapters.brokers.tradier import api_url
    from adapters.http.services import Degrading

    brokers = settings.brokers
    url = brokers.tradier_api_url or api_url(brokers.tradier_sandbox)
    where = "sandbox" if brokers.tradier_sandbox else "live"
    configured = f"account {brokers.tradier_account_id} ({where}), token from the settings"
    return Degrading(reachable(url, configured), TRADIER_DEGRADES)


def ccxt_url(settings: Settings) -> str:
    """BULWARK_CCXT_API_URL, else the exchange's first API URL (its sandbox's when set)."""
    brokers = settings.brokers
    if brokers.ccxt_api_url is not None:
        return brokers.ccxt_api_url
    import ccxt  # type: ignore[import-untyped]  # heavy: only when the broker is ccxt

    exchange = getattr(ccxt, str(brokers.ccxt_exchange))()
    urls = exchange.urls
    api = urls.get("test") if brokers.ccxt_sandbox and urls.get("test") else urls["api"]
    while isinstance(api, dict):
        api = next(iter(api.values()))
    return str(exchange.implode_hostname(api))


def market_data_checks(settings: Settings) -> dict[str, Check]:
    """Each provider of the feed (the primary, then the fallbacks): what it needs, reached."""
    from adapters.http.services import Degrading

    chain = list(dict.fromkeys(p for p in settings.market_data.providers if p != "none"))
    checks: dict[str, Check] = {}
    for position, provider in enumerate(chain):
        degrades = _feed_degrades(position, chain)
        name = f"market_data:{provider}"
        missing = _missing_setting(settings, provider)
        if missing is not None:
            checks[name] = Finding(name, State.DOWN, False, degrades, missing)
        elif provider in IN_PROCESS:
            checks[name] = Degrading(_in_process("made in the process"), degrades)
        elif provider == "replay":
            checks[name] = Degrading(
                _in_process(f"replays {settings.market_data.replay_path}"), degrades
            )
        else:
            url = _base_url(settings, provider)
            checks[name] = Degrading(reachable(url, _key_source(settings, provider)), degrades)
    return checks


def _feed_degrades(position: int, chain: list[str]) -> str:
    """What the feed loses while the provider at `position` of `chain` is down."""
    if position > 0:
        return f"the feed has one fallback fewer should {chain[0]} fail"
    if len(chain) > 1:
        return f"quotes and bars come from the fallbacks ({', '.join(chain[1:])}) meanwhile"
    return "quotes and bars stop: no fallback is configured (BULWARK_MARKET_DATA_FALLBACKS)"


def _missing_setting(settings: Settings, provider: str) -> str | None:
    """What the provider needs that the settings lack; None when nothing is missing."""
    data = settings.market_data
    if provider == "replay":
        path = data.replay_path
        if path is None or not Path(path).expanduser().is_file():
            var = data.var("replay_path")
            return f"{var} is not set" if path is None else f"{var}: {path} is not a file"
        return None
    if provider in (*IN_PROCESS, "alpaca", "yahoo"):
        return None  # alpaca's keys are checked with the settings; yahoo needs none
    if provider == "ccxt":  # a crypto venue's public data: the exchange, no key
        exchange = settings.brokers.ccxt_exchange
        return None if exchange else f"{settings.brokers.var('ccxt_exchange')} is not set"
    section = _section_of(settings, provider)
    if section is None:
        return None
    if getattr(section, f"{provider}_api_key", None) or getattr(
        section, f"{provider}_vault_key", None
    ):
        return None
    return (
        f"{section.var(f'{provider}_api_key')} (or {section.var(f'{provider}_vault_key')}) "
        "is not set"
    )


def _key_source(settings: Settings, provider: str) -> str:
    if provider == "alpaca":
        return "Alpaca's keys from the settings"
    if provider in ("yahoo", "ccxt"):
        return "no key needed"
    section = _section_of(settings, provider)
    if section is not None and getattr(section, f"{provider}_api_key", None) is not None:
        return "key from the settings"
    return "key from the vault"


def _section_of(settings: Settings, provider: str) -> Any:
    """The settings section holding `provider`'s key and URL (vendors live in two)."""
    for section in (settings.market_vendors, settings.market_data):
        if hasattr(section, f"{provider}_base_url"):
            return section
    return None


def _base_url(settings: Settings, provider: str) -> str:
    if provider == "alpaca":
        return settings.market_data.alpaca_data_url
    if provider == "ccxt":
        return ccxt_url(settings)
    section = _section_of(settings, provider)
    return str(getattr(section, f"{provider}_base_url"))


def _in_process(detail: str) -> Probe:
    async def probe() -> tuple[bool, Mapping[str, Any]]:
        return True, {"detail": detail}

    return probe


def reachable(url: str, configured: str) -> Probe:
    """The host of `url` accepts a TCP connection (no request is sent); the probes' runner
    bounds the wait."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or DEFAULT_PORTS.get(parts.scheme, 443)

    async def probe() -> tuple[bool, Mapping[str, Any]]:
        try:
            address = await resolve(host, port)
            _, writer = await asyncio.open_connection(address, port)
        except Exception as exc:
            return False, {"detail": f"{configured}; {host}:{port} unreachable: {reason(exc)}"}
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return True, {"detail": f"{configured}; {host}:{port} accepts connections"}

    return probe


async def resolve(host: str, port: int) -> str:
    """`host`'s first address, looked up on a daemon thread: a resolver that hangs is left
    behind when the probe's time is up (asyncio's own lookup would hold the loop's shutdown)."""
    loop = asyncio.get_running_loop()
    found: asyncio.Future[str] = loop.create_future()

    def settle(result: str | BaseException) -> None:
        if found.done():
            return
        if isinstance(result, BaseException):
            found.set_exception(result)
        else:
            found.set_result(result)

    def look_up() -> None:
        result: str | BaseException
        try:
            result = str(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][4][0])
        except OSError as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the loop closed while it was still busy
            loop.call_soon_threadsafe(settle, result)

    threading.Thread(target=look_up, name="doctor-resolve", daemon=True).start()
    return await found
