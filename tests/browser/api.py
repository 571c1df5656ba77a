"""The served demo's API, for what a browser test arranges without the browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from bootstrap.demo import DEMO_ACCOUNT, DEMO_OWNER, DemoUser

API = "/api/v1"


@contextmanager
def api_as(base: str, user: DemoUser = DEMO_OWNER, timeout: float = 30) -> Iterator[httpx.Client]:
    """A client of the console served at `base`, signed in as the demo `user` through the API:
    its bearer token goes with every request."""
    with httpx.Client(base_url=base, timeout=timeout) as http:
        login = http.post(
            f"{API}/auth/login", json={"username": user.username, "password": user.password}
        )
        assert login.status_code == 200, login.text
        http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        yield http


def portfolio_over_the_demo_account(http: httpx.Client, name: str) -> str:
    """A new portfolio named `name` holding the demo account (taxable); its id."""
    made = http.post(f"{API}/portfolios", json={"name": name}).json()
    added = http.post(
        f"{API}/portfolios/{made['id']}/accounts",
        json={"kind": "trading", "account_id": DEMO_ACCOUNT, "tax_type": "taxable"},
    )
    assert added.status_code == 201, added.text
    return str(made["id"])
