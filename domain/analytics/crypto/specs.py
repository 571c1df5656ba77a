"""The wire ranges of crypto inputs (checked at the API boundary by domain.numbers' parser).

Pool prices and token amounts span far more than the equity specs: a token1-per-token0 price
can be 1e-12 (a meme coin in ETH) or 1e9, and token amounts carry up to 18 decimals.
"""

from __future__ import annotations

from domain.numbers import number_spec

POOL_PRICE = number_spec(
    "pool_price",
    "A pool price (token1 per token0), greater than 0 and at most 1e30, 30 decimal places",
    0,
    "1e30",
    places=30,
)
TOKEN_AMOUNT = number_spec(
    "token_amount",
    "An amount of a token or of value, greater than 0 and at most 1e30, 18 decimal places",
    0,
    "1e30",
    places=18,
)
TVL = number_spec(
    "tvl",
    "A total value locked, 0 or more and at most 1e30, 18 decimal places",
    0,
    "1e30",
    above_low=False,
    places=18,
)
