"""adapters/chain/jsonrpc.py against a local JSON-RPC node (tests/integration/jsonrpc_server.py:
a real HTTP server in a thread with canned state), errors and timeouts included.

Each test checks what the adapter sent (methods, block tags, ABI-encoded call data) as well as
what it made of the answer.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from adapters.chain.jsonrpc import JsonRpcChain, chain_client
from ports.analytics.chain import (
    ChainUnavailable,
    NotAToken,
    TokenBalance,
    UnknownChain,
    WalletQuery,
    WalletState,
)
from tests.integration.jsonrpc_server import SECRET_PATH, Node, Token, jsonrpc_node

ALICE = "0x00000000000000000000000000000000000a11ce"
BOB = "0x0000000000000000000000000000000000000b0b"
USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"
MKR = "0x9f8f72aa9304c8b593d555f12ef6589cc3a579a2"
BROKEN = "0x1111111111111111111111111111111111111111"
NOBODY = "0x2222222222222222222222222222222222222222"  # no contract there


def canned() -> dict[str, object]:
    return {
        "chain_id": 1,
        "block": 0x1406F40,
        "balances": {ALICE: 1_500_000_000_000_000_000, BOB: 7},
        "tokens": {
            USDC: Token("USDC", 6, {ALICE: 2_500_000_000}),
            MKR: Token("MKR", 18, {ALICE: 10**17}, symbol_bytes32=True),
            BROKEN: Token("BRK", 18, reverts=True),
        },
    }


_clients: list[httpx.AsyncClient] = []


@pytest.fixture
async def node() -> AsyncIterator[Node]:
    with jsonrpc_node(**canned()) as running:
        yield running
    while _clients:  # every client a test made is closed with it
        await _clients.pop().aclose()


def client(endpoints: dict[int, str], timeout_s: float = 5.0) -> httpx.AsyncClient:
    made = chain_client(endpoints, timeout_s=timeout_s)
    _clients.append(made)
    return made


def chain(
    node: Node, *, chain_id: int = 1, timeout_s: float = 5.0, batch_size: int = 100
) -> JsonRpcChain:
    made = client({chain_id: node.url}, timeout_s)
    return JsonRpcChain(made, [chain_id], timeout_s=timeout_s, batch_size=batch_size)


async def test_a_snapshot_reads_native_and_token_balances_at_one_block(node: Node) -> None:
    # Arrange
    port = chain(node)

    # Act
    snapshot = await port.snapshot(1, [WalletQuery(ALICE, (USDC, MKR)), WalletQuery(BOB)])

    # Assert: the amounts as the chain holds them, symbols from an ABI string and a bytes32
    assert snapshot.block == 21_000_000 and snapshot.chain.native_symbol == "ETH"
    assert snapshot.wallets == (
        WalletState(
            ALICE,
            1_500_000_000_000_000_000,
            (
                TokenBalance(USDC, 2_500_000_000, 6, "USDC"),
                TokenBalance(MKR, 10**17, 18, "MKR"),
            ),
        ),
        WalletState(BOB, 7, ()),
    )
    # what was sent: chain id and block first, then every read at that block (hex tag)
    calls = node.calls()
    assert [c["method"] for c in calls[:2]] == ["eth_blockNumber", "eth_chainId"]
    reads = calls[2:]
    assert {c["method"] for c in reads} == {"eth_getBalance", "eth_call"}
    assert all(c["params"][-1] == "0x1406f40" for c in reads)
    balance_of = next(c for c in reads if c["method"] == "eth_call")
    assert balance_of["params"][0] == {
        "to": USDC,
        "data": "0x70a08231" + "0" * 24 + ALICE[2:],
    }
    assert len(node.requests) == 2  # two round trips: the block, then one batch
    assert all(path == SECRET_PATH for path, _, _ in node.requests)


async def test_token_metadata_is_read_once_and_the_chain_id_checked_once(node: Node) -> None:
    # Arrange
    port = chain(node)
    await port.snapshot(1, [WalletQuery(ALICE, (USDC,))])
    node.requests.clear()

    # Act
    again = await port.snapshot(1, [WalletQuery(ALICE, (USDC,))])

    # Assert: only eth_blockNumber, eth_getBalance and balanceOf the second time
    assert again.wallets[0].tokens[0] == TokenBalance(USDC, 2_500_000_000, 6, "USDC")
    assert [c["method"] for c in node.calls()] == ["eth_blockNumber", "eth_getBalance", "eth_call"]


async def test_batches_are_cut_at_the_batch_size(node: Node) -> None:
    # Arrange: 1 + 2 tokens x (balanceOf) + 2 x (decimals, symbol) = 7 reads, 3 per batch
    port = chain(node, batch_size=3)

    # Act
    snapshot = await port.snapshot(1, [WalletQuery(ALICE, (USDC, MKR))])

    # Assert
    assert [t.raw for t in snapshot.wallets[0].tokens] == [2_500_000_000, 10**17]
    assert [len(body) for _, _, body in node.requests[1:]] == [3, 3, 1]


async def test_an_endpoint_without_batches_is_asked_call_by_call(node: Node) -> None:
    # Arrange
    node.refuse_batches = True
    port = chain(node)

    # Act
    snapshot = await port.snapshot(1, [WalletQuery(ALICE, (USDC,))])

    # Assert
    assert snapshot.wallets[0].native_raw == 1_500_000_000_000_000_000
    assert snapshot.wallets[0].tokens[0].symbol == "USDC"
    singles = [body for _, _, body in node.requests if isinstance(body, dict)]
    assert len(singles) == 2 + 4  # block and chain id, then balance, balanceOf, decimals, symbol


@pytest.mark.parametrize(
    ("token", "words"),
    [(BROKEN, "reverted balanceOf"), (NOBODY, "no contract there")],
)
async def test_a_contract_that_is_no_erc20_token_is_not_a_token(
    node: Node, token: str, words: str
) -> None:
    # Act
    with pytest.raises(NotAToken) as caught:
        await chain(node).snapshot(1, [WalletQuery(ALICE, (token,))])

    # Assert
    assert caught.value.token == token and words in caught.value.message
    assert caught.value.code == "NOT_AN_ERC20_TOKEN"


async def test_an_endpoint_serving_another_chain_is_refused(node: Node) -> None:
    # Arrange: the operator mapped chain 137 to an Ethereum endpoint
    port = chain(node, chain_id=137)

    # Act
    with pytest.raises(ChainUnavailable) as caught:
        await port.snapshot(137, [WalletQuery(ALICE)])

    # Assert
    assert (
        "serves chain 1" in caught.value.message
        and "BULWARK_CHAIN_RPC_URLS" in caught.value.message
    )
    assert caught.value.retry_after == 300.0


async def test_a_chain_without_an_endpoint_is_unknown(node: Node) -> None:
    with pytest.raises(UnknownChain):
        await chain(node).snapshot(10, [WalletQuery(ALICE)])


@pytest.mark.parametrize(
    ("knobs", "retry_after", "words"),
    [
        ({"status": 500}, 30.0, "failing (500)"),
        ({"status": 503, "headers": {"Retry-After": "42"}}, 42.0, "failing (503)"),
        ({"status": 429, "headers": {"Retry-After": "9"}}, 9.0, "rate-limiting (429)"),
        ({"status": 429}, 60.0, "rate-limiting (429)"),
        ({"status": 401}, 300.0, "refused the credentials (401)"),
        ({"body": b"<html>gateway</html>"}, 30.0, "not JSON"),
        ({"errors": {"eth_blockNumber": (-32005, "daily request count exceeded")}}, 60.0,
         "limit exceeded (daily request count exceeded)"),
        ({"errors": {"eth_getBalance": (-32603, "internal error")}}, 30.0,
         "eth_getBalance with error -32603: internal error"),
        ({"drop_ids": True}, 30.0, "unanswered"),
    ],
)  # fmt: skip
async def test_failures_are_chain_unavailable_with_a_retry_after(
    node: Node, knobs: dict[str, object], retry_after: float, words: str
) -> None:
    # Arrange
    for name, value in knobs.items():
        setattr(node, name, value)

    # Act
    with pytest.raises(ChainUnavailable) as caught:
        await chain(node).snapshot(1, [WalletQuery(ALICE, (USDC,))])

    # Assert
    assert words in caught.value.message, caught.value.message
    assert caught.value.retry_after == retry_after
    assert caught.value.code == "CHAIN_UNAVAILABLE"


async def test_a_node_that_does_not_answer_in_time_is_a_timeout(node: Node) -> None:
    # Arrange: the node holds every answer longer than the client waits
    node.delay_s = 1.0
    port = chain(node, timeout_s=0.2)

    # Act
    with pytest.raises(ChainUnavailable) as caught:
        await port.snapshot(1, [WalletQuery(ALICE)])

    # Assert
    assert "did not answer within 0.2 s" in caught.value.message


async def test_an_unreachable_endpoint_is_chain_unavailable() -> None:
    # Arrange: a port nothing listens on
    with jsonrpc_node() as gone:
        url = gone.url
    async with chain_client({1: url}, timeout_s=2.0) as made:
        port = JsonRpcChain(made, [1])

        # Act
        with pytest.raises(ChainUnavailable) as caught:
            await port.snapshot(1, [WalletQuery(ALICE)])

    # Assert
    assert "could not be reached (ConnectError)" in caught.value.message


async def test_the_endpoint_url_and_its_key_never_reach_logs_or_errors(
    node: Node, caplog: pytest.LogCaptureFixture
) -> None:
    # Arrange: the key is the path; httpx logs every request it sends at INFO (its level and
    # httpcore's lowered here: Bulwark's logging sets them to WARNING)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")
    node.status = 500
    port = chain(node)

    # Act
    with pytest.raises(ChainUnavailable) as caught:
        await port.snapshot(1, [WalletQuery(ALICE)])

    # Assert
    key = SECRET_PATH.rsplit("/", 1)[-1]
    assert key not in caught.value.message and key not in repr(port)
    assert key not in caplog.text  # not even httpcore's DEBUG lines (they name the host only)
    info = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "127.0.0.1" not in info
    assert "chain-1.rpc.invalid" in info  # httpx's request log names the placeholder


async def test_basic_auth_in_the_url_becomes_an_authorization_header(node: Node) -> None:
    # Arrange
    host = node.url.split("://", 1)[1]
    port = JsonRpcChain(client({1: f"http://user:pa55@{host}"}), [1])

    # Act
    await port.snapshot(1, [WalletQuery(BOB)])

    # Assert
    _, headers, _ = node.requests[0]
    assert headers["Authorization"] == "Basic dXNlcjpwYTU1"  # base64("user:pa55")
