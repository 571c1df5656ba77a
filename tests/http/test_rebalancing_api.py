"""The rebalancing API over the real container: drift, a dry-run proposal, execution by id
(idempotent, through the gate with origin rebalance), autopilot limits, stored attribution,
and owner scoping (another user's household or proposal answers 404). Today: 2026-01-05."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from domain.principals import Role
from domain.trading.account_profile import AccountType
from domain.trading.accounts import Account
from domain.trading.orders import OriginKind
from domain.trading.positions import Position
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio", "rebalancing"), pytest.mark.shares_app()]

ROOT = "/api/v1/rebalancing"


async def _trading_account(
    harness: Harness,
    owner: User,
    account_id: str,
    cash: str,
    kind: AccountType,
    target: dict[str, str],
    positions: dict[str, int],
) -> None:
    amount = D(cash)
    async with harness.container.core.uow_factory()() as uow:
        await uow.accounts.add(
            Account(
                account_id,
                owner.id,
                amount,
                start_of_day_equity=amount,
                peak_equity=amount,
                account_type=kind,
                target_allocation={s: D(w) for s, w in target.items()},
                positions={s: Position(s, D(q), D(100)) for s, q in positions.items()},
            )
        )
        await uow.commit()
    harness.container.core.paper_broker().seed_account(account_id, amount)


async def household(harness: Harness, owner: User) -> str:
    """The worked example's household (tests/unit/rebalancing/test_worked_example.py): its
    trading accounts "rb-t" and "rb-i" (as `harness.id` names them)."""
    taxable, ira = harness.id("rb-t"), harness.id("rb-i")
    await harness.instrument("VTI", "100", sector="Equity")
    await harness.instrument("BND", "50", sector="Bonds")
    await _trading_account(
        harness, owner, taxable, "0", AccountType.TAXABLE, {"VTI": "0.6", "BND": "0.4"}, {"VTI": 60}
    )
    await _trading_account(
        harness, owner, ira, "1000", AccountType.IRA, {"VTI": "0.4", "BND": "0.6"},
        {"VTI": 10, "BND": 20},
    )  # fmt: skip
    client, headers = harness.client, owner.headers
    made = await client.post("/api/v1/portfolios", json={"name": "Family"}, headers=headers)
    pid: str = made.json()["id"]
    for account_id, tax_type in ((taxable, "taxable"), (ira, "ira")):
        added = await client.post(
            f"/api/v1/portfolios/{pid}/accounts",
            json={"kind": "trading", "account_id": account_id, "tax_type": tax_type},
            headers=headers,
        )
        assert added.status_code == 201, added.text
    await harness.book(
        owner, pid,
        *({"account_id": account, "kind": "buy", "trade_date": day, "symbol": symbol,
           "quantity": qty, "price": price}
          for account, symbol, qty, price, day in (
              (ira, "VTI", "10", "50", "2020-01-02"),
              (ira, "BND", "20", "55", "2022-03-01"),
              (taxable, "VTI", "30", "80", "2023-01-10"),
              (taxable, "VTI", "20", "120", "2024-06-03"),
              (taxable, "VTI", "10", "90", "2025-11-03"),
          )),
    )  # fmt: skip
    return pid


async def test_drift_proposal_and_idempotent_execution(harness: Harness, owner: User) -> None:
    pid = await household(harness, owner)
    client, headers = harness.client, owner.headers

    drift = await client.get(f"{ROOT}/portfolios/{pid}/drift", headers=headers)
    made = await client.post(f"{ROOT}/portfolios/{pid}/proposals", json={}, headers=headers)
    proposal: dict[str, Any] = made.json()
    first = await client.post(f"{ROOT}/proposals/{proposal['id']}/execute", headers=headers)
    again = await client.post(f"{ROOT}/proposals/{proposal['id']}/execute", headers=headers)

    assert drift.status_code == 200, drift.text
    rows = {s["symbol"]: s for s in drift.json()["household"]["symbols"]}
    assert rows["VTI"]["drift_value"] == "2200.00" and rows["BND"]["drift_value"] == "-3200.00"
    assert made.status_code == 201, made.text
    assert proposal["lot_method"] == "tax_aware" and proposal["turnover"] == "0.6000000000"
    sold = {lot["term"]: lot["realised_gain"] for t in proposal["trades"] for lot in t["lots"]}
    assert sold == {"sheltered": "500.00", "long": "-240.00"}
    assert proposal["realised_gain"] == "-240.00"
    assert first.status_code == 200, first.text
    assert first.json()["replayed"] is False and again.json()["replayed"] is True
    order_ids = [o["order_id"] for o in first.json()["orders"]]
    assert [o["order_id"] for o in again.json()["orders"]] == order_ids
    assert again.json()["proposal"]["status"] == "executed"
    async with harness.container.core.uow_factory()() as uow:
        order = await uow.orders.get(order_ids[0])
    assert order is not None and order.origin.kind is OriginKind.REBALANCE


async def test_another_users_household_and_proposal_answer_404(
    harness: Harness, owner: User
) -> None:
    pid = await household(harness, owner)
    made = await harness.client.post(
        f"{ROOT}/portfolios/{pid}/proposals", json={}, headers=owner.headers
    )
    stranger = await harness.user()
    client, headers = harness.client, stranger.headers

    answers = [
        await client.get(f"{ROOT}/portfolios/{pid}/drift", headers=headers),
        await client.post(f"{ROOT}/portfolios/{pid}/proposals", json={}, headers=headers),
        await client.get(f"{ROOT}/proposals/{made.json()['id']}", headers=headers),
        await client.post(f"{ROOT}/proposals/{made.json()['id']}/execute", headers=headers),
        await client.post(
            f"{ROOT}/portfolios/{pid}/attribution",
            json={
                "boundaries": ["2025-12-01", "2026-01-02"],
                "benchmark": [{"symbol": "VTI", "weight": 1}],
            },
            headers=headers,
        ),
    ]

    assert [a.status_code for a in answers] == [404] * 5
    assert_problem(answers[0], 404, "PORTFOLIO_NOT_FOUND")
    assert_problem(answers[3], 404, "REBALANCE_PROPOSAL_NOT_FOUND")


async def test_a_viewer_reads_drift_but_may_not_propose(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    answer = await harness.client.post(
        f"{ROOT}/portfolios/nope/proposals", json={}, headers=viewer.headers
    )

    assert answer.status_code == 403


async def test_a_band_out_of_range_is_a_problem_naming_it(harness: Harness, owner: User) -> None:
    pid = await household(harness, owner)

    answer = await harness.client.post(
        f"{ROOT}/portfolios/{pid}/proposals", json={"band": "1"}, headers=owner.headers
    )

    assert_problem(answer, 422, "INVALID_REBALANCE_INPUT")


async def test_autopilot_limits_are_set_and_read_back(harness: Harness, owner: User) -> None:
    missing = await harness.client.get(f"{ROOT}/autopilot", headers=owner.headers)
    put = await harness.client.put(
        f"{ROOT}/autopilot", json={"max_turnover": "0.1", "max_realised_gain": "500"},
        headers=owner.headers,
    )  # fmt: skip
    got = await harness.client.get(f"{ROOT}/autopilot", headers=owner.headers)

    assert_problem(missing, 404, "AUTOPILOT_LIMITS_NOT_FOUND")
    assert put.status_code == 200, put.text
    assert got.json()["max_turnover"] == "0.1000000000"
    assert got.json()["max_realised_gain"] == "500.00"


async def test_attribution_of_the_stored_portfolio_adds_up(harness: Harness, owner: User) -> None:
    pid = await household(harness, owner)
    body = {
        "boundaries": ["2025-12-01", "2025-12-15", "2026-01-02"],
        "benchmark": [{"symbol": "VTI", "weight": 0.5}, {"symbol": "BND", "weight": 0.5}],
    }

    answer = await harness.client.post(
        f"{ROOT}/portfolios/{pid}/attribution", json=body, headers=owner.headers
    )
    too_few = await harness.client.post(
        f"{ROOT}/portfolios/{pid}/attribution",
        json={**body, "factors": {"market": [0.01, 0.02]}},
        headers=owner.headers,
    )

    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert set(result["linked_by_sector"]) == {"Bonds", "Equity"}
    assert len(result["period_returns"]) == 2
    assert abs(result["linked"]["total"] - result["active_return"]) < 1e-9
    problem = assert_problem(too_few, 422, "INVALID_ATTRIBUTION_INPUT")
    assert problem["errors"][0]["field"] == "factors"
