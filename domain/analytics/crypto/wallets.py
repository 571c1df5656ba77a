"""EVM wallets: addresses, chains, and token units as exact Decimals.

An address is 0x and 40 hex digits; it is kept lower-case (EIP-55's mixed-case checksum is
not verified: that needs Keccak-256, which the standard library lacks; a checksummed address
is accepted and folded). A balance arrives as an integer count of the asset's smallest unit
(wei for ether: 1 ETH = 10^18 wei; an ERC-20 token's `decimals()` says its own) and becomes
`raw / 10^decimals` exactly: the Decimal is built from the integer's digits and an exponent,
never through a float or a rounding context, so a uint256 keeps all of its 78 digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.crypto.errors import InvalidCryptoInput

_ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")
MAX_UINT256 = (1 << 256) - 1
MAX_DECIMALS = 77  # a uint8 in ERC-20; beyond 77 no uint256 has a whole unit
NATIVE_DECIMALS = 18


@dataclass(frozen=True, slots=True)
class ChainInfo:
    """An EVM chain: its EIP-155 id, a name, the native asset's symbol and decimals."""

    chain_id: int
    name: str
    native_symbol: str
    native_decimals: int = NATIVE_DECIMALS


# Chain ids from the chainlist registry (https://github.com/ethereum-lists/chains).
KNOWN_CHAINS: dict[int, ChainInfo] = {
    c.chain_id: c
    for c in (
        ChainInfo(1, "Ethereum", "ETH"),
        ChainInfo(10, "OP Mainnet", "ETH"),
        ChainInfo(56, "BNB Smart Chain", "BNB"),
        ChainInfo(100, "Gnosis", "XDAI"),
        ChainInfo(137, "Polygon PoS", "POL"),
        ChainInfo(8453, "Base", "ETH"),
        ChainInfo(42161, "Arbitrum One", "ETH"),
        ChainInfo(43114, "Avalanche C-Chain", "AVAX"),
        ChainInfo(11155111, "Sepolia", "ETH"),
    )
}


def chain_info(chain_id: int) -> ChainInfo:
    """The catalogue's entry, or a generic one ("chain <id>", native "NATIVE", 18 decimals)."""
    return KNOWN_CHAINS.get(chain_id) or ChainInfo(chain_id, f"chain {chain_id}", "NATIVE")


def parse_address(text: str, field: str) -> str:
    """`text` as a lower-case 0x address; InvalidCryptoInput naming `field` otherwise."""
    if not isinstance(text, str) or _ADDRESS.fullmatch(text) is None:
        raise InvalidCryptoInput("must be an address: 0x and 40 hex digits", field=field)
    return text.lower()


def to_units(raw: int, decimals: int) -> Decimal:
    """`raw` smallest units as an exact Decimal amount: raw / 10^decimals, trailing zeros of
    the fraction dropped (1500000000000000000 wei, 18 decimals -> Decimal('1.5'))."""
    if not 0 <= raw <= MAX_UINT256:
        raise ValueError("a balance is a uint256")
    if not 0 <= decimals <= MAX_DECIMALS:
        raise ValueError(f"decimals must be 0 to {MAX_DECIMALS}")
    digits = tuple(int(d) for d in str(raw))
    exponent = -decimals
    while exponent < 0 and len(digits) > 1 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    if raw == 0:
        return Decimal(0)
    return Decimal((0, digits, exponent))
