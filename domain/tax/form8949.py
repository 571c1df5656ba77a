"""Form 8949 ("Sales and Other Dispositions of Capital Assets")-shaped CSV for one tax year.

Rows: the REPORTABLE realized lots (IRA rows excluded) sold in `year`, ordered by date sold
(stable); Part I = short term, Part II = long term, each followed by its totals row.
Columns: part, box, (a) description
("100 sh XYZ", quantity without trailing zeros), (b) date acquired (the holding-period start,
wash-adjusted), (c) date sold, (d) proceeds, (e) cost basis, (f) code ("W" for a wash sale),
(g) adjustment (the disallowed loss, positive; blank when none), (h) gain or (loss).
Amounts: rounded to the cent, ROUND_HALF_UP (the usual reporting rounding; the IRS also
accepts whole dollars), negatives with a minus sign; column (h) is recomputed from the
rounded (d) - (e) + (g) so every row foots, and totals are the sums of the rounded rows.
Dates: MM/DD/YYYY as printed on the form. Box (A/B/C... for Part I, D/E/F... for Part II,
which depends on the broker's Form 1099-B reporting) is not known to the ledger: the caller
may pass it, else the column reads "not determined". Amounts are in the rows' currency
(USD for a US return); the ledger does not convert.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from domain.numbers import CENT
from domain.tax.lots import RealizedLot
from domain.tax.methods import Term

_by_sold = attrgetter("sold")
NOT_DETERMINED = "not determined"
HEADER = (
    "part",
    "box",
    "(a) description",
    "(b) date acquired",
    "(c) date sold",
    "(d) proceeds",
    "(e) cost basis",
    "(f) code",
    "(g) adjustment",
    "(h) gain or (loss)",
)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _shares(quantity: Decimal) -> str:
    text = format(quantity.normalize(), "f")
    return text


def form_8949_csv(
    realized: Sequence[RealizedLot],
    year: int,
    *,
    short_box: str | None = None,
    long_box: str | None = None,
) -> str:
    """The year's Form 8949 rows as CSV text (RFC 4180, CRLF line ends, a header row)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    rows = sorted((r for r in realized if r.reportable and r.sold.year == year), key=_by_sold)
    for part, term, box in (("I", Term.SHORT, short_box), ("II", Term.LONG, long_box)):
        label = box or NOT_DETERMINED
        totals = [Decimal(0)] * 4
        for row in rows:
            if row.term is not term:
                continue
            proceeds = _cents(row.proceeds)
            basis = _cents(row.cost_basis)
            adjustment = _cents(row.wash_disallowed)
            gain = proceeds - basis + adjustment
            for n, amount in enumerate((proceeds, basis, adjustment, gain)):
                totals[n] += amount
            washed = row.wash_disallowed > 0
            writer.writerow(
                (
                    part,
                    label,
                    f"{_shares(row.quantity)} sh {row.symbol}",
                    row.acquired.strftime("%m/%d/%Y"),
                    row.sold.strftime("%m/%d/%Y"),
                    f"{proceeds:f}",
                    f"{basis:f}",
                    "W" if washed else "",
                    f"{adjustment:f}" if washed else "",
                    f"{gain:f}",
                )
            )
        writer.writerow(
            (
                part,
                label,
                "Totals",
                "",
                "",
                *(f"{_cents(t):f}" for t in totals[:2]),
                "",
                *(f"{_cents(t):f}" for t in totals[2:]),
            )
        )
    return out.getvalue()
