"""The few Solidity ABI encodings the ERC-20 reads need (Solidity ABI specification,
https://docs.soliditylang.org/en/latest/abi-spec.html; EIP-20 for the functions).

A call's data is the 4-byte selector (the first 4 bytes of keccak256 of the signature) then
its arguments in 32-byte words; an address is left-padded with zeros. The selectors are
constants (keccak256 is not in the standard library, and these never change):
balanceOf(address) 0x70a08231, decimals() 0x313ce567, symbol() 0x95d89b41.

Written out rather than taken from eth-abi: three fixed encodings and two decodings do not
justify a dependency tree (eth-abi pulls eth-utils, eth-hash, parsimonious, ...).
"""

from __future__ import annotations

import re

BALANCE_OF = "0x70a08231"
DECIMALS = "0x313ce567"
SYMBOL = "0x95d89b41"
WORD_HEX = 64
_HEX = re.compile(r"^0x([0-9a-fA-F]*)$")
_QUANTITY = re.compile(r"^0x[0-9a-fA-F]{1,64}$")
MAX_SYMBOL_BYTES = 64


class AbiError(ValueError):
    """An answer that is not the ABI encoding expected."""


def balance_of_call(owner: str) -> str:
    """eth_call data of balanceOf(owner): selector + the address left-padded to 32 bytes."""
    return BALANCE_OF + owner[2:].lower().rjust(WORD_HEX, "0")


def quantity(text: object) -> int:
    """A JSON-RPC QUANTITY ("0x0", "0x1a"; leading zeros tolerated) as int, at most 256 bits."""
    if not isinstance(text, str) or _QUANTITY.fullmatch(text) is None:
        raise AbiError(f"not a hex quantity: {str(text)[:80]!r}")
    return int(text, 16)


def uint256(data: object) -> int:
    """A returned uint256 (exactly one 32-byte word)."""
    payload = _bytes_hex(data)
    if len(payload) != WORD_HEX:
        raise AbiError(f"expected one 32-byte word, got {len(payload) // 2} bytes")
    return int(payload, 16)


def symbol_text(data: object) -> str | None:
    """symbol()'s answer: an ABI `string` (offset, length, bytes) or a `bytes32` (older
    tokens such as MKR), printable ASCII of at most 64 bytes; None when it is neither."""
    try:
        payload = bytes.fromhex(_bytes_hex(data))
    except (AbiError, ValueError):
        return None
    raw: bytes | None = None
    if len(payload) == 32:
        raw = payload.rstrip(b"\0")
    elif len(payload) >= 64 and len(payload) % 32 == 0:
        offset = int.from_bytes(payload[:32], "big")
        if offset + 32 <= len(payload):
            length = int.from_bytes(payload[offset : offset + 32], "big")
            if length <= MAX_SYMBOL_BYTES and offset + 32 + length <= len(payload):
                raw = payload[offset + 32 : offset + 32 + length]
    if raw is None or not raw or len(raw) > MAX_SYMBOL_BYTES:
        return None
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if text.isprintable() else None


def _bytes_hex(data: object) -> str:
    if not isinstance(data, str):
        raise AbiError("not a hex string")
    match = _HEX.fullmatch(data)
    if match is None or len(match.group(1)) % 2:
        raise AbiError(f"not hex data: {data[:80]!r}")
    return match.group(1)
