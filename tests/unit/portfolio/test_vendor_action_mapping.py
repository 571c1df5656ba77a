"""Vendors' corporate-action records mapped to ledger kinds (adapters/ledger_actions): each
documented Alpaca type and Polygon's splits and ticker events; what maps to no kind is
skipped with its reason, never guessed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from adapters.ledger_actions.alpaca import map_record
from adapters.ledger_actions.polygon import split_record, ticker_changes
from domain.portfolio.transactions import TransactionKind
from ports.portfolio.corporate_action_source import SkippedAction, VendorAction

K = TransactionKind
D = Decimal


def mapped(vendor_type: str, raw: dict[str, Any]) -> VendorAction:
    found = map_record(vendor_type, raw)
    assert isinstance(found, VendorAction), found
    return found


def skipped(vendor_type: str, raw: dict[str, Any]) -> SkippedAction:
    found = map_record(vendor_type, raw)
    assert isinstance(found, SkippedAction), found
    return found


def test_a_2_for_1_forward_split_is_a_split_of_ratio_2_on_its_ex_date() -> None:
    raw = {"id": "fs-1", "symbol": "AAPL", "new_rate": 2, "old_rate": 1,
           "process_date": "2025-06-09", "ex_date": "2025-06-09", "record_date": "2025-06-02",
           "payable_date": "2025-06-06"}  # fmt: skip

    action = mapped("forward_splits", raw)

    assert (action.symbol, action.kind, action.effective_date, action.ratio) == (
        "AAPL", K.SPLIT, date(2025, 6, 9), D(2),
    )  # fmt: skip
    assert (action.source, action.vendor_id, action.vendor_type) == (
        "alpaca", "alpaca:fs-1", "forward_splits",
    )  # fmt: skip


def test_a_1_for_10_reverse_split_is_a_reverse_split_of_ratio_a_tenth_without_cash() -> None:
    raw = {"id": "rs-1", "symbol": "XYZ", "new_rate": 1, "old_rate": 10,
           "process_date": "2025-03-03", "ex_date": "2025-03-03"}  # fmt: skip

    action = mapped("reverse_splits", raw)

    assert (action.kind, action.ratio, action.cash_per_share) == (K.REVERSE_SPLIT, D("0.1"), D(0))


def test_a_stock_merger_moves_the_acquiree_into_the_acquirer_at_its_rates() -> None:
    raw = {"id": "sm-1", "acquirer_symbol": "BIG", "acquirer_rate": 0.7,
           "acquiree_symbol": "SMALL", "acquiree_rate": 1, "process_date": "2025-07-01",
           "effective_date": "2025-07-01", "payable_date": "2025-07-03"}  # fmt: skip

    action = mapped("stock_mergers", raw)

    assert (action.symbol, action.kind, action.new_symbol, action.ratio, action.effective_date) == (
        "SMALL", K.STOCK_MERGER, "BIG", D("0.7"), date(2025, 7, 1),
    )  # fmt: skip


def test_a_cash_merger_pays_its_rate_per_share() -> None:
    raw = {"id": "cm-1", "acquirer_symbol": None, "acquiree_symbol": "GONE", "rate": 54.2,
           "process_date": "2025-08-01", "effective_date": "2025-08-01"}  # fmt: skip

    action = mapped("cash_mergers", raw)

    assert (action.symbol, action.kind, action.cash_per_share, action.ratio) == (
        "GONE", K.CASH_MERGER, D("54.2"), None,
    )  # fmt: skip


def test_a_cash_and_stock_merger_is_a_mixed_merger_with_boot_per_old_share() -> None:
    raw = {"id": "scm-1", "acquirer_symbol": "BUYER", "acquirer_rate": 0.5,
           "acquiree_symbol": "TARGET", "acquiree_rate": 1, "cash_rate": 12.5,
           "process_date": "2025-09-02", "effective_date": "2025-09-02"}  # fmt: skip

    action = mapped("stock_and_cash_mergers", raw)

    assert (action.kind, action.new_symbol, action.ratio, action.cash_per_share) == (
        K.MIXED_MERGER, "BUYER", D("0.5"), D("12.5"),
    )  # fmt: skip
    assert action.new_price is None  # Alpaca gives no fair market value: not guessed


def test_a_mixed_merger_whose_cash_basis_is_not_said_is_skipped() -> None:
    raw = {"id": "scm-2", "acquirer_symbol": "BUYER", "acquirer_rate": 1,
           "acquiree_symbol": "TARGET", "acquiree_rate": 2, "cash_rate": 3,
           "effective_date": "2025-09-02"}  # fmt: skip

    found = skipped("stock_and_cash_mergers", raw)

    assert found.symbol == "TARGET" and "acquiree_rate" in found.reason


def test_a_spin_off_gives_new_shares_per_parent_share_without_an_allocation() -> None:
    raw = {"id": "so-1", "source_symbol": "GE", "source_rate": 4, "new_symbol": "GEV",
           "new_rate": 1, "process_date": "2024-04-02", "ex_date": "2024-04-02"}  # fmt: skip

    action = mapped("spin_offs", raw)

    assert (action.symbol, action.kind, action.new_symbol, action.ratio) == (
        "GE", K.SPIN_OFF, "GEV", D("0.25"),
    )  # fmt: skip
    assert action.allocation is None  # Form 8937's figure is not Alpaca's


def test_a_name_change_is_a_symbol_change_on_its_process_date() -> None:
    raw = {"id": "nc-1", "old_symbol": "FB", "old_cusip": "30303M102", "new_symbol": "META",
           "new_cusip": "30303M102", "process_date": "2022-06-09"}  # fmt: skip

    action = mapped("name_changes", raw)

    assert (action.symbol, action.kind, action.new_symbol, action.effective_date) == (
        "FB", K.SYMBOL_CHANGE, "META", date(2022, 6, 9),
    )  # fmt: skip


def test_what_has_no_ledger_kind_is_skipped_with_its_reason() -> None:
    cases: dict[str, dict[str, Any]] = {
        "cash_dividends": {"id": "cd", "symbol": "AAPL", "rate": 0.25, "ex_date": "2025-02-10"},
        "unit_splits": {"id": "us", "old_symbol": "SPACU", "new_symbol": "SPAC",
                        "alternate_symbol": "SPACW", "effective_date": "2025-01-02"},
        "worthless_removals": {"id": "wr", "symbol": "BUST", "process_date": "2025-05-05"},
        "stock_dividends": {"id": "sd", "symbol": "X", "rate": 0.05, "ex_date": "2025-01-10"},
        "brand_new_type": {"id": "nn", "symbol": "Y", "process_date": "2025-01-10"},
    }  # fmt: skip

    found = {kind: skipped(kind, raw) for kind, raw in cases.items()}

    assert "not a lot event" in found["cash_dividends"].reason
    assert found["unit_splits"].symbol == "SPACU"
    assert found["worthless_removals"].effective_date == date(2025, 5, 5)
    assert "taxable" in found["stock_dividends"].reason
    assert "no ledger kind" in found["brand_new_type"].reason


def test_a_record_missing_a_documented_field_is_skipped_as_malformed() -> None:
    raw = {"id": "fs-9", "symbol": "AAPL", "new_rate": 2, "ex_date": "2025-06-09"}

    found = skipped("forward_splits", raw)

    assert found.reason.startswith("malformed record: old_rate")
    assert found.effective_date == date(2025, 6, 9)


@given(
    st.integers(min_value=1, max_value=1000),
    st.integers(min_value=1, max_value=1000),
)
def test_a_polygon_split_is_forward_above_one_reverse_below_and_skipped_at_one(
    split_to: int, split_from: int
) -> None:
    raw = {"id": "P1", "ticker": "abc", "execution_date": "2025-01-02",
           "split_from": split_from, "split_to": split_to}  # fmt: skip

    found = split_record(raw)

    if split_to == split_from:
        assert isinstance(found, SkippedAction)
    else:
        assert isinstance(found, VendorAction) and found.symbol == "ABC"
        assert found.ratio == D(split_to) / D(split_from)
        assert found.kind is (K.SPLIT if split_to > split_from else K.REVERSE_SPLIT)


def test_polygon_ticker_events_are_symbol_changes_from_each_ticker_to_the_next() -> None:
    results = {
        "name": "Meta Platforms, Inc.",
        "composite_figi": "BBG000MM2P62",
        "events": [
            {"ticker_change": {"ticker": "META"}, "type": "ticker_change", "date": "2022-06-09"},
            {"ticker_change": {"ticker": "FB"}, "type": "ticker_change", "date": "2012-05-18"},
        ],
    }

    found = ticker_changes(results)

    assert all(isinstance(a, VendorAction) for a in found)
    assert [
        (a.symbol, a.new_symbol, a.effective_date, a.kind)
        for a in found
        if isinstance(a, VendorAction)
    ] == [("FB", "META", date(2022, 6, 9), K.SYMBOL_CHANGE)]
    assert found[0].vendor_id == "polygon:ticker_change:BBG000MM2P62:2022-06-09:FB:META"
