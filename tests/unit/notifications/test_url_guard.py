"""The SSRF guard: schemes, literal addresses and names resolving to internal networks."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from adapters.notifications.url_guard import UrlGuard, is_public, pinned
from ports.notifications.notification_endpoints import UrlRefused


def resolving_to(*addresses: str):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> Sequence[str]:
        return addresses

    return resolve


async def refused(guard: UrlGuard, url: str) -> str:
    with pytest.raises(UrlRefused) as error:
        await guard.check(url)
    return error.value.code


STRICT = UrlGuard(allow_http=False, allow_private=False, resolver=resolving_to("93.184.216.34"))


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://172.16.0.1/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://[fc00::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://224.0.0.1/hook",
        "https://0.0.0.0/hook",
        "https://100.64.0.1/hook",
    ],
)
async def test_internal_addresses_are_refused(url: str) -> None:
    assert await refused(STRICT, url) == "URL_PRIVATE_ADDRESS"


async def test_a_name_resolving_to_an_internal_address_is_refused() -> None:
    # Arrange: one public, one loopback answer
    guard = UrlGuard(
        allow_http=False, allow_private=False, resolver=resolving_to("93.184.216.34", "127.0.0.1")
    )

    # Act / Assert
    assert await refused(guard, "https://rebind.example.com/hook") == "URL_PRIVATE_ADDRESS"


async def test_localhost_through_the_real_resolver_is_refused() -> None:
    guard = UrlGuard(allow_http=False, allow_private=False)
    assert await refused(guard, "https://localhost/hook") == "URL_PRIVATE_ADDRESS"


async def test_a_name_that_does_not_resolve_is_refused() -> None:
    guard = UrlGuard(allow_http=False, allow_private=False)
    assert await refused(guard, "https://nothing.invalid/hook") == "URL_UNRESOLVABLE"


async def test_a_public_https_url_passes_and_answers_the_addresses_checked() -> None:
    assert await STRICT.check("https://hooks.example.com:8443/path?x=1") == ["93.184.216.34"]


def test_pinning_keeps_the_name_for_the_host_header_and_tls() -> None:
    # Act
    url, headers, extensions = pinned("https://hooks.example.com:8443/p?x=1", "93.184.216.34")
    url6, headers6, extensions6 = pinned("http://hooks.example.com/p", "2606:4700::1111")

    # Assert
    assert url == "https://93.184.216.34:8443/p?x=1"
    assert headers == {"Host": "hooks.example.com:8443"}
    assert extensions == {"sni_hostname": "hooks.example.com"}
    assert url6 == "http://[2606:4700::1111]/p"
    assert (headers6, extensions6) == ({"Host": "hooks.example.com"}, {})


@pytest.mark.parametrize("url", ["http://hooks.example.com/x", "ftp://hooks.example.com/x"])
async def test_only_https_unless_http_is_allowed(url: str) -> None:
    assert await refused(STRICT, url) == "URL_NOT_HTTPS"


async def test_http_passes_where_allowed() -> None:
    guard = UrlGuard(allow_http=True, allow_private=False, resolver=resolving_to("8.8.8.8"))
    await guard.check("http://hooks.example.com/x")


@pytest.mark.parametrize(
    "url",
    [
        "https://user:pw@hooks.example.com/x",
        "https:///nohost",
        "https://hooks.example.com:99999/x",
        "https://hooks.example.com/a b",
        "https://hooks.example.com/\x00",
        "https://" + "a" * 3000 + ".com/",
    ],
)
async def test_malformed_urls_are_refused(url: str) -> None:
    assert await refused(STRICT, url) == "URL_INVALID"


async def test_private_addresses_pass_where_the_operator_allows_them() -> None:
    guard = UrlGuard(allow_http=True, allow_private=True)
    await guard.check("http://127.0.0.1:8080/hook")


def test_public_means_global_unicast() -> None:
    assert is_public("8.8.8.8") and is_public("2606:4700::1111")
    assert not is_public("::ffff:10.0.0.1")
