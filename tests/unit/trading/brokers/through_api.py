"""What the brokers' bootstrap tests do through the API: an account of a broker opened and
synced from it, by a deployment configured with the test's environment."""

from __future__ import annotations

from tests.http.harness import Harness, User
from tests.http.test_account_admin import BASE, paper


def flat(environ: dict[str, str]) -> dict[str, str]:
    """BULWARK_* variables as the harness's flat setting names."""
    return {k.removeprefix("BULWARK_").lower(): v for k, v in environ.items()}


async def synced_account(h: Harness, owner: User, broker: str) -> tuple[str, str]:
    """An account of `broker` opened through the API (its cash is the broker's, not given)
    and synced from the broker: its id and the cash the sync found."""
    body = {k: v for k, v in paper(broker=broker).items() if k != "initial_cash"}
    opened = await h.client.post(BASE, json=body, headers=owner.headers)
    assert opened.status_code == 201, opened.text
    account = str(opened.json()["id"])
    synced = await h.client.post(f"{BASE}/{account}/sync", headers=owner.headers)
    assert synced.status_code == 200, synced.text
    return account, str(synced.json()["cash_after"])
