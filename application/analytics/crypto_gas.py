"""Live gas of a chain through the ChainPort: the fees now, and the gas analytics on them.

- `fees(chain_id, blocks, percentiles)`: the fee history of the latest `blocks` blocks
  (1 to MAX_FEE_BLOCKS) with the priority fees at `percentiles`, in exact gwei with their
  summaries (domain/analytics/crypto/fees.py names the conventions); a node without
  eth_feeHistory answers its eth_gasPrice.
- `history_report(chain_id, blocks, ...)`: the existing gas analytics (spikes by rolling
  z-score, the cheapest hours of the week: application/analytics/crypto.py) on the chain's own
  series instead of a posted one: each block's base fee per gas in gwei at the block's
  timestamp. A node without eth_feeHistory has no series: 422 naming `chain_id`.

Refusals: 422 INVALID_CRYPTO_INPUT naming `blocks` / `percentiles[i]`; 404 UNKNOWN_CHAIN naming
`chain_id`; 503 CHAIN_UNAVAILABLE with Retry-After.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from application.analytics.crypto import CryptoAnalyticsService, GasReport, GasRequest
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.fees import (
    DEFAULT_PERCENTILES,
    GAS_PRICE,
    MAX_FEE_BLOCKS,
    GasFees,
    check_percentiles,
    gas_fees,
    gwei,
)
from ports.analytics.chain import ChainPort


@dataclass(frozen=True, slots=True)
class ChainGasRequest:
    """The gas analytics on a chain's latest `blocks` blocks (the other fields as GasRequest)."""

    chain_id: int
    blocks: int = 256
    window: int = 24
    threshold: float = 3.0
    hours: int = 1
    min_samples: int = 1
    timezone: str = "UTC"


@dataclass(eq=False)
class LiveGasService:
    chain: ChainPort
    crypto: CryptoAnalyticsService

    async def fees(
        self, chain_id: int, blocks: int = 20, percentiles: Sequence[float] = DEFAULT_PERCENTILES
    ) -> GasFees:
        _blocks(blocks)
        asked = tuple(float(p) for p in percentiles)
        check_percentiles(asked)
        return gas_fees(await self.chain.fee_history(chain_id, blocks, asked))

    async def history_report(self, request: ChainGasRequest) -> GasReport:
        _blocks(request.blocks)
        history = await self.chain.fee_history(
            request.chain_id, request.blocks, (), with_times=True
        )
        if history.method == GAS_PRICE:
            raise InvalidCryptoInput(
                f"chain {request.chain_id}'s node has no eth_feeHistory: no series to analyse",
                field="chain_id",
            )
        series = GasRequest(
            at=history.times,
            gwei=[float(gwei(fee)) for fee in history.base_fees[: history.block_count]],
            window=request.window,
            threshold=request.threshold,
            hours=request.hours,
            min_samples=request.min_samples,
            timezone=request.timezone,
        )
        return await self.crypto.gas(series)


def _blocks(blocks: int) -> None:
    if not 1 <= blocks <= MAX_FEE_BLOCKS:
        raise InvalidCryptoInput(f"blocks must be 1 to {MAX_FEE_BLOCKS}", field="blocks")
