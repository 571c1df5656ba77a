"""freqtrade's own backtesting, offline, with a strategy behind Bulwark's gate (integrations/
freqtrade): the entries, additions and exits Bulwark denies are missing from freqtrade's result,
each denied entry is a lock with Bulwark's reasons, and a Bulwark that is not there denies all.

freqtrade runs in its own venv (var/integration-venvs/freqtrade, installed once per machine from
PyPI; the test skips in one line when it cannot be installed), as a subprocess: Bulwark's venv
never imports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bootstrap.demo import DEMO_ACCOUNT
from tests.integration.servers import free_port
from tests.integrations import freqtrade_kit as kit
from tests.kit.served import Served
from tests.kit.venvs import Venv, ensure
from tests.mcp.desk import AgentKey, Desk

# The agent's orders above this notional (USD) are denied: the strategy's big entries (about 26
# shares near 190) and its 5000 USD additions, never its small entries (4 shares) or its exits.
MAX_NOTIONAL = "2000"
PLAIN, GATED = "EveryTwenty", "GatedEveryTwenty"


@pytest.fixture(scope="module")
def freqtrade() -> Venv:
    found = ensure("freqtrade")
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture(scope="module")
def agent(desk: Desk) -> AgentKey:
    key = desk.agent()
    desk.limit_notional(key.agent_id, MAX_NOTIONAL)
    return key


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("freqtrade")
    kit.prepare(path)
    return path


@pytest.fixture(scope="module")
def exchange_api() -> Iterator[str]:
    with kit.fake_binance() as url:
        yield url


@pytest.fixture(scope="module")
def both_runs(
    freqtrade: Venv,
    served: Served,
    agent: AgentKey,
    workdir: Path,
    exchange_api: str,
) -> dict[str, Any]:
    """One backtest of the strategy alone and of the same strategy behind Bulwark's gate."""
    settings = kit.config(exchange_api, {"url": served.api, "account_id": DEMO_ACCOUNT})
    return kit.backtest(freqtrade, workdir, settings, [PLAIN, GATED], agent.api_key)


def test_bulwark_denies_the_big_entries_that_freqtrade_makes_without_it(
    both_runs: dict[str, Any],
) -> None:
    # Arrange: the runs of the fixture
    plain, gated = both_runs[PLAIN], both_runs[GATED]

    # Act
    plain_tags = [t["enter_tag"] for t in plain["trades"]]
    gated_tags = [t["enter_tag"] for t in gated["trades"]]

    # Assert: 15 entry signals, 8 small and 7 big; Bulwark lets the small ones through only
    assert plain_tags.count("small") == 8 and plain_tags.count("big") == 7
    assert gated_tags == ["small"] * 8
    assert gated["total_trades"] == 8 < plain["total_trades"] == 15


def test_each_denied_entry_is_a_lock_in_freqtrades_result_with_bulwarks_reason(
    both_runs: dict[str, Any],
) -> None:
    # Arrange
    plain, gated = both_runs[PLAIN], both_runs[GATED]

    # Act
    reasons = [lock["reason"] for lock in gated["locks"]]

    # Assert: one lock per denied big entry, naming the rule's reason code
    assert plain["locks"] == []
    assert len(reasons) == 7
    assert all(r.startswith("Bulwark: ") and "MAX_ORDER_NOTIONAL" in r for r in reasons), reasons


def test_bulwark_denies_the_big_addition_and_lets_the_small_trim_and_the_exits_through(
    both_runs: dict[str, Any],
) -> None:
    # Arrange
    plain, gated = both_runs[PLAIN], both_runs[GATED]

    # Act
    plain_orders = [kit.orders(t) for t in plain["trades"]]
    gated_orders = [kit.orders(t) for t in gated["trades"]]

    # Assert: without Bulwark every trade adds 5000 USD (25 to 27 shares at 198 to 182) 3 candles
    # in; behind it none does, and each small trade sells 2 of its 4 shares 6 candles in and the
    # other 2 at its exit signal
    adds = [[a for side, tag, a in o if (side, tag) == ("buy", "add")] for o in plain_orders]
    assert all(len(a) == 1 and 25 <= a[0] <= 27 for a in adds), adds
    assert (
        gated_orders
        == [[("buy", "small", 4.0), ("sell", "trim", 2.0), ("sell", "exit_signal", 2.0)]] * 8
    )
    assert {t["exit_reason"] for t in gated["trades"]} == {"exit_signal"}


def test_a_bulwark_that_does_not_answer_denies_every_entry(
    freqtrade: Venv, agent: AgentKey, workdir: Path, exchange_api: str
) -> None:
    # Arrange: nothing listens where Bulwark should be
    settings = kit.config(
        exchange_api,
        {"url": f"http://127.0.0.1:{free_port()}", "account_id": DEMO_ACCOUNT, "timeout": 1},
    )

    # Act
    gated = kit.backtest(freqtrade, workdir, settings, [GATED], agent.api_key)[GATED]

    # Assert: fail closed; every one of the 15 entry signals is refused, each a lock
    assert gated["total_trades"] == 0
    reasons = [lock["reason"] for lock in gated["locks"]]
    assert reasons == ["Bulwark: no answer (fail closed)"] * 15
