"""What the retirement tests (the API's and the console page's) build: a stored account with
cash and a position, a kept 401(k) with its contributions, and calls that must succeed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from domain.trading.accounts import Account, Position
from tests.http.harness import Harness, User

RETIREMENT = "/api/v1/wealth/retirement"
PLAN_401K = {
    "kind": "401k",
    "birth_date": "1966-04-02",
    "compensation": "120000",
    "match_tiers": [{"band": "0.03", "rate": "1"}, {"band": "0.02", "rate": "0.5"}],
    "vesting": {"kind": "graded", "start": 2, "step": "0.20"},
    "service_start": "2022-03-01",
}


async def holding(harness: Harness, owner: User, account_id: str, cash: str) -> str:
    """A stored account of `cash` dollars and 10 AAPL marked at 190 (equity cash + 1,900)."""
    await harness.instrument("AAPL", "190")
    aapl = Position("AAPL", Decimal(10), Decimal(150))
    async with harness.container.core.uow_factory()() as uow:
        await uow.accounts.add(
            Account(account_id, owner.id, Decimal(cash), positions={"AAPL": aapl})
        )
        await uow.commit()
    return account_id


async def ok(harness: Harness, user: User, method: str, url: str, body: Any = None) -> Any:
    """The answer's JSON; the call must succeed (200 or 201)."""
    answer = await harness.client.request(method, url, json=body, headers=user.headers)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


async def kept_401k(harness: Harness, owner: User, account_id: str) -> str:
    """A 401(k) (PLAN_401K) of 50,000 cash and 10 AAPL at 190 (balance 51,900); 2025 deferrals
    9,000 + 3,000 and 4,000 of employer money (777 in 2024); three whole years of service on
    2026-01-05."""
    account = await holding(harness, owner, account_id, "50000")
    await ok(harness, owner, "PUT", f"{RETIREMENT}/accounts/{account}/plan", PLAN_401K)
    for amount, source, day in (
        ("9000", "employee", "2025-03-31"), ("3000", "employee", "2025-09-30"),
        ("4000", "employer", "2025-12-31"), ("777", "employee", "2024-05-01"),
    ):  # fmt: skip
        await ok(
            harness, owner, "POST", f"{RETIREMENT}/accounts/{account}/contributions",
            {"tax_year": int(day[:4]), "amount": amount, "source": source, "contributed_on": day},
        )  # fmt: skip
    return account
