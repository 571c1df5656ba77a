"""Device tokens, fingerprints, coarse networks and client labels (pure functions)."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.identity.devices import (
    InvalidDeviceName,
    RequestTraits,
    coarse_network,
    device_id_of,
    device_token,
    fingerprint,
    user_agent_family,
    valid_name,
)

KEY, OTHER = b"k" * 32, b"o" * 32
IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=40)


@given(IDS)
def test_a_token_names_its_device_under_its_key_only(device_id: str) -> None:
    token = device_token(KEY, device_id)

    assert device_id_of(KEY, token) == device_id
    assert device_id_of(OTHER, token) is None


@given(IDS, st.integers(min_value=0, max_value=200), st.characters(codec="ascii"))
def test_an_altered_token_names_nothing(device_id: str, at: int, char: str) -> None:
    token = device_token(KEY, device_id)
    position = at % len(token)
    altered = token[:position] + char + token[position + 1 :]

    assert altered == token or device_id_of(KEY, altered) is None
    assert device_id_of(KEY, token.replace(device_id, device_id + "x", 1)) is None


@given(st.ip_addresses())
def test_a_network_never_holds_the_whole_address(address: ipaddress._BaseAddress) -> None:
    network = coarse_network(str(address))

    assert network is not None
    parsed = ipaddress.ip_network(network)
    assert parsed.prefixlen in (24, 48)
    assert str(address) not in network or parsed.network_address == address


def test_bad_or_missing_addresses_have_no_network() -> None:
    assert coarse_network(None) is None
    assert coarse_network("testclient") is None
    assert coarse_network("::ffff:198.51.100.7") == "198.51.100.0/24"


def test_the_fingerprint_is_keyed_and_ignores_language_weights() -> None:
    firefox = RequestTraits("Firefox/128.0", "en-GB,en;q=0.8", '"Linux"')

    same = fingerprint(KEY, RequestTraits("Firefox/128.0", "EN-gb;q=1", "Linux"))

    assert fingerprint(KEY, firefox) == same
    assert fingerprint(OTHER, firefox) != same
    assert fingerprint(KEY, RequestTraits("Firefox/129.0", "en-GB")) != same


@pytest.mark.parametrize(
    ("agent", "platform", "label"),
    [
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64) AppleWebKit Chrome/126.0 Safari/537.36 Edg/126",
            "",
            "Edge on Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit Version/17.5 Safari/605",
            "",
            "Safari on macOS",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36",
            "",
            "Chrome on Android",
        ),
        ("curl/8.5.0", "", "curl"),
        ("python-httpx/0.27", "", "Python"),
        ("Mozilla/5.0 Chrome/126.0", '"Windows"', "Chrome on Windows"),
        ("", "", "Unknown client"),
    ],
)
def test_client_labels_are_coarse(agent: str, platform: str, label: str) -> None:
    assert user_agent_family(agent, platform) == label


def test_names_are_trimmed_and_bounded() -> None:
    assert valid_name("  my   phone ") == "my phone"
    for bad in ("", "   ", "x" * 65, "tab\x00name"):
        with pytest.raises(InvalidDeviceName):
            valid_name(bad)
