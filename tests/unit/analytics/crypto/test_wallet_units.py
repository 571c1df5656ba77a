"""Addresses, chains, token units as exact Decimals, and the ABI encodings of the ERC-20 reads."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.chain import abi
from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.wallets import MAX_UINT256, chain_info, parse_address, to_units

D = Decimal


@pytest.mark.parametrize(
    ("raw", "decimals", "expected"),
    [
        (1_500_000_000_000_000_000, 18, "1.5"),
        (2_500_000_000, 6, "2500"),
        (1, 18, "1E-18"),
        (0, 18, "0"),
        (123, 0, "123"),
        (10**20, 18, "1E+2"),
    ],
)
def test_units_become_exact_decimals(raw: int, decimals: int, expected: str) -> None:
    assert to_units(raw, decimals) == D(expected)


def test_a_whole_uint256_keeps_every_digit() -> None:
    # Act
    amount = to_units(MAX_UINT256, 18)

    # Assert: 78 digits, no rounding (a float or a 28-digit context would lose 50 of them)
    sign, digits, exponent = amount.as_tuple()
    assert (sign, "".join(map(str, digits)), exponent) == (0, str(MAX_UINT256), -18)
    assert len(digits) == 78


def test_out_of_range_units_are_refused() -> None:
    with pytest.raises(ValueError, match="uint256"):
        to_units(MAX_UINT256 + 1, 18)
    with pytest.raises(ValueError, match="decimals"):
        to_units(1, 78)


def test_addresses_are_checked_and_folded_to_lower_case() -> None:
    # Act
    checksummed = parse_address("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "token")

    # Assert
    assert checksummed == "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
    for bad in ("0x123", "a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "0x" + "g" * 40, ""):
        with pytest.raises(InvalidCryptoInput) as caught:
            parse_address(bad, "wallets[0].address")
        assert caught.value.field == "wallets[0].address"


def test_known_and_unknown_chains() -> None:
    assert (chain_info(137).name, chain_info(137).native_symbol) == ("Polygon PoS", "POL")
    assert chain_info(999_999).name == "chain 999999" and chain_info(999_999).native_decimals == 18


def test_balance_of_is_the_selector_and_the_left_padded_address() -> None:
    # Act
    data = abi.balance_of_call("0x00000000000000000000000000000000000A11CE")

    # Assert: 4 bytes + one 32-byte word
    assert data == "0x70a08231" + "0" * 24 + "00000000000000000000000000000000000a11ce"
    assert len(data) == 2 + 8 + 64


def test_uint256_and_quantity_decoding() -> None:
    assert abi.uint256("0x" + "00" * 31 + "06") == 6
    assert abi.quantity("0x1406f40") == 21_000_000 and abi.quantity("0x0") == 0
    for bad in ("0x", "0x06", "6", None, "0x" + "00" * 33):
        with pytest.raises(abi.AbiError):
            abi.uint256(bad)
    with pytest.raises(abi.AbiError):
        abi.quantity("0x")


def test_symbol_as_an_abi_string_or_a_bytes32() -> None:
    # Arrange: string "USDC": offset 32, length 4, then the bytes padded to a word
    string = "0x" + f"{32:064x}" + f"{4:064x}" + b"USDC".hex().ljust(64, "0")
    bytes32 = "0x" + b"MKR".hex().ljust(64, "0")

    # Act / Assert
    assert abi.symbol_text(string) == "USDC"
    assert abi.symbol_text(bytes32) == "MKR"
    assert abi.symbol_text("0x") is None
    assert abi.symbol_text("0x" + "ff" * 32) is None  # not ASCII
    assert abi.symbol_text("0x" + f"{32:064x}" + f"{999:064x}") is None  # length past the end
