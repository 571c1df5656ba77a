"""A JSON file of chain state as a ChainPort (offline; BULWARK_CHAIN_FIXTURE_FILE).

The file (the shipped SYNTHETIC sample: data/crypto/wallets.json, described in its README):

    {"synthetic": true,
     "chains": [{"chain_id": 1, "block": 21000000,
                 "tokens": {"0xa0b8...eb48": {"symbol": "USDC", "decimals": 6}},
                 "wallets": {"0x...a11ce": {"native": "1500000000000000000",
                                            "tokens": {"0xa0b8...eb48": "2500000000"}}}}]}

Amounts are decimal strings of the smallest unit (a uint256 does not fit a JSON number
safely). A wallet the file does not list holds nothing (as a chain answers for an unused
address); a token the file does not list is NotAToken (as a chain answers for an address
without a contract). A chain may hold a fee history too, in wei as decimal strings:

    "fees": {"time": 1736164800, "base_fee_per_gas": ["20000000000", ...],  # n + 1
             "gas_used_ratio": [1.0, ...], "reward_percentiles": [10, 50, 90],
             "reward": [["1000000000", "2000000000", "5000000000"], ...]}     # n lists

for the n blocks ending at `block` (`time`: the unix time of `block`, 12 s a block before
it); fee_history answers its latest blocks at the percentiles it holds (another percentile is
422 naming it). A chain without "fees" answers ChainUnavailable saying so. The file is read
on first use and again when it changes; a file that cannot be read or does not follow this
shape is ChainUnavailable naming what is wrong.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.fees import FEE_HISTORY, FeeHistory
from domain.analytics.crypto.wallets import (
    MAX_DECIMALS,
    MAX_UINT256,
    ChainInfo,
    chain_info,
    parse_address,
)
from ports.analytics.chain import (
    ChainSnapshot,
    ChainUnavailable,
    NotAToken,
    TokenBalance,
    UnknownChain,
    WalletQuery,
    WalletState,
)

_DIGITS = re.compile(r"^[0-9]{1,78}$")


@dataclass(frozen=True, slots=True)
class _Chain:
    info: ChainInfo
    block: int | None
    tokens: dict[str, tuple[str | None, int]]  # address -> (symbol, decimals)
    wallets: dict[str, tuple[int, dict[str, int]]]  # address -> (native, token -> raw)
    fees: _Fees | None = None


@dataclass(frozen=True, slots=True)
class _Fees:
    time: int
    base_fees: tuple[int, ...]  # n + 1
    ratios: tuple[float, ...]  # n
    percentiles: tuple[float, ...]
    rewards: tuple[tuple[int, ...], ...]  # n x percentiles


class FixtureChain:
    """ChainPort over a JSON file of balances (module doc)."""

    name = "fixture"

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        self._loaded: tuple[int, dict[int, _Chain]] | None = None

    def chains(self) -> tuple[ChainInfo, ...]:
        try:
            chains = self._load()
        except ChainUnavailable:
            return ()
        return tuple(chains[c].info for c in sorted(chains))

    async def snapshot(self, chain_id: int, wallets: Sequence[WalletQuery]) -> ChainSnapshot:
        chains = await asyncio.to_thread(self._load)
        chain = chains.get(chain_id)
        if chain is None:
            raise UnknownChain(f"the fixture has no chain {chain_id}", field="chain_id")
        states = []
        for wallet in wallets:
            native, held = chain.wallets.get(wallet.address, (0, {}))
            tokens = []
            for token in wallet.tokens:
                meta = chain.tokens.get(token)
                if meta is None:
                    raise NotAToken(f"{token} is not a token of chain {chain_id}", token)
                tokens.append(TokenBalance(token, held.get(token, 0), meta[1], meta[0]))
            states.append(WalletState(wallet.address, native, tuple(tokens)))
        return ChainSnapshot(chain.info, chain.block, tuple(states))

    async def fee_history(
        self,
        chain_id: int,
        blocks: int,
        percentiles: Sequence[float],
        *,
        with_times: bool = False,
    ) -> FeeHistory:
        """The file holds balances, not fees: ChainUnavailable saying what to configure."""
        chains = await asyncio.to_thread(self._load)
        chain = chains.get(chain_id)
        if chain is None:
            raise UnknownChain(f"the fixture has no chain {chain_id}", field="chain_id")
        fees = chain.fees
        if fees is None or chain.block is None:
            raise ChainUnavailable(
                f"the chain fixture holds no gas fees of chain {chain_id}: live gas needs "
                'BULWARK_CHAIN_SOURCE=rpc, or a "fees" entry in the file',
                300.0,
            )
        columns = []
        for i, p in enumerate(percentiles):
            if float(p) not in fees.percentiles:
                held = ", ".join(f"{q:g}" for q in fees.percentiles)
                raise InvalidCryptoInput(
                    f"the chain fixture holds rewards at {held} only", field=f"percentiles[{i}]"
                )
            columns.append(fees.percentiles.index(float(p)))
        n = min(blocks, len(fees.ratios))
        oldest = chain.block - n + 1
        times: tuple[datetime, ...] = ()
        if with_times:
            head = datetime.fromtimestamp(fees.time, UTC)
            times = tuple(head - timedelta(seconds=12 * (n - 1 - i)) for i in range(n))
        return FeeHistory(
            chain.info, FEE_HISTORY, chain.block, oldest, fees.base_fees[-n - 1 :],
            fees.ratios[-n:], tuple(tuple(r[c] for c in columns) for r in fees.rewards[-n:])
            if columns else (), tuple(float(p) for p in percentiles), times=times,
        )  # fmt: skip

    def _load(self) -> dict[int, _Chain]:
        try:
            stamp = self._path.stat().st_mtime_ns
        except OSError:
            raise self._bad("cannot be read") from None
        if self._loaded is not None and self._loaded[0] == stamp:
            return self._loaded[1]
        try:
            body = json.loads(self._path.read_bytes())
        except (OSError, ValueError):
            raise self._bad("is not readable JSON") from None
        chains = _parse(body, self._bad)
        self._loaded = (stamp, chains)
        return chains

    def _bad(self, what: str) -> ChainUnavailable:
        return ChainUnavailable(f"the chain fixture file {self._path.name} {what}", 300.0)


def _parse(body: Any, bad: Any) -> dict[int, _Chain]:
    if not isinstance(body, dict) or not isinstance(body.get("chains"), list):
        raise bad('has no "chains" list')
    found: dict[int, _Chain] = {}
    for n, item in enumerate(body["chains"]):
        where = f"chains[{n}]"
        if not isinstance(item, dict) or not _is_int(item.get("chain_id")):
            raise bad(f"{where}: no integer chain_id")
        chain_id = item["chain_id"]
        block = item.get("block")
        if block is not None and not _is_int(block):
            raise bad(f"{where}.block: not an integer")
        tokens: dict[str, tuple[str | None, int]] = {}
        for address, meta in _object(item.get("tokens", {}), f"{where}.tokens", bad).items():
            token = _address(address, f"{where}.tokens", bad)
            if not isinstance(meta, dict) or not _is_int(meta.get("decimals")):
                raise bad(f"{where}.tokens.{address}: no integer decimals")
            if not 0 <= meta["decimals"] <= MAX_DECIMALS:
                raise bad(f"{where}.tokens.{address}: decimals must be 0 to {MAX_DECIMALS}")
            symbol = meta.get("symbol")
            tokens[token] = (symbol if isinstance(symbol, str) else None, meta["decimals"])
        wallets: dict[str, tuple[int, dict[str, int]]] = {}
        for address, held in _object(item.get("wallets", {}), f"{where}.wallets", bad).items():
            owner = _address(address, f"{where}.wallets", bad)
            if not isinstance(held, dict):
                raise bad(f"{where}.wallets.{address}: not an object")
            native = _amount(held.get("native", "0"), f"{where}.wallets.{address}.native", bad)
            balances = {
                _address(t, f"{where}.wallets.{address}.tokens", bad): _amount(
                    raw, f"{where}.wallets.{address}.tokens.{t}", bad
                )
                for t, raw in _object(held.get("tokens", {}), where, bad).items()
            }
            wallets[owner] = (native, balances)
        fees = None
        if "fees" in item:
            fees = _fees(item["fees"], f"{where}.fees", bad)
        found[chain_id] = _Chain(chain_info(chain_id), block, tokens, wallets, fees)
    return found


def _fees(value: object, where: str, bad: Any) -> _Fees:
    held = _object(value, where, bad)
    if not _is_int(held.get("time")):
        raise bad(f"{where}.time: not a unix time")
    ratios = held.get("gas_used_ratio")
    if (
        not isinstance(ratios, list)
        or not ratios
        or any(
            isinstance(r, bool) or not isinstance(r, int | float) or not 0 <= r <= 1 for r in ratios
        )
    ):
        raise bad(f"{where}.gas_used_ratio: not a list of fractions 0 to 1")
    base = held.get("base_fee_per_gas")
    if not isinstance(base, list) or len(base) != len(ratios) + 1:
        raise bad(f"{where}.base_fee_per_gas: not one more entry than gas_used_ratio")
    percentiles = held.get("reward_percentiles", [])
    if not isinstance(percentiles, list) or any(
        isinstance(p, bool) or not isinstance(p, int | float) for p in percentiles
    ):
        raise bad(f"{where}.reward_percentiles: not a list of numbers")
    rewards = held.get("reward", [])
    if not isinstance(rewards, list) or (percentiles and len(rewards) != len(ratios)):
        raise bad(f"{where}.reward: not one list per block")
    paid = []
    for i, row in enumerate(rewards):
        if not isinstance(row, list) or len(row) != len(percentiles):
            raise bad(f"{where}.reward[{i}]: not one reward per percentile")
        paid.append(tuple(_amount(r, f"{where}.reward[{i}]", bad) for r in row))
    return _Fees(
        held["time"],
        tuple(_amount(b, f"{where}.base_fee_per_gas", bad) for b in base),
        tuple(float(r) for r in ratios),
        tuple(float(p) for p in percentiles),
        tuple(paid),
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _object(value: object, where: str, bad: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise bad(f"{where}: not an object")
    return value


def _address(text: str, where: str, bad: Any) -> str:
    try:
        return parse_address(text, where)
    except InvalidCryptoInput:
        raise bad(f"{where}: {text[:50]!r} is not an address") from None


def _amount(value: object, where: str, bad: Any) -> int:
    if not isinstance(value, str) or _DIGITS.fullmatch(value) is None:
        raise bad(f"{where}: not a decimal string of the smallest unit")
    amount = int(value)
    if amount > MAX_UINT256:
        raise bad(f"{where}: larger than a uint256")
    return amount
