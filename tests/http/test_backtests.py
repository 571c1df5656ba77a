"""/api/v1/backtests: start (202), follow to the results, list, cancel; 404, 409, 422, 429."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User
from tests.http.test_strategies import STRATEGIES

pytestmark = pytest.mark.serves("strategies")

BACKTESTS = "/api/v1/backtests"


async def strategy(harness: Harness, user: User, account_id: str = "acc-1") -> str:
    account = await harness.account(user, account_id)
    body = {
        "name": "trend on the shipped data",
        "account_ids": [account],
        "sources": [{"kind": "pattern", "pattern": "ema_crossover"}],
        "sizing": {"method": "fixed_notional", "notional": "10000"},
        "entry": {"min_score": 0.5},
        "exit": {"stop_loss_fraction": "0.05", "take_profit_fraction": "0.1"},
        "mode": "off",
    }
    response = await harness.client.post(STRATEGIES, json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    strategy_id: str = response.json()["id"]
    return strategy_id


def run_body(strategy_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "strategy_id": strategy_id,
        "symbols": ["ACME", "BOLT"],
        "from": "2020-01-01",
        "to": "2020-12-31",
        "starting_cash": "100000",
        "commission": {"per_share": "0.005", "bps": "1"},
        "slippage_bps": "5",
        **fields,
    }


async def finished(harness: Harness, user: User, backtest_id: str) -> dict[str, Any]:
    await harness.container.strategies.backtests().wait(backtest_id)
    response = await harness.client.get(f"{BACKTESTS}/{backtest_id}", headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_backtest_runs_to_results_and_is_listed(harness: Harness, owner: User) -> None:
    # Arrange
    strategy_id = await strategy(harness, owner)

    # Act
    started = await harness.client.post(
        BACKTESTS, json=run_body(strategy_id), headers=owner.headers
    )
    done = await finished(harness, owner, started.json()["id"])
    listed = await harness.client.get(BACKTESTS, headers=owner.headers)

    # Assert
    assert started.status_code == 202, started.text
    assert started.json()["status"] in ("queued", "running")
    assert done["status"] == "succeeded" and done["percent"] == 100
    result = done["result"]
    assert result["metrics"]["trades"] == len(result["trades"]) > 0
    assert result["equity"][0]["day"] >= "2020-01-01"
    assert result["equity"][0]["equity"] == "100000.00"
    assert result["bars"] > 0 and result["orders_sent"] >= len(result["trades"])
    assert done["request"]["commission_bps"] == "1.0000000000"
    assert done["request"]["from"] == "2020-01-01"
    assert [b["id"] for b in listed.json()["items"]] == [done["id"]]
    assert listed.json()["items"][0]["result"] is None


async def test_another_users_backtest_and_strategy_answer_404(
    harness: Harness, owner: User
) -> None:
    # Arrange
    stranger = await harness.user()
    strategy_id = await strategy(harness, owner)
    started = await harness.client.post(
        BACKTESTS, json=run_body(strategy_id), headers=owner.headers
    )
    backtest_id = started.json()["id"]
    await harness.container.strategies.backtests().wait(backtest_id)

    # Act
    read = await harness.client.get(f"{BACKTESTS}/{backtest_id}", headers=stranger.headers)
    canceled = await harness.client.post(
        f"{BACKTESTS}/{backtest_id}/cancel", headers=stranger.headers
    )
    theirs = await harness.client.post(
        BACKTESTS, json=run_body(strategy_id), headers=stranger.headers
    )
    listed = await harness.client.get(BACKTESTS, headers=stranger.headers)

    # Assert
    assert_problem(read, 404, "NOT_FOUND")
    assert_problem(canceled, 404, "NOT_FOUND")
    assert field_names(assert_problem(theirs, 404, "NOT_FOUND")) == {"strategy_id"}
    assert listed.json()["items"] == []


async def test_an_unknown_symbol_or_an_empty_range_is_422_naming_the_field(
    harness: Harness, owner: User
) -> None:
    # Arrange
    strategy_id = await strategy(harness, owner)

    # Act
    unknown = await harness.client.post(
        BACKTESTS, json=run_body(strategy_id, symbols=["NOPE"]), headers=owner.headers
    )
    empty = await harness.client.post(
        BACKTESTS,
        json=run_body(strategy_id, **{"from": "2030-01-01", "to": "2030-12-31"}),
        headers=owner.headers,
    )
    backwards = await harness.client.post(
        BACKTESTS,
        json=run_body(strategy_id, **{"from": "2021-01-01", "to": "2020-01-01"}),
        headers=owner.headers,
    )

    far = await harness.client.post(  # the day after it is past the calendar's last day
        BACKTESTS,
        json=run_body(strategy_id, source="store", **{"from": "2020-01-01", "to": "9999-12-31"}),
        headers=owner.headers,
    )

    # Assert
    assert field_names(assert_problem(unknown, 422, "INVALID_BACKTEST")) == {"symbols"}
    assert field_names(assert_problem(empty, 422, "INVALID_BACKTEST")) == {"from"}
    assert field_names(assert_problem(backwards, 422, "INVALID_BACKTEST")) == {"to"}
    assert field_names(assert_problem(far, 422, "INVALID_BACKTEST")) == {"to"}


async def test_bad_numbers_and_unknown_fields_are_400_naming_the_field(
    harness: Harness, owner: User
) -> None:
    # Arrange
    strategy_id = await strategy(harness, owner)
    cases = {
        "slippage_bps": run_body(strategy_id, slippage_bps="20000"),
        "starting_cash": run_body(strategy_id, starting_cash="0"),
        "commission.per_share": run_body(strategy_id, commission={"per_share": "-1"}),
        "timeframe": run_body(strategy_id, timeframe="2d"),
    }

    # Act
    answers = {
        name: await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
        for name, body in cases.items()
    }

    # Assert
    for name, response in answers.items():
        problem = assert_problem(response, 400, "VALIDATION_ERROR")
        assert any(name in field for field in field_names(problem)), (name, problem)


async def test_too_many_symbols_is_422() -> None:
    # Arrange
    async with harness_with(backtest_max_symbols="1") as harness:
        owner = await harness.user()
        strategy_id = await strategy(harness, owner)

        # Act
        response = await harness.client.post(
            BACKTESTS, json=run_body(strategy_id), headers=owner.headers
        )

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_BACKTEST")) == {"symbols"}


async def test_a_second_unfinished_run_over_the_limit_is_429_and_cancel_stops_the_first() -> None:
    # Arrange: one run at a time per user, a whole shipped history to keep it busy
    async with harness_with(backtest_per_user="1") as harness:
        owner = await harness.user()
        strategy_id = await strategy(harness, owner)
        service = harness.container.strategies.backtests()
        building = service._worlds
        asked = threading.Event()

        def held_world(spec: Any) -> Any:
            asked.wait(30)
            return building(spec)

        service._worlds = held_world
        long_run = run_body(
            strategy_id,
            symbols=["ACME", "BOLT", "CRUX", "DYNO", "EPIC", "FLUX", "GRID"],
            **{"from": "2019-01-01", "to": "2024-12-31"},
        )
        first = await harness.client.post(BACKTESTS, json=long_run, headers=owner.headers)
        backtest_id = first.json()["id"]

        # Act
        second = await harness.client.post(BACKTESTS, json=long_run, headers=owner.headers)
        canceled = await harness.client.post(
            f"{BACKTESTS}/{backtest_id}/cancel", headers=owner.headers
        )
        asked.set()
        done = await finished(harness, owner, backtest_id)
        again = await harness.client.post(
            f"{BACKTESTS}/{backtest_id}/cancel", headers=owner.headers
        )

    # Assert
    problem = assert_problem(second, 429, "TOO_MANY_BACKTESTS")
    assert second.headers["Retry-After"] and problem["retry_after"]
    assert canceled.status_code == 202, canceled.text
    assert done["status"] == "canceled" and done["result"] is None
    assert_problem(again, 409, "CONFLICT")


async def test_progress_is_reported_while_a_run_goes(harness: Harness, owner: User) -> None:
    # Arrange
    strategy_id = await strategy(harness, owner)
    body = run_body(strategy_id, **{"from": "2019-01-01", "to": "2024-12-31"})
    started = await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
    backtest_id = started.json()["id"]
    seen: list[float] = []

    # Act
    while True:
        response = await harness.client.get(f"{BACKTESTS}/{backtest_id}", headers=owner.headers)
        seen.append(response.json()["progress"])
        if response.json()["status"] in ("succeeded", "failed", "canceled"):
            break
        await asyncio.sleep(0.01)

    # Assert
    assert response.json()["status"] == "succeeded"
    assert seen == sorted(seen) and seen[-1] == 1.0
