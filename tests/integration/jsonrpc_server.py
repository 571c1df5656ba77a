"""A local EVM JSON-RPC 2.0 node: a threaded fake (tests/kit/fake_server.py) with canned state.

POST {path} with one request object or a batch (a list) answers as a node does
(https://www.jsonrpc.org/specification, Ethereum's eth_* methods): eth_chainId,
eth_blockNumber, eth_getBalance(address, block) and eth_call({to, data}, block) for ERC-20
contracts: balanceOf(address) 0x70a08231, decimals() 0x313ce567 and symbol() 0x95d89b41 (an ABI
string, or a bytes32 for `symbol_bytes32` tokens); a contract marked `reverts` answers code 3
"execution reverted"; an address with no contract answers "0x". Gas: eth_gasPrice, and
eth_feeHistory(blockCount, newestBlock, rewardPercentiles) over `fees` (base fee, gas used
ratio, rewards at `fee_percentiles`, for the blocks ending at `block`) in the documented shape
(https://ethereum.github.io/execution-apis/: hex quantities, `baseFeePerGas` with one more
entry than blocks, `next_base_fee` being the extra one, `gasUsedRatio`, `reward` arrays only
when percentiles are asked); eth_getBlockByNumber answers a header whose `timestamp` is
`time_s` for `block`, 12 s less per block before it. The ABI encoding here is the
test's own, written from the specification, not the adapter's.

Knobs: `status` (+ `headers`) answers every POST with that HTTP status; `delay_s` holds each
answer; `refuse_batches` answers a batch with one error object (as nodes without batch support
do); `errors` maps a method to a JSON-RPC (code, message); `drop_ids` leaves a batch's answers
out; `body` replaces the answer with raw bytes. Every request's path, headers and JSON body are
recorded. Only `path` is served (the API key rides in it, as with Infura's /v3/<key>).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.kit.fake_server import HttpRequest, threaded_http

SECRET_PATH = "/v3/0123456789abcdef0123456789abcdef"


@dataclass
class Token:
    symbol: str | None = None
    decimals: int = 18
    balances: dict[str, int] = field(default_factory=dict)
    symbol_bytes32: bool = False
    reverts: bool = False


@dataclass
class Node:
    chain_id: int = 1
    block: int = 21_000_000
    balances: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    path: str = SECRET_PATH
    url: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    refuse_batches: bool = False
    errors: dict[str, tuple[int, str]] = field(default_factory=dict)
    drop_ids: bool = False
    body: bytes | None = None
    requests: list[tuple[str, dict[str, str], Any]] = field(default_factory=list)
    fees: list[tuple[int, float, tuple[int, ...]]] = field(default_factory=list)
    fee_percentiles: tuple[float, ...] = (10, 50, 90)
    next_base_fee: int = 0
    gas_price: int = 0
    time_s: int = 1_736_164_800  # 2025-01-06 12:00 UTC, a Monday

    def calls(self) -> list[dict[str, Any]]:
        """Every JSON-RPC call received, batches flattened, in order."""
        out: list[dict[str, Any]] = []
        for _, _, body in self.requests:
            out.extend(body if isinstance(body, list) else [body])
        return out

    def answer(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, bytes]:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        self.requests.append((path, headers, body))
        if self.delay_s:
            time.sleep(self.delay_s)
        if path != self.path:
            return 404, b'{"error":"not found"}'
        if self.body is not None:
            return self.status, self.body
        if self.status != 200:
            return self.status, b'{"error":"upstream says no"}'
        if isinstance(body, list):
            if self.refuse_batches:
                refusal = _error(None, -32600, "batch requests are not supported")
                return 200, json.dumps(refusal).encode()
            answers = [self._one(item) for item in body]
            if self.drop_ids:
                answers = answers[:-1]
            return 200, json.dumps(answers).encode()
        if isinstance(body, dict):
            return 200, json.dumps(self._one(body)).encode()
        return 200, json.dumps(_error(None, -32700, "parse error")).encode()

    def _one(self, call: dict[str, Any]) -> dict[str, Any]:
        call_id, method, params = call.get("id"), call.get("method"), call.get("params", [])
        if call.get("jsonrpc") != "2.0":
            return _error(call_id, -32600, "invalid request")
        if method in self.errors:
            return _error(call_id, *self.errors[method])
        if method == "eth_chainId":
            return _result(call_id, hex(self.chain_id))
        if method == "eth_blockNumber":
            return _result(call_id, hex(self.block))
        if method == "eth_getBalance":
            return _result(call_id, hex(self.balances.get(params[0].lower(), 0)))
        if method == "eth_call":
            return self._call(call_id, params[0])
        if method == "eth_gasPrice":
            return _result(call_id, hex(self.gas_price))
        if method == "eth_feeHistory":
            return self._fee_history(call_id, params)
        if method == "eth_getBlockByNumber":
            number = int(params[0], 16)
            if number > self.block:
                return _result(call_id, None)
            when = self.time_s - 12 * (self.block - number)
            return _result(call_id, {"number": hex(number), "timestamp": hex(when)})
        return _error(call_id, -32601, f"the method {method} does not exist/is not available")

    def _fee_history(self, call_id: Any, params: list[Any]) -> dict[str, Any]:
        count, newest, percentiles = int(params[0], 16), params[1], list(params[2])
        if newest not in ("latest", hex(self.block)):
            return _error(call_id, -32602, "the fake serves fee history to its head only")
        if any(p not in self.fee_percentiles for p in percentiles):
            return _error(call_id, -32602, "a percentile the fake has no canned reward for")
        served = self.fees[-count:]
        columns = [self.fee_percentiles.index(p) for p in percentiles]
        answer: dict[str, Any] = {
            "oldestBlock": hex(self.block - len(served) + 1),
            "baseFeePerGas": [hex(base) for base, _, _ in served] + [hex(self.next_base_fee)],
            "gasUsedRatio": [ratio for _, ratio, _ in served],
        }
        if percentiles:
            answer["reward"] = [[hex(paid[c]) for c in columns] for _, _, paid in served]
        return _result(call_id, answer)

    def _call(self, call_id: Any, tx: dict[str, str]) -> dict[str, Any]:
        token = self.tokens.get(tx["to"].lower())
        if token is None:
            return _result(call_id, "0x")  # no code at the address: an empty answer
        if token.reverts:
            return _error(call_id, 3, "execution reverted")
        data = tx["data"]
        selector, args = data[:10], data[10:]
        if selector == "0x70a08231" and len(args) == 64:
            owner = "0x" + args[24:]
            return _result(call_id, _word(token.balances.get(owner, 0)))
        if selector == "0x313ce567":
            return _result(call_id, _word(token.decimals))
        if selector == "0x95d89b41" and token.symbol is not None:
            raw = token.symbol.encode()
            if token.symbol_bytes32:
                return _result(call_id, "0x" + raw.ljust(32, b"\0").hex())
            padded = raw.ljust((len(raw) + 31) // 32 * 32, b"\0")
            return _result(call_id, "0x" + _word(32)[2:] + _word(len(raw))[2:] + padded.hex())
        return _error(call_id, 3, "execution reverted")


def _word(value: int) -> str:
    return "0x" + value.to_bytes(32, "big").hex()


def _result(call_id: Any, result: Any) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": call_id, "result": result}


def _error(call_id: Any, code: int, message: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": call_id, "error": {"code": code, "message": message}}


@contextmanager
def jsonrpc_node(**state: Any) -> Iterator[Node]:
    """A running node on 127.0.0.1 (a free port), stopped on exit; `url` includes the path."""
    node = Node(**state)

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        status, body = node.answer(request.path, request.headers, request.body)
        return status, body, node.headers

    with threaded_http(answer, methods=("POST",)) as url:
        node.url = f"{url}{node.path}"
        yield node
