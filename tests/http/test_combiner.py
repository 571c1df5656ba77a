"""The learned combiner through the app: a learned strategy is created and read back, its store
backtest decides with walk-forward weights each entry names, its report judges the weights out
of sample; too few bars are 422 COMBINER_TOO_FEW_BARS; another user's strategy is 404."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from domain.market_data.bars import Timeframe
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User
from tests.http.test_backtests import BACKTESTS, finished, run_body
from tests.http.test_strategies import STRATEGIES, set_mode
from tests.kit.backtests import series_of

pytestmark = pytest.mark.serves("strategies")

LEARNED = {
    "min_score": 0.3,
    "allow_short": True,
    "combine": "weighted",
    "combiner": "learned",
    "training_bars": 60,
    "refit_bars": 20,
}


def learned_definition(account_id: str, **entry: Any) -> dict[str, Any]:
    return {
        "name": "learned trend",
        "account_ids": [account_id],
        "sources": [
            {"kind": "pattern", "pattern": "ema_crossover", "weight": 0.5},
            {"kind": "pattern", "pattern": "volatility_breakout", "weight": 0.5},
        ],
        "sizing": {"method": "fixed_notional", "notional": "10000"},
        "entry": {**LEARNED, **entry},
        "exit": {"stop_loss_fraction": "0.05", "take_profit_fraction": "0.1"},
        "mode": "off",
    }


async def stored_bars(harness: Harness, bars: int = 300) -> None:
    """`bars` weekdays of T0 from 2020-01-01 in the store (300: through 2021-02-23)."""
    store = harness.container.market_data.bar_store()
    await store.write_series("T0", Timeframe.D1, series_of(symbols=1, bars=bars)["T0"])


async def create_learned(harness: Harness, user: User, **entry: Any) -> dict[str, Any]:
    await harness.account(user, "acc-1")
    response = await harness.client.post(
        STRATEGIES, json=learned_definition("acc-1", **entry), headers=user.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def evaluate_path(strategy_id: str) -> str:
    return f"{STRATEGIES}/{strategy_id}/combiner/evaluate"


RANGE = {"from": "2020-01-01", "to": "2021-02-23"}


async def test_a_learned_strategy_is_created_backtested_and_judged(tmp_path: Path) -> None:
    # Arrange
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        await stored_bars(harness)
        owner = await harness.user()
        created = await create_learned(harness, owner)
        body = run_body(created["id"], symbols=["T0"], source="store", **RANGE)

        # Act
        read = await harness.client.get(f"{STRATEGIES}/{created['id']}", headers=owner.headers)
        started = await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
        done = await finished(harness, owner, started.json()["id"])
        report = await harness.client.post(
            evaluate_path(created["id"]), json={"symbol": "t0", **RANGE}, headers=owner.headers
        )

    # Assert: the definition round-trips
    entry = read.json()["entry"]
    assert (entry["combiner"], entry["training_bars"], entry["refit_bars"]) == ("learned", 60, 20)
    # the backtest decided on learned weights, each entry naming them
    assert started.status_code == 202, started.text
    assert done["status"] == "succeeded", done
    trades = done["result"]["trades"]
    assert trades
    assert all("; learned " in t["entry_reason"] for t in trades)
    fitted = re.compile(r"weights fitted at the close of 20\d\d-\d\d-\d\d on \d+ bars$")
    assert all(fitted.search(t["entry_reason"]) for t in trades)
    # the report: 300 bars, fits at 60, 80, ..., 280, out of sample from the 61st day
    assert report.status_code == 200, report.text
    found = report.json()
    assert (found["symbol"], found["bars"], found["method"]) == ("T0", 300, "logistic_l2")
    assert found["sources"] == ["pattern:ema_crossover", "pattern:volatility_breakout"]
    assert found["stated_weights"] == [0.5, 0.5]
    assert len(found["refits"]) == 12 and found["refits"][0]["samples"] <= 60
    assert found["learned_weights"]["weights"] == found["refits"][-1]["weights"]
    assert found["out_of_sample"]["days"] == 239  # rows 60..298: the last has no next close
    assert [q["signal"] for q in found["quality"]] == [
        "learned", "stated", "pattern:ema_crossover", "pattern:volatility_breakout",
    ]  # fmt: skip
    assert all(q["days"] == 239 for q in found["quality"])
    learned = found["quality"][0]
    assert 0 <= learned["hits"] <= learned["active_days"] <= 239


async def test_too_few_bars_are_422_combiner_too_few_bars(tmp_path: Path) -> None:
    # Arrange: a training window of 400 bars over 300 stored ones
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        await stored_bars(harness)
        owner = await harness.user()
        created = await create_learned(harness, owner, training_bars=400)
        body = run_body(created["id"], symbols=["T0"], source="store", **RANGE)

        # Act
        backtest = await harness.client.post(BACKTESTS, json=body, headers=owner.headers)
        report = await harness.client.post(
            evaluate_path(created["id"]), json={"symbol": "T0", **RANGE}, headers=owner.headers
        )
        listed = await harness.client.get(BACKTESTS, headers=owner.headers)

    # Assert
    for response in (backtest, report):
        problem = assert_problem(response, 422, "COMBINER_TOO_FEW_BARS")
        assert field_names(problem) == {"from"}
        assert "T0 has 300 bars" in problem["detail"]
    assert listed.json()["items"] == []


async def test_another_users_strategy_is_not_judged(tmp_path: Path) -> None:
    # Arrange
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        await stored_bars(harness)
        owner = await harness.user()
        stranger = await harness.user()
        created = await create_learned(harness, owner)

        # Act
        theirs = await harness.client.post(
            evaluate_path(created["id"]), json={"symbol": "T0", **RANGE}, headers=stranger.headers
        )
        unknown = await harness.client.post(
            evaluate_path("stg-missing"), json={"symbol": "T0", **RANGE}, headers=owner.headers
        )

    # Assert
    assert_problem(theirs, 404, "NOT_FOUND")
    assert_problem(unknown, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2021-01-01", "to": "2020-12-31"}, "to"),
        ({"from": "2020-01-01", "to": "9999-12-31"}, "to"),
        ({"from": "0001-01-01", "to": "2020-12-31"}, "from"),
    ],
)
async def test_a_query_that_cannot_be_answered_is_422_naming_its_field(
    harness: Harness, owner: User, query: dict[str, str], field: str
) -> None:
    # Arrange
    created = await create_learned(harness, owner)

    # Act
    response = await harness.client.post(
        evaluate_path(created["id"]), json={"symbol": "T0", **query}, headers=owner.headers
    )

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_COMBINER_QUERY")) == {field}


@pytest.mark.parametrize(
    ("definition", "field"),
    [
        (learned_definition("acc-1", combine="each"), "combiner"),
        (learned_definition("acc-1", training_bars=10), "training_bars"),
        (learned_definition("acc-1", refit_bars=0), "refit_bars"),
    ],
)
async def test_a_learned_entry_that_cannot_run_is_422_naming_its_field(
    harness: Harness, owner: User, definition: dict[str, Any], field: str
) -> None:
    # Arrange
    await harness.account(owner, "acc-1")

    # Act
    response = await harness.client.post(STRATEGIES, json=definition, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_STRATEGY")) == {field}


async def test_a_learned_strategy_is_switched_to_paper_through_the_api(tmp_path: Path) -> None:
    # Arrange: its sources follow any symbol, so no history is checked up front
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        await stored_bars(harness)
        owner = await harness.user()
        created = await create_learned(harness, owner)

        # Act
        response = await set_mode(harness, owner, created["id"], "paper")

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["mode"], body["entry"]["combiner"]) == ("paper", "learned")


@pytest.mark.parametrize(("training_bars", "status"), [(60, 200), (300, 422)])
async def test_switching_on_needs_more_stored_bars_than_the_training_window(
    tmp_path: Path, training_bars: int, status: int
) -> None:
    # Arrange: sources of T0 alone, 300 daily bars of it stored
    async with harness_with(bars_store="parquet", bars_dir=str(tmp_path / "bars")) as harness:
        await stored_bars(harness)
        owner = await harness.user()
        await harness.account(owner, "acc-1")
        definition = learned_definition("acc-1", training_bars=training_bars)
        definition["sources"] = [{**s, "symbols": ["T0"]} for s in definition["sources"]]
        created = await harness.client.post(STRATEGIES, json=definition, headers=owner.headers)

        # Act
        response = await set_mode(harness, owner, created.json()["id"], "paper")

    # Assert
    assert response.status_code == status, response.text
    if status == 422:
        problem = assert_problem(response, 422, "COMBINER_TOO_FEW_BARS")
        assert field_names(problem) == {"mode"}
        assert "(T0 300)" in problem["detail"]
