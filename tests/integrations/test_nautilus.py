"""NautilusTrader's orders through Bulwark's gate (integrations/nautilus).

The gate's client (bulwark_nautilus.gate, the standard library alone) is checked here against
a served Bulwark and local fakes of what goes wrong. The strategy is checked with the real
library: a BacktestEngine run offline, in the integration's own venv (tests/integrations/
venvs.py: NautilusTrader never enters Bulwark's venv), by integrations/nautilus/examples/
gated_backtest.py, whose JSON says how each order ended and what `on_order_denied` received.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import tomllib
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from benchmarks import nautilus_reference
from bootstrap.demo import DEMO_ACCOUNT
from bulwark_nautilus.gate import BulwarkGate, Terms, bulwark_symbol
from tests.kit.fake_server import HttpRequest, threaded_http
from tests.kit.ports import free_port
from tests.kit.served import Served
from tests.kit.venvs import INTEGRATIONS, Venv, ensure
from tests.mcp.desk import AgentKey, Desk

pytestmark = pytest.mark.integration

# AAPL's demo mark is 190: a 10,000 USD cap on one order's notional takes 52 shares, not 500.
CAP = "10000"
SCRIPT = INTEGRATIONS / "nautilus" / "examples" / "gated_backtest.py"


@pytest.fixture(scope="module")
def capped(desk: Desk) -> AgentKey:
    """An agent of the demo owner whose orders are capped at 10,000 USD of notional."""
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, CAP)
    return agent


def gate_at(url: str, key: str = "no-key", timeout_s: float = 2.0) -> BulwarkGate:
    return BulwarkGate(url=url, api_key=key, account_id=DEMO_ACCOUNT, timeout_s=timeout_s)


def buy(quantity: str, **terms: Any) -> Terms:
    return Terms(symbol="AAPL", side="buy", quantity=quantity, **terms)


# -- the gate's client ------------------------------------------------------------------------


def test_the_gate_takes_an_order_within_the_rule_and_denies_one_over_it(
    served: Served, capped: AgentKey
) -> None:
    # Arrange
    gate = gate_at(served.api, capped.api_key)

    # Act
    small, limit, large = (
        gate.check(buy("1")),
        gate.check(buy("2", order_type="limit", limit_price="190.01")),
        gate.check(buy("500")),
    )

    # Assert
    assert (small.allowed, small.reason) == (True, "")
    assert limit.allowed
    assert not large.allowed
    assert large.reason == (
        "Bulwark denied: MAX_ORDER_NOTIONAL (order notional 95000.00 exceeds the maximum of 10000)"
    )


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        ("reduce", r"^Bulwark would reduce it to 52 of 500: MAX_ORDER_NOTIONAL \(.+\)$"),
        ("hold", r"^Bulwark would hold it for a person's approval: MAX_ORDER_NOTIONAL"),
    ],
)
def test_an_order_bulwark_would_not_take_whole_is_denied(
    served: Served, desk: Desk, action: str, reason: str
) -> None:
    # Arrange: the same cap, reducing or holding instead of blocking
    agent = desk.agent()
    desk.limit_notional(agent.agent_id, CAP, action=action)

    # Act
    answer = gate_at(served.api, agent.api_key).check(buy("500"))

    # Assert
    assert not answer.allowed
    assert re.match(reason, answer.reason), answer.reason


def test_the_kill_switch_denies_through_the_gate(served: Served, desk: Desk) -> None:
    # Arrange
    agent = desk.agent()
    desk.halt(agent.agent_id)

    # Act
    answer = gate_at(served.api, agent.api_key).check(buy("1"))

    # Assert
    assert (answer.allowed, answer.reason) == (
        False,
        "Bulwark denied: TRADING_HALTED (trading is halted)",
    )


def test_a_refused_check_is_a_denial_naming_the_problem(served: Served, capped: AgentKey) -> None:
    # Act
    bad_key = gate_at(served.api, "not-a-key").check(buy("1"))
    unknown = gate_at(served.api, capped.api_key).check(Terms("NOSUCH", "buy", "1"))

    # Assert
    assert not bad_key.allowed
    assert bad_key.reason.startswith("Bulwark refused the check (401 UNAUTHENTICATED: ")
    assert (unknown.allowed, unknown.reason) == (
        False,
        "Bulwark refused the check (422 INVALID_ORDER: unknown instrument NOSUCH)",
    )


# What a broken Bulwark answers, one case per path prefix of one local fake: (status, body,
# seconds before answering).
_BROKEN: dict[str, tuple[int, bytes, float]] = {
    "5xx-problem": (503, b'{"status":503,"code":"UNAVAILABLE","detail":"store down"}', 0.0),
    "5xx-html": (500, b"<html>oops</html>", 0.0),
    "not-json": (200, b"not json", 0.0),
    "bad-decision": (200, b'{"decision": {"approved": "yes"}}', 0.0),
    "no-decision": (200, b'{"rating": "SAFE"}', 0.0),
    "timeout": (200, b"{}", 1.0),
}


@pytest.fixture(scope="module")
def broken() -> Iterator[str]:
    def answer(request: HttpRequest) -> tuple[int, bytes, Mapping[str, str]]:
        status, body, delay_s = _BROKEN[request.path.split("/")[1]]
        time.sleep(delay_s)
        return status, body, {}

    with threaded_http(answer, methods=("POST",)) as url:
        yield url


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("5xx-problem", "Bulwark answered 503 UNAVAILABLE: store down: denied (fail closed)"),
        ("5xx-html", "Bulwark answered 500: denied (fail closed)"),
        ("not-json", "Bulwark's answer was not understood (TypeError): denied (fail closed)"),
        ("bad-decision", "Bulwark's answer was not understood (TypeError): denied (fail closed)"),
        ("no-decision", "Bulwark's answer was not understood (KeyError): denied (fail closed)"),
        ("timeout", "Bulwark did not answer within 0.3 s: denied (fail closed)"),
    ],
)
def test_no_clear_answer_denies_the_order(broken: str, case: str, reason: str) -> None:
    # Act
    answer = gate_at(f"{broken}/{case}", timeout_s=0.3).check(buy("1"))

    # Assert
    assert (answer.allowed, answer.reason) == (False, reason)


def test_an_unreachable_bulwark_denies_the_order() -> None:
    # Arrange: a port nothing listens on
    url = f"http://127.0.0.1:{free_port()}"

    # Act
    answer = gate_at(url).check(buy("1"))

    # Assert
    assert not answer.allowed
    assert answer.reason.startswith(f"Bulwark unreachable at {url} (")
    assert answer.reason.endswith("): denied (fail closed)")


def test_the_gate_sends_the_orders_terms_with_the_agents_key() -> None:
    # Arrange
    seen: list[HttpRequest] = []

    def answer(request: HttpRequest) -> tuple[int, bytes, Mapping[str, str]]:
        seen.append(request)
        return 200, b"{}", {}

    with threaded_http(answer, methods=("POST",)) as url:
        # Act
        gate_at(url, key="agent-key").check(
            buy("2.5", order_type="stop_limit", limit_price="191", stop_price="190.5")
        )

    # Assert
    (request,) = seen
    assert request.path == "/api/v1/risk/analyze"
    assert request.header("X-API-Key") == "agent-key"
    assert json.loads(request.body) == {
        "account_id": DEMO_ACCOUNT,
        "symbol": "AAPL",
        "side": "buy",
        "quantity": "2.5",
        "order_type": "stop_limit",
        "time_in_force": "day",
        "limit_price": "191",
        "stop_price": "190.5",
        "reduce_only": False,
    }


@pytest.mark.parametrize(
    ("instrument_id", "symbol"),
    [
        ("AAPL.XNAS", "AAPL"),
        ("BRK.B.XNYS", "BRK.B"),
        ("ESZ5.GLBX", "ESZ5"),
        ("BTCUSDT.BINANCE", "BTC-USD"),  # mapped
        ("AAPL", "AAPL"),  # no venue
    ],
)
def test_a_nautilus_instrument_id_maps_to_bulwarks_symbol(instrument_id: str, symbol: str) -> None:
    assert bulwark_symbol(instrument_id, {"BTCUSDT.BINANCE": "BTC-USD"}) == symbol


def test_the_gate_reads_its_settings_from_the_environment() -> None:
    # Act
    gate = BulwarkGate.from_env(
        {"BULWARK_URL": "http://b", "BULWARK_API_KEY": "k", "BULWARK_ACCOUNT": "acc-1"}
    )

    # Assert
    assert (gate.url, gate.api_key, gate.account_id, gate.timeout_s) == (
        "http://b",
        "k",
        "acc-1",
        2.0,
    )
    with pytest.raises(KeyError, match="BULWARK_API_KEY, BULWARK_ACCOUNT"):
        BulwarkGate.from_env({"BULWARK_URL": "http://b"})


def test_the_integration_pins_the_version_the_benchmark_compares_with() -> None:
    # One NautilusTrader version in the repository: the integration's pin and the benchmark's.
    project = tomllib.loads((INTEGRATIONS / "nautilus" / "pyproject.toml").read_text())
    assert f"nautilus_trader=={nautilus_reference.VERSION}" in project["project"]["dependencies"]


# -- the strategy, in a real BacktestEngine ---------------------------------------------------


@pytest.fixture(scope="module")
def nautilus() -> Venv:
    venv = ensure("nautilus")
    if isinstance(venv, str):
        pytest.skip(venv)
    return venv


def backtest(venv: Venv, url: str, key: str, *plan: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env |= {"BULWARK_URL": url, "BULWARK_API_KEY": key, "BULWARK_ACCOUNT": DEMO_ACCOUNT}
    done = subprocess.run(
        [str(venv.python), str(SCRIPT), *plan], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-4000:]
    outcome: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return outcome


def ended(outcome: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    """(type, quantity, status, the reason on_order_denied received) per order, in order."""
    return [(o["type"], o["quantity"], o["status"], o["denied_reason"]) for o in outcome["orders"]]


# Run in the integration's venv: each kind of Nautilus order, as `terms_of` sends it.
_TERMS = """
import json
from dataclasses import asdict
from decimal import Decimal

import pandas as pd
from nautilus_trader.common.component import TestClock
from nautilus_trader.common.factories import OrderFactory
from nautilus_trader.model.enums import OrderSide, TimeInForce, TrailingOffsetType
from nautilus_trader.model.identifiers import InstrumentId, StrategyId, TraderId
from nautilus_trader.model.objects import Price, Quantity

from bulwark_nautilus import BulwarkGate
from bulwark_nautilus.strategy import terms_of

f = OrderFactory(TraderId("T-001"), StrategyId("S-001"), TestClock())
brk, q, p = InstrumentId.from_str("BRK.B.XNYS"), Quantity.from_str("2.5"), Price.from_str
gtd = {"time_in_force": TimeInForce.GTD, "expire_time": pd.Timestamp("2030-01-01", tz="UTC")}
orders = {
    "stop_market": f.stop_market(brk, OrderSide.SELL, q, p("180.50"), reduce_only=True),
    "stop_limit": f.stop_limit(
        brk, OrderSide.BUY, q, p("191.00"), p("190.50"), time_in_force=TimeInForce.IOC
    ),
    "market_if_touched": f.market_if_touched(brk, OrderSide.BUY, q, p("185.00")),
    "limit_if_touched": f.limit_if_touched(brk, OrderSide.BUY, q, p("185.10"), p("185.00"), **gtd),
    "market_to_limit": f.market_to_limit(brk, OrderSide.SELL, q, time_in_force=TimeInForce.FOK),
    "trailing_stop": f.trailing_stop_market(
        brk, OrderSide.SELL, q, trailing_offset=Decimal(1),
        trailing_offset_type=TrailingOffsetType.PRICE,
    ),
}
gate = BulwarkGate("http://bulwark", "key", "acc-1")
terms = {k: terms_of(o, gate) for k, o in orders.items()}
print(json.dumps({k: t if isinstance(t, str) else asdict(t) for k, t in terms.items()}))
"""


def test_nautilus_orders_map_to_bulwarks_terms(nautilus: Venv) -> None:
    # Act
    done = subprocess.run(
        [str(nautilus.python), "-c", _TERMS], capture_output=True, text=True, timeout=120
    )

    # Assert
    assert done.returncode == 0, done.stderr[-4000:]
    terms = json.loads(done.stdout)
    base = {"symbol": "BRK.B", "quantity": "2.5", "limit_price": None, "stop_price": None}
    base |= {"reduce_only": False, "side": "buy", "time_in_force": "gtc"}
    assert terms == {
        "stop_market": base
        | {"side": "sell", "order_type": "stop", "stop_price": "180.50", "reduce_only": True},
        "stop_limit": base
        | {"order_type": "stop_limit", "limit_price": "191.00", "stop_price": "190.50"}
        | {"time_in_force": "ioc"},
        "market_if_touched": base | {"order_type": "stop", "stop_price": "185.00"},
        "limit_if_touched": base
        | {"order_type": "stop_limit", "limit_price": "185.10", "stop_price": "185.00"},
        "market_to_limit": base | {"side": "sell", "order_type": "market", "time_in_force": "fok"},
        "trailing_stop": "Bulwark cannot check a TRAILING_STOP_MARKET order: denied (fail closed)",
    }


def test_a_backtest_fills_the_orders_bulwark_takes_and_denies_the_others(
    nautilus: Venv, served: Served, capped: AgentKey
) -> None:
    # Act
    outcome = backtest(
        nautilus,
        served.api,
        capped.api_key,
        "MARKET:1",
        "MARKET:500",
        "LIMIT:2",
        "MARKET:800",
        "LIST:3+600",
    )

    # Assert
    over = "Bulwark denied: MAX_ORDER_NOTIONAL (order notional {} exceeds the maximum of 10000)"
    list_id = re.compile(r"^OL-\S+ denied: O-\S+ was denied \(Bulwark denied: MAX_ORDER_NOTIONAL")
    assert outcome["version"] == nautilus_reference.VERSION
    rows = ended(outcome)
    assert rows[:4] == [
        ("MARKET", "1", "FILLED", None),
        ("MARKET", "500", "DENIED", over.format("95000.00")),
        ("LIMIT", "2", "FILLED", None),
        ("MARKET", "800", "DENIED", over.format("152000.00")),
    ]
    (kind, quantity, status, reason), last = rows[4], rows[5]
    assert (kind, quantity, status) == ("MARKET", "3", "DENIED")  # its list's other order
    assert reason is not None and list_id.match(reason), reason
    assert last == ("MARKET", "600", "DENIED", over.format("114000.00"))
    filled = [o["fill_price"] for o in outcome["orders"] if o["status"] == "FILLED"]
    assert filled == ["190.01", "190.01"]  # at the generated ask


def test_with_bulwark_unreachable_every_order_is_denied(nautilus: Venv) -> None:
    # Arrange
    url = f"http://127.0.0.1:{free_port()}"

    # Act
    outcome = backtest(nautilus, url, "no-key", "MARKET:1", "LIMIT:2", "LIST:1+1")

    # Assert
    rows = ended(outcome)
    assert [(kind, status) for kind, _, status, _ in rows] == [
        ("MARKET", "DENIED"),
        ("LIMIT", "DENIED"),
        ("MARKET", "DENIED"),
        ("MARKET", "DENIED"),
    ]
    unreachable = [reason for *_, reason in rows[:2]]
    assert all(
        r is not None and r.startswith(f"Bulwark unreachable at {url}") and "fail closed" in r
        for r in unreachable
    ), unreachable
    assert all(o["fill_price"] is None for o in outcome["orders"])
