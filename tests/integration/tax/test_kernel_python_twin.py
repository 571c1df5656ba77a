"""With BULWARK_NUMBA=0 the kernel's code runs as plain Python (numba's decorators step aside)
and still gives the Decimal pass's ledger; "auto" then keeps to the Decimal pass."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = textwrap.dedent(
    """
    from datetime import date
    from decimal import Decimal as D

    from benchmarks.ledger_data import ACCOUNTS, LedgerSpec, generate
    from domain.jit import NUMBA_ENABLED
    from domain.portfolio.transactions import LotPick, Transaction, TransactionKind as K
    from domain.tax.engine import compute_tax_ledger, decimal_ledger, engine_mode
    from domain.tax.lots import TaxAccount
    from tests.unit.tax.kernel_histories import shown

    assert not NUMBA_ENABLED
    accounts = {a.id: TaxAccount(a.id, a.tax_type, a.lot_method) for a in ACCOUNTS}

    def row(n, kind, day, **kw):
        return Transaction(id=f"m{n}", portfolio_id="p", account_id="brokerage", kind=kind,
                           trade_date=date.fromisoformat(day), symbol="MAN", **kw)

    txs = generate(LedgerSpec(transactions=120, symbols=3, seed=5)) + [
        row(1, K.BUY, "2025-03-03", quantity=D("10.5"), price=D("20"), fees=D("1.00")),
        row(2, K.TRANSFER_IN, "2025-03-04", quantity=D("4"), price=D("18.25"),
            acquired=date(2020, 2, 29)),
        row(3, K.SELL, "2025-03-10", quantity=D("3"), price=D("15"),
            lot_picks=(LotPick("m1", D("2")), LotPick("m2", D("1")))),
        row(4, K.BUY, "2025-03-20", quantity=D("2"), price=D("14")),
        row(5, K.SPLIT, "2025-04-01", split_ratio=D("0.5")),
        row(6, K.TRANSFER_OUT, "2025-04-02", quantity=D("2.25")),
        row(7, K.SELL, "2025-04-03", quantity=D("1"), price=D("40")),
    ]
    assert compute_tax_ledger(txs, accounts).computed_by == "decimal"
    with engine_mode("kernel"):
        ledger = compute_tax_ledger(txs, accounts)
    assert ledger.computed_by == "kernel"
    assert shown(ledger) == shown(decimal_ledger(txs, accounts))
    print("same", len(ledger.realized), len(ledger.wash_sales), len(ledger.transferred_out))
    """
)


def test_with_numba_off_the_kernel_runs_as_python_and_gives_the_same_ledger() -> None:
    # Arrange
    env = {**os.environ, "BULWARK_NUMBA": "0", "PYTHONPATH": str(ROOT)}

    # Act
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )

    # Assert
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[0] == "same" and min(int(w) for w in words[1:]) > 0
