"""Live gas through adapters/chain/jsonrpc.py against the local JSON-RPC node
(tests/integration/jsonrpc_server.py): eth_feeHistory in its documented shape, the eth_gasPrice
fallback, block times, and answers that cannot be read.

The worked numbers follow EIP-1559 (the base fee moves by (used - target) / target / 8, the
target half the gas limit): 20 gwei in a full block -> 22.5; half full -> 22.5; empty ->
19.6875; three quarters full -> 20.91796875, the next block's base fee.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from adapters.chain.jsonrpc import JsonRpcChain, chain_client
from domain.analytics.crypto.fees import FEE_HISTORY, GAS_PRICE, gas_fees
from ports.analytics.chain import ChainUnavailable, UnknownChain
from tests.integration.jsonrpc_server import Node, jsonrpc_node

D = Decimal
GWEI = 10**9
HEAD = 21_000_000
FEES = [
    (20 * GWEI, 1.0, (1 * GWEI, 2 * GWEI, 5 * GWEI)),
    (22_500_000_000, 0.5, (500_000_000, 1_500_000_000, 3 * GWEI)),
    (22_500_000_000, 0.0, (0, 0, 0)),  # an empty block
    (19_687_500_000, 0.75, (1 * GWEI, 1_250_000_000, 2 * GWEI)),
]
NEXT = 20_917_968_750


@pytest.fixture
async def node() -> AsyncIterator[Node]:
    with jsonrpc_node(block=HEAD, fees=FEES, next_base_fee=NEXT, gas_price=31 * GWEI) as running:
        yield running


@pytest.fixture
async def port(node: Node) -> AsyncIterator[JsonRpcChain]:
    client: httpx.AsyncClient = chain_client({1: node.url}, timeout_s=5.0)
    yield JsonRpcChain(client, [1], timeout_s=5.0)
    await client.aclose()


async def test_fee_history_in_gwei_with_percentile_medians_and_max_fees(
    node: Node, port: JsonRpcChain
) -> None:
    # Act
    history = await port.fee_history(1, 4, [10, 50, 90])
    fees = gas_fees(history)

    # Assert: what was asked -- the count and the newest block as hex, integral percentiles
    call = next(c for c in node.calls() if c["method"] == "eth_feeHistory")
    assert call["params"] == ["0x4", hex(HEAD), [10, 50, 90]]
    assert history.method == FEE_HISTORY and history.oldest_block == HEAD - 3
    assert [b.number for b in fees.blocks] == [HEAD - 3, HEAD - 2, HEAD - 1, HEAD]
    assert [b.base_fee for b in fees.blocks] == [D(20), D("22.5"), D("22.5"), D("19.6875")]
    assert [b.gas_used_ratio for b in fees.blocks] == [1.0, 0.5, 0.0, 0.75]
    assert fees.blocks[1].priority_fees == (D("0.5"), D("1.5"), D(3))
    assert fees.next_base_fee == D("20.91796875")
    # medians over the three non-empty blocks: p10 (1, 0.5, 1), p50 (2, 1.5, 1.25), p90 (5, 3, 2)
    summary = [(p.percentile, p.priority_fee, p.max_fee) for p in fees.percentiles]
    assert summary == [
        (10.0, D(1), D("42.8359375")),  # 2 x 20.91796875 + 1
        (50.0, D("1.5"), D("43.3359375")),
        (90.0, D(3), D("44.8359375")),
    ]


async def test_fewer_blocks_than_asked_when_the_node_has_fewer(port: JsonRpcChain) -> None:
    # Act
    history = await port.fee_history(1, 1024, [50])

    # Assert
    assert history.block_count == 4 and len(history.base_fees) == 5
    assert history.rewards == ((2 * GWEI,), (1_500_000_000,), (0,), (1_250_000_000,))


async def test_no_percentiles_ask_no_rewards(node: Node, port: JsonRpcChain) -> None:
    # Act
    fees = gas_fees(await port.fee_history(1, 2, []))

    # Assert
    assert [b.priority_fees for b in fees.blocks] == [(), ()] and fees.percentiles == ()
    assert [b.base_fee for b in fees.blocks] == [D("22.5"), D("19.6875")]


async def test_block_times_are_read_with_the_history(node: Node, port: JsonRpcChain) -> None:
    # Act
    history = await port.fee_history(1, 3, [50], with_times=True)

    # Assert: the head at 12:00:00 UTC, 12 s a block before it
    assert history.times == (
        datetime(2025, 1, 6, 11, 59, 36, tzinfo=UTC),
        datetime(2025, 1, 6, 11, 59, 48, tzinfo=UTC),
        datetime(2025, 1, 6, 12, 0, 0, tzinfo=UTC),
    )
    asked = [c["params"][0] for c in node.calls() if c["method"] == "eth_getBlockByNumber"]
    assert asked == [hex(HEAD - 2), hex(HEAD - 1), hex(HEAD)]


async def test_a_node_without_fee_history_answers_its_gas_price(
    node: Node, port: JsonRpcChain
) -> None:
    # Arrange: the method-not-found answer of a pre-London node
    node.errors = {"eth_feeHistory": (-32601, "the method eth_feeHistory does not exist")}

    # Act
    fees = gas_fees(await port.fee_history(1, 4, [50]))

    # Assert
    assert fees.method == GAS_PRICE and fees.gas_price == D(31)
    assert fees.blocks == () and fees.next_base_fee is None and fees.newest_block == HEAD


async def test_another_error_or_a_malformed_history_is_chain_unavailable(
    node: Node, port: JsonRpcChain
) -> None:
    # Arrange
    node.errors = {"eth_feeHistory": (-32005, "limit exceeded")}

    # Act
    with pytest.raises(ChainUnavailable) as busy:
        await port.fee_history(1, 4, [50])
    node.errors = {}
    node.next_base_fee = -1  # hex(-1) = "-0x1": no quantity
    with pytest.raises(ChainUnavailable) as unreadable:
        await port.fee_history(1, 4, [50])

    # Assert
    assert busy.value.retry_after == 60.0
    assert "no hex quantity" in unreadable.value.message


async def test_an_unserved_chain_is_unknown(port: JsonRpcChain) -> None:
    with pytest.raises(UnknownChain):
        await port.fee_history(137, 4, [50])
