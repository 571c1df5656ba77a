"""SignalService.query: filters, newest-first pages, cursors that survive inserts, bad input."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.memory.bus import InProcessEventBus
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.signals import InMemorySignalRepository
from application.strategies.signals import (
    InvalidCursor,
    InvalidSignalQuery,
    SignalQuery,
    SignalService,
    encode_cursor,
)
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal
from tests.kit.bars import T0, ScriptedBars, signal
from tests.unit.market_data.signals.conftest import Scanner


def service_over(repository: InMemorySignalRepository) -> SignalService:
    clock = FakeClock(T0)
    return SignalService(ScriptedBars(), repository, InProcessEventBus(), clock, SequentialIds())


def numbered(i: int, **fields: object) -> Signal:
    """The i-th signal: a bar and an emission time i minutes after T0."""
    at = T0 + timedelta(minutes=i)
    return signal(f"sig-{i:04d}", at=at, created_at=at, **fields)  # type: ignore[arg-type]


async def all_pages(service: SignalService, query: SignalQuery) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        page = await service.query(replace(query, cursor=cursor))
        pages.append([s.id for s in page.items])
        cursor = page.next_cursor
        if cursor is None:
            return pages


async def test_pages_run_newest_first_and_end_without_a_cursor(scanner: Scanner) -> None:
    # Arrange
    await scanner.repository.add([numbered(i) for i in range(25)])

    # Act
    pages = await all_pages(scanner.service, SignalQuery(limit=10))

    # Assert
    assert [len(p) for p in pages] == [10, 10, 5]
    assert [i for p in pages for i in p] == [f"sig-{i:04d}" for i in reversed(range(25))]


async def test_a_full_last_page_is_not_followed_by_an_empty_one(scanner: Scanner) -> None:
    await scanner.repository.add([numbered(i) for i in range(20)])

    pages = await all_pages(scanner.service, SignalQuery(limit=10))

    assert [len(p) for p in pages] == [10, 10]


async def test_ties_on_time_are_ordered_by_id(scanner: Scanner) -> None:
    same_time = [signal(f"sig-{c}", pattern=p) for c, p in zip("abc", Pattern, strict=True)]
    await scanner.repository.add(same_time)

    pages = await all_pages(scanner.service, SignalQuery(limit=1))

    assert pages == [["sig-c"], ["sig-b"], ["sig-a"]]


async def test_filters_by_symbol_pattern_timeframe_and_strength(scanner: Scanner) -> None:
    # Arrange
    await scanner.repository.add(
        [
            numbered(0, symbol="AAPL", score=0.9),
            numbered(1, symbol="AAPL", score=-0.8, pattern=Pattern.VWAP_DEVIATION),
            numbered(2, symbol="AAPL", score=0.35),
            numbered(3, symbol="MSFT", score=-0.95),
            numbered(4, symbol="AAPL", score=0.9, timeframe=Timeframe.H1),
        ]
    )
    query = scanner.service.query

    # Act
    by_symbol = await query(SignalQuery(symbol=" aapl "))
    by_pattern = await query(SignalQuery(pattern=Pattern.VWAP_DEVIATION))
    by_timeframe = await query(SignalQuery(timeframe=Timeframe.H1))
    strong = await query(SignalQuery(min_score=0.8))
    strong_aapl = await query(SignalQuery(symbol="AAPL", min_score=0.8, timeframe=Timeframe.M5))

    # Assert
    assert [s.id for s in by_symbol.items] == ["sig-0004", "sig-0002", "sig-0001", "sig-0000"]
    assert [s.id for s in by_pattern.items] == ["sig-0001"]
    assert [s.id for s in by_timeframe.items] == ["sig-0004"]
    assert [s.id for s in strong.items] == ["sig-0004", "sig-0003", "sig-0001", "sig-0000"]
    assert [s.id for s in strong_aapl.items] == ["sig-0001", "sig-0000"]


async def test_a_cursor_carries_on_under_the_same_filters(scanner: Scanner) -> None:
    await scanner.repository.add(
        [numbered(i, symbol="AAPL" if i % 2 else "MSFT") for i in range(10)]
    )

    pages = await all_pages(scanner.service, SignalQuery(symbol="AAPL", limit=2))

    assert [i for p in pages for i in p] == [
        "sig-0009",
        "sig-0007",
        "sig-0005",
        "sig-0003",
        "sig-0001",
    ]


@settings(max_examples=40)
@given(
    st.integers(1, 30),
    st.integers(1, 7),
    st.lists(st.integers(0, 6), min_size=0, max_size=12),
)
async def test_pages_neither_repeat_nor_skip_while_new_signals_arrive(
    existing: int, limit: int, arrivals: list[int]
) -> None:
    # Arrange: signals stored before the first page, then more after each page
    repository = InMemorySignalRepository()
    service = service_over(repository)
    await repository.add([numbered(i) for i in range(existing)])
    later = iter(range(existing, existing + 1000))

    # Act
    seen: list[str] = []
    cursor = None
    for round_ in range(existing + len(arrivals) + 2):
        page = await service.query(SignalQuery(limit=limit, cursor=cursor))
        seen.extend(s.id for s in page.items)
        if round_ < len(arrivals):
            await repository.add([numbered(next(later)) for _ in range(arrivals[round_])])
        cursor = page.next_cursor
        if cursor is None:
            break

    # Assert: every signal there at the start came once, in order, and nothing else did
    assert seen == [f"sig-{i:04d}" for i in reversed(range(existing))]


async def test_a_cursor_stays_valid_across_service_instances() -> None:
    repository = InMemorySignalRepository()
    await repository.add([numbered(i) for i in range(5)])
    first = await service_over(repository).query(SignalQuery(limit=2))

    rest = await service_over(repository).query(SignalQuery(limit=10, cursor=first.next_cursor))

    assert [s.id for s in rest.items] == ["sig-0002", "sig-0001", "sig-0000"]


def _b64(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "not-a-cursor",
        "%%%",
        "x" * 600,
        _b64([1, 2]),
        _b64({"t": "2026-01-05T09:00:00+00:00"}),
        _b64({"t": "yesterday", "i": "sig-1"}),
        _b64({"t": "2026-01-05T09:00:00", "i": "sig-1"}),  # no time zone
        _b64({"t": "2026-01-05T09:00:00+00:00", "i": ""}),
        _b64({"t": "2026-01-05T09:00:00+00:00", "i": 7}),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
async def test_a_cursor_that_was_not_handed_out_is_refused(scanner: Scanner, cursor: str) -> None:
    with pytest.raises(InvalidCursor) as refused:
        await scanner.service.query(SignalQuery(cursor=cursor))

    assert refused.value.code == "INVALID_CURSOR"


async def test_a_handed_out_cursor_round_trips(scanner: Scanner) -> None:
    await scanner.repository.add([numbered(i) for i in range(3)])
    cursor = encode_cursor(numbered(2))

    page = await scanner.service.query(SignalQuery(cursor=cursor))

    assert [s.id for s in page.items] == ["sig-0001", "sig-0000"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (SignalQuery(limit=0), "limit"),
        (SignalQuery(limit=201), "limit"),
        (SignalQuery(min_score=1.01), "min_score"),
        (SignalQuery(min_score=-0.1), "min_score"),
        (SignalQuery(min_score=float("nan")), "min_score"),
        (SignalQuery(symbol="   "), "symbol"),
        (SignalQuery(symbol="X" * 65), "symbol"),
    ],
)
async def test_a_query_out_of_range_is_refused(
    scanner: Scanner, query: SignalQuery, message: str
) -> None:
    with pytest.raises(InvalidSignalQuery, match=message) as refused:
        await scanner.service.query(query)

    assert refused.value.code == "INVALID_SIGNAL_QUERY"
