"""What the tests of a broker as the app serves it share: its settings' refusals and the
harness's names for them, an account opened on it and synced through the API, and waiting for
the fake to be called."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import httpx
import pytest

from bootstrap.settings import SettingsError, load_settings
from tests.alpaca_server import AlpacaServer
from tests.http.harness import Harness, User
from tests.http.test_account_admin import BASE, paper


def refusal(environ: Mapping[str, str | None]) -> str:
    """The one line the settings refuse `environ` with (None values left out)."""
    given = {k: v for k, v in environ.items() if v is not None}
    with pytest.raises(SettingsError) as refused:
        load_settings(given, env_file=None)
    message = str(refused.value)
    assert "\n" not in message
    return message


def flat(environ: dict[str, str]) -> dict[str, str]:
    """BULWARK_* variables as the harness's flat setting names."""
    return {k.removeprefix("BULWARK_").lower(): v for k, v in environ.items()}


async def opened_and_synced(
    h: Harness, owner: User, broker: str
) -> tuple[httpx.Response, str, httpx.Response]:
    """An account of `owner` opened on `broker` through the API, then synced from it: the
    opening's response, the account id and the sync's response."""
    body = {k: v for k, v in paper(broker=broker).items() if k != "initial_cash"}
    opened = await h.client.post(BASE, json=body, headers=owner.headers)
    account = str(opened.json().get("id", ""))
    synced = await h.client.post(f"{BASE}/{account}/sync", headers=owner.headers)
    return opened, account, synced


async def synced_account(h: Harness, owner: User, broker: str) -> tuple[str, str]:
    """An account of `broker` opened and synced through the API, both answered as they should
    be: its id and the cash the sync found (the broker's, not given)."""
    opened, account, synced = await opened_and_synced(h, owner, broker)
    assert opened.status_code == 201, opened.text
    assert synced.status_code == 200, synced.text
    return account, str(synced.json()["cash_after"])


async def requested(server: AlpacaServer, method: str, path: str) -> bool:
    """Whether the server saw `method path` within two seconds."""
    for _ in range(100):
        if server.requests_to(method, path):
            return True
        await asyncio.sleep(0.02)
    return False
