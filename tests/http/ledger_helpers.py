"""A portfolio with one manual account, booked through the API (the planning screens read it)."""

from __future__ import annotations

from typing import Any

from tests.http.harness import Harness, User

ROOT = "/api/v1/portfolios"


async def portfolio_with(harness: Harness, owner: User, *txs: dict[str, Any]) -> str:
    """A new portfolio of `owner` with a manual account and `txs` booked (account filled in)."""
    made = await harness.client.post(ROOT, json={"name": "Main"}, headers=owner.headers)
    assert made.status_code == 201, made.text
    portfolio_id: str = made.json()["id"]
    account = await harness.client.post(
        f"{ROOT}/{portfolio_id}/accounts",
        json={"kind": "manual", "name": "Brokerage"},
        headers=owner.headers,
    )
    assert account.status_code == 201, account.text
    account_id = account.json()["accounts"][0]["id"]
    for body in txs:
        booked = await harness.client.post(
            f"{ROOT}/{portfolio_id}/transactions",
            json={"account_id": account_id, **body},
            headers=owner.headers,
        )
        assert booked.status_code == 201, booked.text
    return portfolio_id


def buy(symbol: str, quantity: str, price: str, day: str = "2025-12-02") -> dict[str, Any]:
    return {"kind": "buy", "trade_date": day, "symbol": symbol, "quantity": quantity,
            "price": price}  # fmt: skip


def deposit(amount: str, day: str = "2025-12-01") -> dict[str, Any]:
    return {"kind": "deposit", "trade_date": day, "amount": amount}
