"""/api/v1/analytics/crypto: impermanent loss, pool drains, gas, multi-chain wallet balances.

Calculations on posted figures (nothing stored) and reads of public chain state through the
ChainPort (BULWARK_CHAIN_SOURCE=fixture: a file; rpc: JSON-RPC endpoints). docs/crypto-defi.md.
"""

from __future__ import annotations

from typing import Any

from litestar import get
from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.crypto_schemas import (
    GasIn,
    GasOut,
    ImpermanentLossIn,
    ImpermanentLossOut,
    PoolDrainIn,
    PoolDrainOut,
)
from adapters.http.analytics.crypto_wallets_schemas import (
    EvmChainOut,
    EvmChainsOut,
    WalletBalancesIn,
    WalletBalancesOut,
)
from adapters.http.problems import on_source_unavailable, problem_responses
from adapters.http.shared_calculations import calculation
from application.analytics.crypto import (
    MAX_GAS_POINTS,
    MAX_GAS_WORK,
    MAX_PRICES,
    MAX_TVL_POINTS,
)
from application.analytics.crypto_wallets import (
    MAX_TOKENS,
    MAX_TOKENS_PER_WALLET,
    MAX_WALLETS,
)
from ports.analytics.chain import ChainUnavailable

SERIES_MAX_BYTES = 16 * 1024 * 1024  # 200,000 timestamped prices fit in ~10 MB of JSON
_INVALID = "INVALID_CRYPTO_INPUT naming the field"
_UNAVAILABLE = (
    "CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout, a refused "
    "or failing endpoint, a JSON-RPC error, an endpoint serving another chain)"
)


class CryptoController(AnalyticsController):
    """Crypto and DeFi analytics; every POST is a calculation or a read (nothing stored)."""

    path = "/analytics/crypto"

    @calculation(
        "/impermanent-loss",
        summary="Impermanent loss of a v2 (constant product) or v3 (range) position vs holding",
        description=(
            "A position opened at `entry_price` (token1 per token0) with `deposit` (token1), "
            "over the full range (Uniswap v2) or `range` [lower, upper] (v3), valued at each of "
            f"`prices` (1 to {MAX_PRICES:,}) against holding the entry amounts: token amounts, "
            "LP and hold values, the loss and IL = lp / hold - 1 (<= 0; fees not counted). "
            f"Exact Decimals (34 digits). 422 {_INVALID} (`prices[3]`, `range.lower`, ...)."
        ),
        responses=problems(400, 422, notes={422: _INVALID}),
    )
    async def compute_impermanent_loss(
        self, data: JSONBody[ImpermanentLossIn], analytics: AnalyticsDep
    ) -> ImpermanentLossOut:
        report = await analytics.crypto.impermanent_loss(data.to_request())
        return ImpermanentLossOut.from_domain(report)

    @calculation(
        "/pool-drain",
        summary="Pool-drain alerts: TVL falling by `threshold` or more within `window_hours`",
        description=(
            "A pool's TVL series (`at` and `tvl` pair up, 2 to "
            f"{MAX_TVL_POINTS:,}, times strictly increasing with a zone). At each time the drop "
            "from the highest TVL of the trailing window; consecutive observations with a drop "
            ">= `threshold` make one alert (start, end, peak, trough, deepest drop). `alerting`: "
            f"the last observation breaches. 422 {_INVALID} (`at[5]`, `tvl[2]`, ...); bodies up "
            f"to {SERIES_MAX_BYTES // 1_048_576} MiB."
        ),
        request_max_body_size=SERIES_MAX_BYTES,
        responses=problems(400, 413, 422, notes={422: _INVALID}),
    )
    async def detect_pool_drains(
        self, data: JSONBody[PoolDrainIn], analytics: AnalyticsDep
    ) -> PoolDrainOut:
        report = await analytics.crypto.pool_drain(data.to_request())
        return PoolDrainOut.from_domain(report)

    @calculation(
        "/gas",
        summary="Gas spikes (rolling z-score) and the cheapest hours of the week to transact",
        description=(
            f"A gas-price history in gwei (`at` and `gwei` pair up, up to {MAX_GAS_POINTS:,}, "
            "times strictly increasing), or `chain_id` instead: the chain's latest `blocks` "
            "blocks read live (eth_feeHistory), each block's base fee per gas at its timestamp "
            "(404 UNKNOWN_CHAIN; 503 CHAIN_UNAVAILABLE with Retry-After, a fixture chain without "
            "gas fees). Each observation's z-score against the `window` "
            "observations before it (a spike when z > `threshold`), and the cheapest block of "
            "`hours` consecutive hours of the week by hourly median in `timezone` (IANA, "
            f"default UTC). window x observations <= {MAX_GAS_WORK:,}. 422 {_INVALID}."
        ),
        request_max_body_size=SERIES_MAX_BYTES,
        exception_handlers={ChainUnavailable: on_source_unavailable},
        responses=problems(
            400, 404, 413, 422, notes={404: "UNKNOWN_CHAIN", 422: _INVALID, 503: _UNAVAILABLE}
        ),
    )
    async def analyze_gas_prices(self, data: JSONBody[GasIn], analytics: AnalyticsDep) -> GasOut:
        on_chain = data.to_chain_request()
        if on_chain is not None:
            report = await analytics.crypto_gas.history_report(on_chain)
        else:
            report = await analytics.crypto.gas(data.to_request())
        return GasOut.from_domain(report)

    @get(
        "/chains",
        summary="The chains whose wallets this instance reads",
        description="Chain ids, names and native assets of the configured chain source.",
        responses=problem_responses(401, 403, 429),
    )
    async def list_crypto_chains(self, analytics: AnalyticsDep) -> EvmChainsOut:
        wallets = analytics.crypto_wallets
        return EvmChainsOut(
            source=wallets.source, chains=[EvmChainOut.from_domain(c) for c in wallets.chains()]
        )

    @calculation(
        "/wallets/balances",
        summary="Native and ERC-20 balances of wallets on several chains, valued",
        description=(
            f"1 to {MAX_WALLETS} wallets (`chain_id`, `address`, `tokens`: at most "
            f"{MAX_TOKENS_PER_WALLET} ERC-20 contracts each, {MAX_TOKENS} in all). Each chain "
            "is read at one block: eth_getBalance and balanceOf / decimals / symbol. Amounts "
            "are exact (raw / 10^decimals); assets are valued at the reference price of an "
            "instrument named like their symbol when there is one. 404 UNKNOWN_CHAIN naming "
            "`wallets[i].chain_id`; 422 NOT_AN_ERC20_TOKEN naming `wallets[i].tokens[j]`; "
            f"422 {_INVALID}; 503 {_UNAVAILABLE}."
        ),
        exception_handlers={ChainUnavailable: on_source_unavailable},
        responses=problems(400, 404, 422, notes={404: "UNKNOWN_CHAIN", 503: _UNAVAILABLE}),
    )
    async def read_wallet_balances(
        self, data: JSONBody[WalletBalancesIn], analytics: AnalyticsDep
    ) -> WalletBalancesOut:
        balances = await analytics.crypto_wallets.balances(data.to_requests())
        return WalletBalancesOut.from_domain(balances)


CONTROLLERS: list[Any] = [CryptoController]
