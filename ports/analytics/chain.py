"""ChainPort: balances of EVM wallets (the native asset and ERC-20 tokens) on several chains.

Amounts are integers of the asset's smallest unit, exactly as the chain holds them (wei for
ether; an ERC-20 token's own `decimals()`), read at one block per chain so that a wallet's
balances belong together; and a chain's recent gas fees (`fee_history`: eth_feeHistory, or
eth_gasPrice from a node without it; domain/analytics/crypto/fees.py). Two adapters: an EVM
JSON-RPC client (adapters/chain/jsonrpc.py: eth_getBalance, eth_call of balanceOf / decimals /
symbol, eth_feeHistory) and a fixture file (adapters/chain/fixture.py, offline). The
application turns units into Decimals (domain/analytics/crypto/wallets.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.analytics.crypto.fees import FeeHistory
from domain.analytics.crypto.wallets import ChainInfo
from domain.errors import DomainError, NotFound


@dataclass(frozen=True, slots=True)
class WalletQuery:
    """A wallet to read: its lower-case 0x address and the ERC-20 contracts to read in it."""

    address: str
    tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TokenBalance:
    """An ERC-20 balance: the contract, the raw amount, `decimals()` and `symbol()` (None
    when the contract has no readable symbol)."""

    token: str
    raw: int
    decimals: int
    symbol: str | None


@dataclass(frozen=True, slots=True)
class WalletState:
    address: str
    native_raw: int  # wei (or the chain's native smallest unit)
    tokens: tuple[TokenBalance, ...]  # in the order asked


@dataclass(frozen=True, slots=True)
class ChainSnapshot:
    """Every asked wallet of one chain at one block (`block` None: the source has none)."""

    chain: ChainInfo
    block: int | None
    wallets: tuple[WalletState, ...]  # in the order asked


class UnknownChain(NotFound):
    """No source is configured for this chain id (404 naming it)."""

    code = "UNKNOWN_CHAIN"


class NotAToken(DomainError):
    """A contract did not answer balanceOf / decimals like an ERC-20 token (reverted, empty
    code, a malformed answer): 422 naming the token; `token` is its address."""

    code = "NOT_AN_ERC20_TOKEN"

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


class ChainUnavailable(DomainError):
    """The chain's source cannot answer now (a timeout, a refused or failing endpoint, a
    JSON-RPC error that is not about the request, an answer that cannot be read, an endpoint
    serving another chain id); 503 with Retry-After (`retry_after`, seconds)."""

    code = "CHAIN_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 30.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ChainPort(Protocol):
    """The contract both adapters keep (tests/integration/test_chain_jsonrpc.py and
    tests/unit/analytics/crypto/test_chain_fixture.py run it).

    `chains()`: the chains this source serves, by chain id.
    `snapshot(chain_id, wallets)`: each wallet's native and token balances at one block of
    that chain, in the order asked. UnknownChain for a chain it does not serve; NotAToken
    for a contract that is not an ERC-20 token; ChainUnavailable when the source fails
    (never a bare transport error).
    `fee_history(chain_id, blocks, percentiles, with_times=...)`: the fee history of the
    `blocks` latest blocks (fewer when the node has fewer) with the priority fees at
    `percentiles` (0..100, increasing), the blocks' timestamps too when `with_times`; from a
    node without eth_feeHistory its eth_gasPrice. UnknownChain, ChainUnavailable as above (a
    fixture chain without fees in its file: ChainUnavailable saying so).
    `name`: "jsonrpc" or "fixture", for responses and logs.
    """

    name: str

    def chains(self) -> tuple[ChainInfo, ...]: ...

    async def snapshot(self, chain_id: int, wallets: Sequence[WalletQuery]) -> ChainSnapshot: ...

    async def fee_history(
        self,
        chain_id: int,
        blocks: int,
        percentiles: Sequence[float],
        *,
        with_times: bool = False,
    ) -> FeeHistory: ...
