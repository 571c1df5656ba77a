"""What the retirement tests (the API's and the console page's) build: a stored account with
cash and a position, and calls that must succeed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from domain.trading.accounts import Account, Position
from tests.http.harness import Harness, User


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
