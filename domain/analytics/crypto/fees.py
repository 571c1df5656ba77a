"""Live gas fees of an EIP-1559 chain, from a node's fee history (or its legacy gas price).

A node's `eth_feeHistory(blockCount, newestBlock, rewardPercentiles)` (Ethereum's execution
API) answers, for the `n` blocks ending at `newestBlock`: `baseFeePerGas` with n + 1 entries
(each block's base fee per gas, then the base fee of the block after the newest, which the
node computes by EIP-1559's rule), `gasUsedRatio` (gas used / gas limit per block) and
`reward` (per block, the effective priority fee per gas at each asked percentile of the
block's gas, weighted by gas used). All fees arrive as integer wei per gas.

Conventions of what is computed here:
- gwei = wei / 10^9, exact (the integer's digits and an exponent; never a float);
- `next_base_fee`: the node's extra `baseFeePerGas` entry, as it is;
- `priority_fees[p]`: the median over the blocks of the blocks' p-th percentile reward, empty
  blocks (gas used ratio 0: their rewards are 0 by definition, not a price) left out; an even
  count takes the mean of the two middle values, exact; None when every block was empty;
- `max_fees[p]` = 2 x next_base_fee + priority_fees[p]: a max fee per gas that stays valid
  through six full blocks of +12.5 % base fee each (1.125^6 = 2.03) -- what wallets bid;
- a node without `eth_feeHistory` answers `eth_gasPrice` instead: one legacy price (base
  fee plus a tip, the node's own estimate), with no blocks and no percentiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.wallets import ChainInfo, to_units

GWEI_DECIMALS = 9
MAX_FEE_BLOCKS = 1024  # geth's and most providers' cap on eth_feeHistory's blockCount
MAX_PERCENTILES = 10
DEFAULT_PERCENTILES = (10.0, 50.0, 90.0)
FEE_HISTORY = "eth_feeHistory"
GAS_PRICE = "eth_gasPrice"


@dataclass(frozen=True, slots=True)
class FeeHistory:
    """What a chain answered, in wei per gas: an eth_feeHistory (blocks `oldest_block` ..
    `oldest_block + n - 1`, `base_fees` of n + 1 entries, `gas_used_ratios` and `rewards` of
    n) or, from a node without it, an eth_gasPrice (`gas_price` only). `times`: each block's
    timestamp when asked for, else empty."""

    chain: ChainInfo
    method: str  # FEE_HISTORY or GAS_PRICE
    newest_block: int | None
    oldest_block: int | None = None
    base_fees: tuple[int, ...] = ()
    gas_used_ratios: tuple[float, ...] = ()
    rewards: tuple[tuple[int, ...], ...] = ()
    percentiles: tuple[float, ...] = ()
    gas_price: int | None = None
    times: tuple[datetime, ...] = ()

    @property
    def block_count(self) -> int:
        return len(self.gas_used_ratios)


@dataclass(frozen=True, slots=True)
class BlockFees:
    number: int
    base_fee: Decimal  # gwei
    gas_used_ratio: float
    priority_fees: tuple[Decimal, ...]  # gwei, one per asked percentile


@dataclass(frozen=True, slots=True)
class PercentileFee:
    percentile: float
    priority_fee: Decimal | None  # gwei, the median over non-empty blocks
    max_fee: Decimal | None  # gwei, 2 x next_base_fee + priority_fee


@dataclass(frozen=True, slots=True)
class GasFees:
    chain: ChainInfo
    method: str
    newest_block: int | None
    blocks: tuple[BlockFees, ...]
    next_base_fee: Decimal | None  # gwei
    percentiles: tuple[PercentileFee, ...]
    gas_price: Decimal | None  # gwei (eth_gasPrice only)


def gwei(wei: int) -> Decimal:
    """`wei` as exact gwei: 22500000000 -> Decimal('22.5')."""
    return to_units(wei, GWEI_DECIMALS)


def check_percentiles(percentiles: tuple[float, ...]) -> None:
    """0 to 100, strictly increasing (as eth_feeHistory requires), at most MAX_PERCENTILES."""
    if len(percentiles) > MAX_PERCENTILES:
        raise InvalidCryptoInput(f"at most {MAX_PERCENTILES} percentiles", field="percentiles")
    previous = -1.0
    for i, p in enumerate(percentiles):
        if not 0 <= p <= 100 or p <= previous:
            raise InvalidCryptoInput(
                "percentiles must be 0 to 100, strictly increasing", field=f"percentiles[{i}]"
            )
        previous = p


def median(values: list[Decimal]) -> Decimal | None:
    """The exact median (the mean of the two middle values for an even count)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def gas_fees(history: FeeHistory) -> GasFees:
    """The fees in gwei with their summaries (module doc)."""
    if history.method == GAS_PRICE:
        price = None if history.gas_price is None else gwei(history.gas_price)
        return GasFees(history.chain, GAS_PRICE, history.newest_block, (), None, (), price)
    first = history.oldest_block or 0
    blocks = tuple(
        BlockFees(
            first + i,
            gwei(history.base_fees[i]),
            history.gas_used_ratios[i],
            tuple(gwei(r) for r in history.rewards[i]) if history.rewards else (),
        )
        for i in range(history.block_count)
    )
    next_base = gwei(history.base_fees[-1]) if history.base_fees else None
    busy = [b for b in blocks if b.gas_used_ratio > 0]
    summaries = []
    for k, p in enumerate(history.percentiles):
        tip = median([b.priority_fees[k] for b in busy if len(b.priority_fees) > k])
        cap = None if tip is None or next_base is None else 2 * next_base + tip
        summaries.append(PercentileFee(p, tip, cap))
    return GasFees(
        history.chain, FEE_HISTORY, history.newest_block, blocks, next_base, tuple(summaries), None
    )
