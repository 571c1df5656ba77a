"""The freqtrade integration's gate client (integrations/freqtrade/bulwark_freqtrade/gate.py)
against a served Bulwark, and failing closed against local servers that answer badly or not at
all. It needs httpx only, so it runs in Bulwark's own venv; the mixin around it is tested with
freqtrade's backtesting (test_freqtrade.py)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from bootstrap.demo import DEMO_ACCOUNT
from bulwark_freqtrade import BulwarkGated
from bulwark_freqtrade.gate import (
    API_KEY_ENV,
    GateClient,
    GateConfigError,
    GateSettings,
    bulwark_symbol,
    decimal_text,
)
from tests.integration.servers import free_port
from tests.kit.fake_server import HttpRequest, threaded_http
from tests.kit.served import Served
from tests.mcp.desk import AgentKey, Desk


def _gate(url: str, key: str = "bwk_test", timeout_s: float = 5.0) -> GateClient:
    return GateClient(
        GateSettings(url=url, api_key=key, account_id=DEMO_ACCOUNT, timeout_s=timeout_s)
    )


@pytest.fixture(scope="module")
def limited(desk: Desk) -> AgentKey:
    """An agent whose orders above 2000 USD are denied."""
    key = desk.agent()
    desk.limit_notional(key.agent_id, "2000")
    return key


@pytest.fixture
def gate(served: Served, limited: AgentKey) -> Iterator[GateClient]:
    client = _gate(served.api, limited.api_key)
    yield client
    client.close()


# -- the served gate -------------------------------------------------------------------------


def test_an_order_within_the_limits_is_approved(gate: GateClient) -> None:
    # Act: 10 AAPL at 190 = 1900 USD
    verdict = gate.check("AAPL/USD", "buy", 10.0, 190.0)

    # Assert
    assert verdict.approved, verdict.why
    assert verdict.why == "Bulwark approved buy 10 AAPL at 190"


def test_an_order_over_the_notional_limit_is_denied_with_the_rules_reason(
    gate: GateClient,
) -> None:
    # Act: 11 AAPL at 190 = 2090 USD
    verdict = gate.check("AAPL/USD", "buy", 11.0, 190.0)

    # Assert
    assert not verdict.approved
    assert verdict.reasons == ("MAX_ORDER_NOTIONAL",)
    assert verdict.why == "Bulwark denied buy 11 AAPL at 190: MAX_ORDER_NOTIONAL"


def test_an_order_the_gate_would_hold_for_a_person_is_refused(served: Served, desk: Desk) -> None:
    # Arrange: a HOLD rule at 2000 USD
    key = desk.agent()
    desk.limit_notional(key.agent_id, "2000", action="hold")
    gate = _gate(served.api, key.api_key)

    # Act
    verdict = gate.check("AAPL/USD", "buy", 11.0, 190.0)

    # Assert
    assert not verdict.approved
    assert verdict.reasons == ("MAX_ORDER_NOTIONAL",)
    assert verdict.why.startswith("Bulwark would hold buy 11 AAPL at 190 for a person's approval")


def test_an_order_the_gate_would_reduce_is_refused(served: Served, desk: Desk) -> None:
    # Arrange: a REDUCE rule at 2000 USD
    key = desk.agent()
    desk.limit_notional(key.agent_id, "2000", action="reduce")
    gate = _gate(served.api, key.api_key)

    # Act
    verdict = gate.check("AAPL/USD", "buy", 11.0, 190.0)

    # Assert: freqtrade cannot send a smaller order than it asked about
    assert not verdict.approved
    assert verdict.why.startswith("Bulwark would reduce buy 11 AAPL at 190 to 10")


def test_a_halted_agent_is_denied_every_order(served: Served, desk: Desk) -> None:
    # Arrange
    key = desk.agent()
    desk.halt(key.agent_id)
    gate = _gate(served.api, key.api_key)

    # Act
    verdict = gate.check("AAPL/USD", "sell", 1.0, 190.0)

    # Assert
    assert not verdict.approved
    assert "TRADING_HALTED" in verdict.reasons


def test_a_revoked_key_is_refused_with_the_status(served: Served, desk: Desk) -> None:
    # Arrange
    key = desk.agent()
    desk.revoke(key)
    gate = _gate(served.api, key.api_key)

    # Act
    verdict = gate.check("AAPL/USD", "buy", 1.0, 190.0)

    # Assert
    assert not verdict.approved and verdict.reasons == ()
    assert "HTTP 401" in verdict.why and verdict.why.endswith("refused (fail closed)")


def test_a_pair_bulwark_does_not_know_is_refused_with_bulwarks_problem(
    gate: GateClient,
) -> None:
    # Act
    verdict = gate.check("NOSUCH/USD", "buy", 1.0, 10.0)

    # Assert
    assert not verdict.approved
    assert "HTTP 422 INVALID_ORDER" in verdict.why


# -- failing closed ----------------------------------------------------------------------------


def _answering(status: int, body: bytes, delay_s: float = 0.0) -> AbstractContextManager[str]:
    """A local server answering every POST with `status` and `body` after `delay_s`."""

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        time.sleep(delay_s)
        return status, body, {}

    return threaded_http(answer, methods=("POST",))


@pytest.mark.parametrize(
    ("status", "body", "said"),
    [
        (503, b'{"code": "UNAVAILABLE", "detail": "draining"}', "HTTP 503 UNAVAILABLE draining"),
        (502, b"<html>bad gateway</html>", "HTTP 502 <html>bad gateway</html>"),
        (200, b"not json", "an answer that does not parse (JSONDecodeError"),
        (200, b'{"decision": {"approved": "yes"}}', "an answer that does not parse (TypeError"),
        (200, b'{"rating": "SAFE"}', "an answer that does not parse (KeyError"),
    ],
)
def test_an_answer_that_is_not_a_clear_decision_is_a_refusal(
    status: int, body: bytes, said: str
) -> None:
    # Arrange
    with _answering(status, body) as url:
        gate = _gate(url)

        # Act
        verdict = gate.check("AAPL/USD", "buy", 1.0, 190.0)

    # Assert
    assert not verdict.approved and verdict.reasons == ()
    assert verdict.why.startswith("Bulwark gave no decision on buy 1 AAPL at 190: " + said)
    assert verdict.why.endswith("; refused (fail closed)")


def test_no_answer_within_the_timeout_is_a_refusal() -> None:
    # Arrange: a server that answers after 2 s, a gate that waits 0.2 s
    with _answering(200, b"{}", delay_s=2.0) as url:
        gate = _gate(url, timeout_s=0.2)

        # Act
        verdict = gate.check("AAPL/USD", "buy", 1.0, 190.0)

    # Assert
    assert not verdict.approved
    assert "no answer within 0.2 s" in verdict.why


def test_a_bulwark_that_is_not_running_is_a_refusal() -> None:
    # Arrange: nothing listens there
    gate = _gate(f"http://127.0.0.1:{free_port()}")

    # Act
    verdict = gate.check("AAPL/USD", "buy", 1.0, 190.0)

    # Assert
    assert not verdict.approved
    assert "ConnectError" in verdict.why and verdict.why.endswith("refused (fail closed)")


def test_the_key_and_terms_go_as_bulwarks_api_reads_them() -> None:
    # Arrange
    seen: list[HttpRequest] = []

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        seen.append(request)
        return 503, b"{}", {}

    with threaded_http(answer, methods=("POST",)) as url:
        gate = GateClient(
            GateSettings(url=url + "/", api_key="bwk_k", account_id="acc-1", strategy_id="s-1")
        )

        # Act
        gate.check("btc/usdt:USDT", "sell", 0.00001, 65000.5)

    # Assert
    (request,) = seen
    assert request.path == "/api/v1/risk/analyze"
    assert request.header("X-API-Key") == "bwk_k"
    assert request.body == (
        b'{"account_id":"acc-1","symbol":"BTC","side":"sell","quantity":"0.00001",'
        b'"order_type":"limit","limit_price":"65000.5","strategy_id":"s-1"}'
    )


# -- the mixin, with a stand-in for the strategy it is mixed into ----------------------------


class _Strategy:
    """What the mixin calls of freqtrade's IStrategy on an exit (its base at run time is
    `object`, so it mixes into this as into a freqtrade strategy)."""

    timeframe = "1h"
    dp = None

    def __init__(self, config: dict[str, Any], own: Callable[[], bool]) -> None:
        self.config = config
        self._own = own

    def confirm_trade_exit(self, *args: Any, **kwargs: Any) -> bool:
        return self._own()


class _Gated(BulwarkGated, _Strategy):  # type: ignore[misc]
    pass


def _exit(strategy: _Gated) -> bool:
    """The mixin's confirm_trade_exit on a sell of 2 AAPL at 190, as freqtrade calls it."""
    trade = SimpleNamespace(is_short=False)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    return strategy.confirm_trade_exit("AAPL/USD", trade, "limit", 2.0, 190.0, "GTC", "roi", now)


def _bulwark(url: str, key: str = "bwk_test") -> dict[str, Any]:
    return {"bulwark": {"url": url, "account_id": DEMO_ACCOUNT, "api_key": key, "timeout": 1}}


def _raises() -> bool:
    raise RuntimeError("the strategy's own bug")


def test_an_exit_goes_ahead_when_the_strategy_and_bulwark_both_say_yes(
    served: Served, limited: AgentKey
) -> None:
    # Arrange
    strategy = _Gated(_bulwark(served.api, limited.api_key), own=lambda: True)

    # Act / Assert
    assert _exit(strategy) is True


def test_the_strategys_own_no_is_final_and_bulwark_is_not_asked() -> None:
    # Arrange
    seen: list[HttpRequest] = []

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        seen.append(request)
        return 503, b"{}", {}

    with threaded_http(answer, methods=("POST",)) as url:
        strategy = _Gated(_bulwark(url), own=lambda: False)

        # Act
        confirmed = _exit(strategy)

    # Assert
    assert confirmed is False and seen == []


def test_a_strategy_whose_own_check_raises_is_still_gated_by_bulwark(
    served: Served, desk: Desk
) -> None:
    # Arrange: freqtrade would take the exception as a yes; the agent is halted
    key = desk.agent()
    desk.halt(key.agent_id)
    strategy = _Gated(_bulwark(served.api, key.api_key), own=_raises)

    # Act / Assert
    assert _exit(strategy) is False


def test_an_exit_is_refused_when_bulwark_is_not_running() -> None:
    # Arrange
    strategy = _Gated(_bulwark(f"http://127.0.0.1:{free_port()}"), own=lambda: True)

    # Act / Assert
    assert _exit(strategy) is False


def test_a_failure_inside_the_check_is_a_refusal_not_freqtrades_default_yes() -> None:
    # Arrange: a config that is not a mapping at all
    strategy = _Gated(None, own=lambda: True)  # type: ignore[arg-type]

    # Act
    verdict = strategy.bulwark_check("AAPL/USD", "sell", 2.0, 190.0)

    # Assert
    assert not verdict.approved
    assert verdict.why.startswith("Bulwark's check failed (AttributeError")


def test_a_missing_bulwark_section_is_a_refusal() -> None:
    # Arrange
    strategy = _Gated({}, own=lambda: True)

    # Act
    verdict = strategy.bulwark_check("AAPL/USD", "sell", 2.0, 190.0)

    # Assert
    assert not verdict.approved
    assert verdict.why == (
        "Bulwark is not configured: the freqtrade config has no `bulwark` section; refused"
    )


# -- settings, symbols, numbers ----------------------------------------------------------------


def test_settings_come_from_the_bulwark_section_and_the_key_from_the_environment() -> None:
    # Arrange
    config = {
        "bulwark": {
            "url": "https://bulwark.example/",
            "account_id": "acc-1",
            "timeout": 1,
            "symbols": {"BTC/USDT": "BTC-USD"},
        }
    }

    # Act
    settings = GateSettings.from_config(config, {API_KEY_ENV: "bwk_env"})

    # Assert
    assert settings == GateSettings(
        url="https://bulwark.example",
        api_key="bwk_env",
        account_id="acc-1",
        timeout_s=1.0,
        symbols={"BTC/USDT": "BTC-USD"},
    )


@pytest.mark.parametrize(
    ("section", "said"),
    [
        (None, "no `bulwark` section"),
        ({"account_id": "a"}, "bulwark.url is missing"),
        ({"url": "http://b"}, "bulwark.account_id is missing"),
        ({"url": "http://b", "account_id": "a", "api_key": ""}, "no API key"),
        ({"url": "http://b", "account_id": "a", "timeout": 0}, "bulwark.timeout"),
        ({"url": "http://b", "account_id": "a", "timeout": True}, "bulwark.timeout"),
        ({"url": "http://b", "account_id": "a", "symbols": ["AAPL"]}, "bulwark.symbols"),
    ],
)
def test_a_wrong_bulwark_section_says_what_is_wrong(section: object, said: str) -> None:
    # Arrange
    config = {} if section is None else {"bulwark": section}
    environ = {} if said == "no API key" else {API_KEY_ENV: "bwk_env"}

    # Act / Assert
    with pytest.raises(GateConfigError, match=said):
        GateSettings.from_config(config, environ)


@pytest.mark.parametrize(
    ("pair", "symbols", "symbol"),
    [
        ("AAPL/USD", None, "AAPL"),
        ("btc/usdt:USDT", None, "BTC"),
        ("BTC/USDT", {"BTC/USDT": "BTC-USD"}, "BTC-USD"),
        ("ETH/USDT", {"BTC/USDT": "BTC-USD"}, "ETH"),
    ],
)
def test_a_pair_is_the_mapped_symbol_else_its_base_currency(
    pair: str, symbols: dict[str, str] | None, symbol: str
) -> None:
    assert bulwark_symbol(pair, symbols) == symbol


@pytest.mark.parametrize(
    ("number", "text"),
    [(2.0, "2"), (1e-05, "0.00001"), (192.25, "192.25"), (0.1 + 0.2, "0.30000000000000004")],
)
def test_a_float_is_sent_as_its_shortest_decimal_text(number: float, text: str) -> None:
    assert decimal_text(number) == text
