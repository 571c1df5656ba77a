"""EVM JSON-RPC 2.0 (https://www.jsonrpc.org/specification; Ethereum's methods, EIP-1474) as
a ChainPort: one HTTP endpoint per chain id.

A snapshot of a chain is two round trips: eth_blockNumber (with eth_chainId the first time an
endpoint is used: an endpoint that serves another chain is refused, not trusted), then one
JSON-RPC batch, at that block, of eth_getBalance per wallet and eth_call per token:
balanceOf(owner), and decimals() / symbol() for contracts not seen before (kept per chain,
they do not change). Gas fees are eth_feeHistory(blockCount, newest block, percentiles) at
the block eth_blockNumber named (with eth_getBlockByNumber per block, in the same batches,
when the blocks' times are wanted); a node that lacks the method (-32601, or an error saying
it is not supported) is asked eth_gasPrice instead. Batches are cut at `batch_size` calls;
an endpoint that answers a batch with a single error object is asked call by call instead.

Endpoint URLs usually carry an API key in their path (Infura's /v3/<key>, Alchemy's
/v2/<key>): they are secrets. The client sends every request to a placeholder
(http://chain-<id>.rpc.invalid/) and its transport swaps in the real URL below httpx's
client, so neither httpx's request log nor an exception carries it; this module logs chain
ids, methods and codes only, and no error message quotes a URL.

Errors: a call reverted (geth's code 3, or -32000 "execution reverted"), an empty answer
(no contract at the address) or a malformed balanceOf / decimals answer -> NotAToken (422);
a timeout, a connection failure, HTTP 429 / 5xx / 401 / 403, -32005 (limit exceeded) or any
other JSON-RPC error, an unreadable body, a missing answer, a chain id mismatch ->
ChainUnavailable (503 with Retry-After).
"""

from __future__ import annotations

import base64
import itertools
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import structlog

from adapters.chain import abi
from adapters.tls import json_api_client
from domain.analytics.crypto.fees import FEE_HISTORY, GAS_PRICE, FeeHistory
from domain.analytics.crypto.wallets import MAX_DECIMALS, ChainInfo, chain_info
from ports.analytics.chain import (
    ChainSnapshot,
    ChainUnavailable,
    NotAToken,
    TokenBalance,
    UnknownChain,
    WalletQuery,
    WalletState,
)

PLACEHOLDER_DOMAIN = "rpc.invalid"  # RFC 2606: never resolves
RETRY_AFTER_DOWN_S = 30.0
RETRY_AFTER_BUSY_S = 60.0
RETRY_AFTER_CONFIG_S = 300.0  # a refused key or a wrong chain: an operator must fix it
REVERT_CODES = frozenset({3, -32000})
LIMIT_EXCEEDED = -32005
METHOD_NOT_FOUND = -32601
_UNSUPPORTED = ("not supported", "does not exist", "not available", "unsupported")
MAX_MESSAGE = 200

_log = structlog.get_logger("bulwark.chain.jsonrpc")


def placeholder_url(chain_id: int) -> str:
    return f"http://chain-{chain_id}.{PLACEHOLDER_DOMAIN}/"


class _EndpointTransport(httpx.AsyncBaseTransport):
    """Sends a request made for chain-<id>.rpc.invalid to that chain's real endpoint."""

    def __init__(self, inner: httpx.AsyncBaseTransport, endpoints: Mapping[int, str]) -> None:
        self._inner = inner
        self._urls = {f"chain-{cid}.{PLACEHOLDER_DOMAIN}": url for cid, url in endpoints.items()}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        real = self._urls.get(request.url.host)
        if real is None:
            raise httpx.ConnectError("no endpoint for this chain", request=request)
        url = httpx.URL(real)
        headers = [(k, v) for k, v in request.headers.raw if k.lower() != b"host"]
        if url.username or url.password:
            token = base64.b64encode(f"{url.username}:{url.password}".encode()).decode()
            headers.append((b"Authorization", f"Basic {token}".encode()))
            url = url.copy_with(username=None, password=None)
        headers.append((b"Host", url.netloc))
        sent = httpx.Request(
            request.method, url, headers=headers, stream=request.stream,
            extensions=request.extensions,
        )  # fmt: skip
        return await self._inner.handle_async_request(sent)

    async def aclose(self) -> None:
        await self._inner.aclose()

    def __repr__(self) -> str:
        return f"_EndpointTransport(chains={len(self._urls)}, urls='***')"


def chain_client(
    endpoints: Mapping[int, str],
    *,
    timeout_s: float = 10.0,
    inner: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """An httpx client whose requests reach `endpoints` (chain id -> URL) via the transport."""
    transport = _EndpointTransport(inner or httpx.AsyncHTTPTransport(retries=1), endpoints)
    return json_api_client(transport, timeout_s, "bulwark-chain")


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    params: list[Any]
    token: str | None = None  # the contract an eth_call reads


@dataclass(frozen=True, slots=True)
class _Meta:
    decimals: int
    symbol: str | None


class JsonRpcChain:
    """ChainPort over JSON-RPC endpoints (the client knows their URLs; this knows ids)."""

    name = "jsonrpc"

    def __init__(
        self,
        client: httpx.AsyncClient,
        chain_ids: Sequence[int],
        *,
        timeout_s: float = 10.0,
        batch_size: int = 100,
        metadata_size: int = 4096,
    ) -> None:
        self._client = client
        self._ids = tuple(sorted(set(chain_ids)))
        self._timeout_s = timeout_s
        self._batch = batch_size
        self._verified: set[int] = set()
        self._meta: OrderedDict[tuple[int, str], _Meta] = OrderedDict()
        self._meta_size = metadata_size
        self._ids_counter = itertools.count(1)
        self.requests = 0  # HTTP requests sent (tests read it)

    def chains(self) -> tuple[ChainInfo, ...]:
        return tuple(chain_info(c) for c in self._ids)

    async def snapshot(self, chain_id: int, wallets: Sequence[WalletQuery]) -> ChainSnapshot:
        if chain_id not in self._ids:
            raise UnknownChain(f"no endpoint is configured for chain {chain_id}", field="chain_id")
        block = await self._block(chain_id)
        tag = hex(block)
        calls: list[_Call] = []
        for wallet in wallets:
            calls.append(_Call("eth_getBalance", [wallet.address, tag]))
            for token in wallet.tokens:
                data = abi.balance_of_call(wallet.address)
                calls.append(_Call("eth_call", [{"to": token, "data": data}, tag], token))
        asked = {t for w in wallets for t in w.tokens}
        metas = {t: self._meta[(chain_id, t)] for t in asked if (chain_id, t) in self._meta}
        unknown = sorted(asked - metas.keys())
        for token in unknown:
            calls.append(_Call("eth_call", [{"to": token, "data": abi.DECIMALS}, tag], token))
            calls.append(_Call("eth_call", [{"to": token, "data": abi.SYMBOL}, tag], token))
        answers = iter(await self._rpc(chain_id, calls))
        raw_states: list[tuple[str, int, list[tuple[str, int]]]] = []
        for wallet in wallets:
            native = self._quantity(chain_id, "eth_getBalance", next(answers))
            balances = [
                (token, self._token_word(chain_id, token, "balanceOf", next(answers)))
                for token in wallet.tokens
            ]
            raw_states.append((wallet.address, native, balances))
        for token in unknown:
            decimals = self._token_word(chain_id, token, "decimals", next(answers))
            symbol_answer = next(answers)
            if decimals > MAX_DECIMALS:
                raise NotAToken(f"token {token} reports {decimals} decimals", token)
            symbol = None if "error" in symbol_answer else abi.symbol_text(symbol_answer["result"])
            metas[token] = _Meta(decimals, symbol)
            self._remember(chain_id, token, metas[token])
        states = tuple(
            WalletState(
                address,
                native,
                tuple(
                    TokenBalance(token, raw, metas[token].decimals, metas[token].symbol)
                    for token, raw in balances
                ),
            )
            for address, native, balances in raw_states
        )
        return ChainSnapshot(chain_info(chain_id), block, states)

    async def fee_history(
        self,
        chain_id: int,
        blocks: int,
        percentiles: Sequence[float],
        *,
        with_times: bool = False,
    ) -> FeeHistory:
        if chain_id not in self._ids:
            raise UnknownChain(f"no endpoint is configured for chain {chain_id}", field="chain_id")
        newest = await self._block(chain_id)
        asked = [int(p) if float(p).is_integer() else float(p) for p in percentiles]
        call = _Call(FEE_HISTORY, [hex(blocks), hex(newest), asked])
        (answer,) = await self._rpc(chain_id, [call])
        if "error" in answer and _lacks_method(answer["error"]):
            (price,) = await self._rpc(chain_id, [_Call(GAS_PRICE, [])])
            wei = self._quantity(chain_id, GAS_PRICE, price)
            return FeeHistory(chain_info(chain_id), GAS_PRICE, newest, gas_price=wei)
        if "error" in answer:
            self._raise_error(chain_id, FEE_HISTORY, answer["error"])
        history = self._fee_history(chain_id, newest, answer["result"], asked, blocks)
        if not with_times:
            return history
        first = history.oldest_block or 0
        numbers = range(first, first + history.block_count)
        headers = await self._rpc(
            chain_id, [_Call("eth_getBlockByNumber", [hex(n), False]) for n in numbers]
        )
        times = tuple(self._block_time(chain_id, header) for header in headers)
        return FeeHistory(
            history.chain, FEE_HISTORY, newest, history.oldest_block, history.base_fees,
            history.gas_used_ratios, history.rewards, history.percentiles, times=times,
        )  # fmt: skip

    def _fee_history(
        self, chain_id: int, newest: int, result: object, asked_percentiles: list[Any], asked: int
    ) -> FeeHistory:
        """eth_feeHistory's result checked: n blocks (1..asked), n + 1 base fees, n ratios,
        n reward lists of one entry per percentile (no `reward` when none was asked)."""
        bad = self._unreadable
        if not isinstance(result, dict):
            raise bad(chain_id, "eth_feeHistory answered no object")
        ratios, fees = result.get("gasUsedRatio"), result.get("baseFeePerGas")
        if not isinstance(ratios, list) or not isinstance(fees, list):
            raise bad(chain_id, "eth_feeHistory without gasUsedRatio or baseFeePerGas")
        n = len(ratios)
        if not 1 <= n <= asked or len(fees) != n + 1:
            raise bad(chain_id, f"eth_feeHistory gave {n} blocks and {len(fees)} base fees")
        rewards = result.get("reward") or []
        percentiles = len(asked_percentiles)
        if percentiles and (
            not isinstance(rewards, list)
            or len(rewards) != n
            or any(not isinstance(r, list) or len(r) != percentiles for r in rewards)
        ):
            raise bad(chain_id, "eth_feeHistory's reward is not one list per block")
        try:
            oldest = abi.quantity(result.get("oldestBlock"))
            base_fees = tuple(abi.quantity(f) for f in fees)
            paid = tuple(tuple(abi.quantity(x) for x in r) for r in rewards) if percentiles else ()
        except abi.AbiError:
            raise bad(chain_id, "eth_feeHistory answered no hex quantity") from None
        if any(isinstance(r, bool) or not isinstance(r, int | float) for r in ratios) or any(
            not 0 <= r <= 1 for r in ratios
        ):
            raise bad(chain_id, "eth_feeHistory's gasUsedRatio is not 0 to 1")
        if oldest + n - 1 != newest:
            raise bad(chain_id, f"eth_feeHistory ends at block {oldest + n - 1}, not {newest}")
        return FeeHistory(
            chain_info(chain_id), FEE_HISTORY, newest, oldest, base_fees,
            tuple(float(r) for r in ratios), paid, tuple(float(p) for p in asked_percentiles),
        )  # fmt: skip

    def _block_time(self, chain_id: int, answer: dict[str, Any]) -> datetime:
        if "error" in answer:
            self._raise_error(chain_id, "eth_getBlockByNumber", answer["error"])
        header = answer["result"]
        if not isinstance(header, dict):
            raise self._unreadable(chain_id, "eth_getBlockByNumber answered no block")
        try:
            return datetime.fromtimestamp(abi.quantity(header.get("timestamp")), UTC)
        except (abi.AbiError, OverflowError, ValueError, OSError):
            raise self._unreadable(chain_id, "a block without a readable timestamp") from None

    async def _block(self, chain_id: int) -> int:
        calls = [_Call("eth_blockNumber", [])]
        if chain_id not in self._verified:
            calls.append(_Call("eth_chainId", []))
        answers = await self._rpc(chain_id, calls)
        if chain_id not in self._verified:
            served = self._quantity(chain_id, "eth_chainId", answers[1])
            if served != chain_id:
                raise self._down(
                    chain_id,
                    f"the endpoint configured for chain {chain_id} serves chain {served}: "
                    "check BULWARK_CHAIN_RPC_URLS",
                    retry_after=RETRY_AFTER_CONFIG_S,
                )
            self._verified.add(chain_id)
        return self._quantity(chain_id, "eth_blockNumber", answers[0])

    async def _rpc(self, chain_id: int, calls: Sequence[_Call]) -> list[dict[str, Any]]:
        """Each call's answer object ({"result": ...} or {"error": {...}}), in order."""
        answers: list[dict[str, Any]] = []
        for start in range(0, len(calls), self._batch):
            chunk = calls[start : start + self._batch]
            ids = [next(self._ids_counter) for _ in chunk]
            payload = [
                {"jsonrpc": "2.0", "id": i, "method": c.method, "params": c.params}
                for i, c in zip(ids, chunk, strict=True)
            ]
            body = await self._post(chain_id, payload)
            if isinstance(body, dict) and len(chunk) > 1:
                # A single answer to a batch: the endpoint does not take batches.
                answers.extend(
                    [await self._single(chain_id, i, c) for i, c in zip(ids, chunk, strict=True)]
                )
                continue
            if isinstance(body, dict):
                body = [body]
            answers.extend(self._match(chain_id, ids, body))
        return answers

    async def _single(self, chain_id: int, call_id: int, call: _Call) -> dict[str, Any]:
        payload = {"jsonrpc": "2.0", "id": call_id, "method": call.method, "params": call.params}
        body = await self._post(chain_id, payload)
        return self._match(chain_id, [call_id], [body] if isinstance(body, dict) else body)[0]

    def _match(self, chain_id: int, ids: list[int], body: object) -> list[dict[str, Any]]:
        if not isinstance(body, list):
            raise self._unreadable(chain_id, "the answer to a batch is not a list")
        by_id: dict[object, dict[str, Any]] = {}
        for item in body:
            if not isinstance(item, dict) or ("result" not in item and "error" not in item):
                raise self._unreadable(chain_id, "an answer without a result or an error")
            by_id[item.get("id")] = item
        missing = [i for i in ids if i not in by_id]
        if missing:
            if None in by_id and "error" in by_id[None]:
                self._raise_error(chain_id, "batch", by_id[None]["error"])
            raise self._unreadable(chain_id, f"{len(missing)} call(s) of the batch unanswered")
        return [by_id[i] for i in ids]

    async def _post(self, chain_id: int, payload: object) -> object:
        self.requests += 1
        try:
            response = await self._client.post(placeholder_url(chain_id), json=payload)
        except httpx.TimeoutException:
            raise self._down(
                chain_id, f"chain {chain_id}'s endpoint did not answer within {self._timeout_s:g} s"
            ) from None
        except httpx.HTTPError as error:
            raise self._down(
                chain_id,
                f"chain {chain_id}'s endpoint could not be reached ({type(error).__name__})",
            ) from None
        status = response.status_code
        if status == 200:
            try:
                return response.json()
            except ValueError:
                raise self._unreadable(chain_id, "not JSON") from None
        if status == 429:
            retry = _retry_after(response) or RETRY_AFTER_BUSY_S
            raise self._down(chain_id, f"chain {chain_id}'s endpoint is rate-limiting (429)", retry)
        if status >= 500:
            retry = _retry_after(response) or RETRY_AFTER_DOWN_S
            raise self._down(chain_id, f"chain {chain_id}'s endpoint is failing ({status})", retry)
        if status in (401, 403):
            raise self._down(
                chain_id,
                f"chain {chain_id}'s endpoint refused the credentials ({status}): check "
                "BULWARK_CHAIN_RPC_URLS",
                RETRY_AFTER_CONFIG_S,
            )
        raise self._down(chain_id, f"chain {chain_id}'s endpoint refused the request ({status})")

    def _quantity(self, chain_id: int, method: str, answer: dict[str, Any]) -> int:
        if "error" in answer:
            self._raise_error(chain_id, method, answer["error"])
        try:
            return abi.quantity(answer["result"])
        except abi.AbiError:
            raise self._unreadable(chain_id, f"{method} answered no hex quantity") from None

    def _token_word(self, chain_id: int, token: str, what: str, answer: dict[str, Any]) -> int:
        if "error" in answer:
            error = answer["error"]
            if _is_revert(error):
                raise NotAToken(f"{token} reverted {what}(): not an ERC-20 token", token)
            self._raise_error(chain_id, f"eth_call {what}", error)
        result = answer["result"]
        if result in ("0x", ""):
            raise NotAToken(f"{token} answered {what}() with nothing: no contract there", token)
        try:
            return abi.uint256(result)
        except abi.AbiError:
            raise NotAToken(f"{token} answered {what}() with no uint256", token) from None

    def _raise_error(self, chain_id: int, method: str, error: object) -> None:
        code = error.get("code") if isinstance(error, dict) else None
        message = error.get("message") if isinstance(error, dict) else None
        text = _clean(message)
        if code == LIMIT_EXCEEDED:
            raise self._down(
                chain_id,
                f"chain {chain_id}'s endpoint: limit exceeded ({text})",
                RETRY_AFTER_BUSY_S,
            )
        raise self._down(
            chain_id, f"chain {chain_id}'s endpoint answered {method} with error {code}: {text}"
        )

    def _remember(self, chain_id: int, token: str, meta: _Meta) -> None:
        self._meta[(chain_id, token)] = meta
        self._meta.move_to_end((chain_id, token))
        while len(self._meta) > self._meta_size:
            self._meta.popitem(last=False)

    def _down(
        self, chain_id: int, message: str, retry_after: float = RETRY_AFTER_DOWN_S
    ) -> ChainUnavailable:
        _log.warning("chain_unavailable", chain_id=chain_id, reason=message)
        return ChainUnavailable(message, retry_after=retry_after)

    def _unreadable(self, chain_id: int, what: str) -> ChainUnavailable:
        return self._down(
            chain_id, f"chain {chain_id}'s endpoint answered what cannot be read: {what}"
        )

    def __repr__(self) -> str:
        return f"JsonRpcChain(chains={list(self._ids)})"


def _lacks_method(error: object) -> bool:
    """The node does not offer the method (code -32601, or a message saying so)."""
    if not isinstance(error, dict):
        return False
    message = str(error.get("message", "")).lower()
    return error.get("code") == METHOD_NOT_FOUND or any(w in message for w in _UNSUPPORTED)


def _is_revert(error: object) -> bool:
    if not isinstance(error, dict):
        return False
    message = str(error.get("message", "")).lower()
    return error.get("code") in REVERT_CODES and "revert" in message


def _clean(message: object) -> str:
    """An upstream message made safe to echo: printable, short, URLs cut out."""
    text = str(message) if isinstance(message, str) else "no message"
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    words = ["<url>" if "://" in w else w for w in text.split()]
    joined = " ".join(words)
    return joined[:MAX_MESSAGE] or "no message"


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds (the delta form; an HTTP date is ignored), 1 s to 1 h."""
    try:
        seconds = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None
    return min(max(seconds, 1.0), 3600.0)
