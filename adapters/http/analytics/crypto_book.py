"""/api/v1/crypto: a user's stored crypto wallets, their aggregated portfolio, live gas.

Stored wallets are the caller's own (another user's id answers 404 as an unknown one; agents
get 403: a person's wallets are not an agent's to read or keep). The portfolio reads all of
them at once through the chain source; live gas is eth_feeHistory through the same source.
docs/crypto-defi.md.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from adapters.http.analytics import AnalyticsController, AnalyticsDep
from adapters.http.analytics.crypto_book_schemas import (
    CryptoPortfolioOut,
    CryptoWalletChangeIn,
    CryptoWalletIn,
    CryptoWalletListOut,
    CryptoWalletOut,
    GasFeesOut,
)
from adapters.http.deps import CallerDep
from adapters.http.problems import on_source_unavailable, problem_responses
from adapters.http.security import reject_agents
from application.analytics.crypto_wallets import MAX_TOKENS, MAX_TOKENS_PER_WALLET, MAX_WALLETS
from domain.analytics.crypto.fees import MAX_FEE_BLOCKS, MAX_PERCENTILES
from ports.analytics.chain import ChainUnavailable

WalletId = Annotated[str, PathParameter(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
_INVALID = "INVALID_CRYPTO_INPUT naming the field"
_UNAVAILABLE = (
    "CHAIN_UNAVAILABLE with Retry-After: the chain source cannot answer (a timeout, a refused "
    "or failing endpoint, a JSON-RPC error; a fixture chain without gas fees)"
)
_NOT_FOUND = "CRYPTO_WALLET_NOT_FOUND (another user's wallet too)"


class CryptoWalletController(Controller):
    """The caller's stored wallets and their portfolio; agents get 403."""

    path = "/crypto"
    guards = (reject_agents,)

    @post(
        "/wallets",
        summary="Keep a crypto wallet: a chain, an address, a label, the ERC-20 tokens to read",
        description=(
            f"At most {MAX_WALLETS} wallets a user, {MAX_TOKENS_PER_WALLET} tokens a wallet, "
            f"{MAX_TOKENS} in all. The address is 0x and 40 hex digits, kept lower-case. 404 "
            "UNKNOWN_CHAIN for a chain the chain source does not serve; 409 "
            "CRYPTO_WALLET_EXISTS for an address of that chain kept already, "
            f"TOO_MANY_CRYPTO_WALLETS past the limits; 422 {_INVALID}. Audited."
        ),
        status_code=201,
        responses=problem_responses(
            400, 401, 403, 404, 409, 422, 429,
            notes={404: "UNKNOWN_CHAIN", 409: "CRYPTO_WALLET_EXISTS, TOO_MANY_CRYPTO_WALLETS",
                   422: _INVALID},
        ),
    )  # fmt: skip
    async def create_crypto_wallet(
        self, data: JSONBody[CryptoWalletIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> CryptoWalletOut:
        created = await analytics.crypto_wallet_book.create(caller.principal, data.to_new())
        return CryptoWalletOut.from_domain(created)

    @get(
        "/wallets",
        summary="The caller's stored crypto wallets, oldest first",
        responses=problem_responses(401, 403, 429),
    )
    async def list_crypto_wallets(
        self, caller: CallerDep, analytics: AnalyticsDep
    ) -> CryptoWalletListOut:
        found = await analytics.crypto_wallet_book.list_for(caller.principal)
        return CryptoWalletListOut.of(found)

    @get(
        "/wallets/{wallet_id:str}",
        summary="One of the caller's stored crypto wallets",
        responses=problem_responses(400, 401, 403, 404, 429, notes={404: _NOT_FOUND}),
    )
    async def get_crypto_wallet(
        self, wallet_id: WalletId, caller: CallerDep, analytics: AnalyticsDep
    ) -> CryptoWalletOut:
        found = await analytics.crypto_wallet_book.get(caller.principal, wallet_id)
        return CryptoWalletOut.from_domain(found)

    @patch(
        "/wallets/{wallet_id:str}",
        summary="Change a stored wallet's label or its tokens",
        description=(
            "`tokens` replaces the whole list. To move a wallet to another chain or address, "
            f"delete it and keep a new one. 409 TOO_MANY_CRYPTO_WALLETS past {MAX_TOKENS} "
            f"tokens in all; 422 {_INVALID}. Audited."
        ),
        responses=problem_responses(
            400, 401, 403, 404, 409, 422, 429,
            notes={404: _NOT_FOUND, 409: "TOO_MANY_CRYPTO_WALLETS", 422: _INVALID},
        ),
    )  # fmt: skip
    async def change_crypto_wallet(
        self,
        wallet_id: WalletId,
        data: JSONBody[CryptoWalletChangeIn],
        caller: CallerDep,
        analytics: AnalyticsDep,
    ) -> CryptoWalletOut:
        changed = await analytics.crypto_wallet_book.change(
            caller.principal, wallet_id, data.to_change()
        )
        return CryptoWalletOut.from_domain(changed)

    @delete(
        "/wallets/{wallet_id:str}",
        summary="Forget one of the caller's stored crypto wallets",
        description="Audited.",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404, 429, notes={404: _NOT_FOUND}),
    )
    async def delete_crypto_wallet(
        self, wallet_id: WalletId, caller: CallerDep, analytics: AnalyticsDep
    ) -> None:
        await analytics.crypto_wallet_book.delete(caller.principal, wallet_id)

    @get(
        "/portfolio",
        summary="The caller's crypto portfolio: every stored wallet read and added up per asset",
        description=(
            "All the caller's stored wallets read at once (the chains concurrently, one block "
            "per chain, named in `chains`), valued at reference prices, and added up per asset "
            "across wallets and chains: amount, value, share of the priced total, the holdings "
            "behind it; `unpriced` lists the assets without a price. No wallet: an empty "
            "portfolio. A field of a refusal names the stored wallet (`wallets[<id>].tokens[j]`). "
            f"404 UNKNOWN_CHAIN; 422 NOT_AN_ERC20_TOKEN; 503 {_UNAVAILABLE}."
        ),
        exception_handlers={ChainUnavailable: on_source_unavailable},
        responses=problem_responses(
            401, 403, 404, 422, 429, 503,
            notes={404: "UNKNOWN_CHAIN", 422: "NOT_AN_ERC20_TOKEN", 503: _UNAVAILABLE},
        ),
    )  # fmt: skip
    async def read_crypto_portfolio(
        self, caller: CallerDep, analytics: AnalyticsDep
    ) -> CryptoPortfolioOut:
        portfolio = await analytics.crypto_wallet_book.portfolio(caller.principal)
        return CryptoPortfolioOut.from_domain(portfolio)


class LiveGasController(AnalyticsController):
    """Live gas fees of a chain (public chain state: any reader, agents included)."""

    path = "/crypto"

    @get(
        "/gas",
        summary="Live gas fees of a chain: base fees, priority-fee percentiles, the next base fee",
        description=(
            f"eth_feeHistory of the latest `blocks` blocks (1 to {MAX_FEE_BLOCKS}; fewer when "
            "the node has fewer) with the priority fees at `percentiles` (0 to 100, strictly "
            f"increasing, at most {MAX_PERCENTILES}; default 10, 50, 90), in exact gwei: each "
            "block's base fee, gas used ratio and rewards; per percentile the median priority "
            "fee and a max fee (2 x next base fee + priority fee); the next block's base fee. A "
            "node without eth_feeHistory answers its eth_gasPrice (`method`). 404 UNKNOWN_CHAIN; "
            f"422 {_INVALID}; 503 {_UNAVAILABLE}."
        ),
        exception_handlers={ChainUnavailable: on_source_unavailable},
        responses=problem_responses(
            400, 401, 403, 404, 422, 429, 503,
            notes={404: "UNKNOWN_CHAIN", 422: _INVALID, 503: _UNAVAILABLE},
        ),
    )  # fmt: skip
    async def read_live_gas_fees(
        self,
        analytics: AnalyticsDep,
        chain_id: Annotated[int, QueryParameter(ge=1, le=2**53)],
        blocks: Annotated[int, QueryParameter(ge=1, le=MAX_FEE_BLOCKS)] = 20,
        percentiles: Annotated[
            list[float] | None, QueryParameter(max_items=MAX_PERCENTILES)
        ] = None,
    ) -> GasFeesOut:
        asked = (10.0, 50.0, 90.0) if percentiles is None else tuple(percentiles)
        fees = await analytics.crypto_gas.fees(chain_id, blocks, asked)
        return GasFeesOut.from_domain(fees)


CONTROLLERS: list[Any] = [CryptoWalletController, LiveGasController]
