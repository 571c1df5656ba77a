"""The evidence pack as a PDF, drawn by ReportLab (pure Python: no browser in the product):
the same sections as the HTML page, the digest on the first page and in every page's footer,
and bar charts of the denials per day and the drills' times to halt."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate  # type: ignore[import-untyped]

from application.compliance.evidence import EvidencePack

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("cell", parent=_STYLES["BodyText"], fontSize=7.5, leading=9)
_MONO = ParagraphStyle("mono", parent=_BODY, fontName="Courier", fontSize=7)
_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _p(text: Any, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape("" if text is None else str(text)), style)


def _table(head: Sequence[str], rows: Sequence[Sequence[Any]], empty: str) -> Table:
    body = [[_p(c) for c in row] for row in rows] or [[_p(empty)] + [_p("")] * (len(head) - 1)]
    table = Table([[_p(h) for h in head], *body], repeatRows=1, hAlign="LEFT")
    table.setStyle(_GRID)
    return table


def _chart(points: Sequence[tuple[str, float]]) -> Drawing:
    drawing = Drawing(170 * mm, 55 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, 150 * mm, 38 * mm
    chart.data = [[v for _, v in points]]
    chart.categoryAxis.categoryNames = [label for label, _ in points]
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#3465a4")
    drawing.add(chart)
    return drawing


def _reasons(by_reason: Mapping[str, int]) -> str:
    return ", ".join(f"{code}: {n}" for code, n in sorted(by_reason.items()))


def render_pdf(pack: EvidencePack) -> bytes:
    """The pack's PDF."""
    c: Mapping[str, Any] = pack.content
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title="Bulwark evidence pack", author="Bulwark",
        subject=f"sha256 {pack.digest}",
    )  # fmt: skip
    h1, h2 = _STYLES["Heading1"], _STYLES["Heading2"]
    scope = c["scope"]
    accounts, books = ", ".join(scope["accounts"]) or "none", ", ".join(scope["books"]) or "none"
    head = pack.chain_head_hash or "(empty chain)"
    story: list[Flowable] = [
        Paragraph("Evidence pack", h1),
        _p(f"{c['format']} · generated {c['generated_at']} by {c['generated_by']}"),
        _p(f"Period {c['period']['from']} – {c['period']['to']} (end exclusive)"),
        _p(f"Scope {scope['subject']}: accounts {accounts}; books {books}"),
        Spacer(1, 3 * mm),
        _p("SHA-256 of the canonical content:"),
        _p(pack.digest, _MONO),
        _p(
            f"Audit entry compliance.evidence_pack: seq {pack.audit_seq}; chain head before it: "
            f"seq {pack.chain_head_seq}, hash {head}"
        ),
        Paragraph("Control inventory", h2),
    ]
    inventory = c["inventory"]
    for unit, label in [(a, "Account " + a["account_id"]) for a in inventory["accounts"]] + [
        (b, "Book " + b["book_id"]) for b in inventory["books"]
    ]:
        story.append(_p(label, _STYLES["Heading4"]))
        rows = [
            (f"{r['requirement']['citation']} · {r['requirement']['title']}", r["status"],
             "; ".join(r["gaps"]))
            for r in unit["requirements"]
        ]  # fmt: skip
        story.append(_table(("Requirement", "Status", "Gaps"), rows, "none"))
    story.append(Paragraph("Configured limits", h2))
    limits = [
        (r["id"], r["rule_type"], f"{r['scope']} {r['account_id'] or ''}", r["action"],
         "yes" if r["is_active"] else "no",
         " ".join(f"{k}={v}" for k, v in sorted(r["params"].items())))
        for r in c["limits"]
    ]  # fmt: skip
    story.append(
        _table(("Rule", "Type", "Scope", "Action", "Active", "Parameters"), limits, "none")
    )
    story.append(Paragraph("Breaches (denials per day)", h2))
    days = c["breaches"]["per_day"]
    if days:
        story.append(_chart([(d["day"][5:], float(d["total"])) for d in days]))
    story.append(
        _table(
            ("Day (UTC)", "Denials", "By reason code"),
            [(d["day"], d["total"], _reasons(d["by_reason"])) for d in days],
            "No denial in the period.",
        )
    )  # fmt: skip
    story.append(Paragraph("Kill-switch drills", h2))
    runs = c["drills"]["runs"]
    if runs:
        story.append(
            _chart([(r["started_at"][5:16], float(r["time_to_halt_ms"] or 0)) for r in runs])
        )
    story.append(
        _table(
            ("Drill", "Started", "Target", "Outcome", "Time to halt (ms)"),
            [(r["id"], r["started_at"], r["target"]["kind"], r["outcome"], r["time_to_halt_ms"])
             for r in runs],
            "No drill in the period.",
        )
    )  # fmt: skip
    story.append(Paragraph("Kill-switch activations", h2))
    story.append(
        _table(
            ("Triggered", "Scope", "Trigger", "Elapsed (ms)", "Per venue"),
            [(e["triggered_at"], e["scope"], f"{e['trigger_type']}: {e['reason']}", e["elapsed_ms"],
              "; ".join(f"{v['broker']}: {v['cancel_acknowledged']}/{v['cancel_requested']} "
                        f"acknowledged, {v['remaining_open']} open, "
                        f"{'confirmed' if v['confirmed'] else 'NOT confirmed'}"
                        for v in e["venues"]))
             for e in c["activations"]["events"]],
            "No activation in the period.",
        )
    )  # fmt: skip
    story.append(Paragraph("Surveillance cases", h2))
    story.append(
        _table(
            ("Detected", "Case", "Pattern", "Accounts", "Status", "Resolution"),
            [(s["detected_at"], s["id"], f"{s['pattern']} {s['symbol']}", ", ".join(s["accounts"]),
              s["status"], f"{s['action']} {s['note']}".strip())
             for s in c["surveillance"]["cases"]],
            "No case in the period.",
        )
    )  # fmt: skip
    story.append(Paragraph("Audit chain", h2))
    audit = c["audit"]
    story.append(_p(f"Head: seq {audit['head_seq']}, hash {audit['head_hash']}"))
    if "verification" in audit:
        v = audit["verification"]
        story.append(
            _p(f"Verification: {'intact' if v['ok'] else 'BROKEN'}, {v['checked']} checked")
        )
    else:
        n = audit["entries_in_scope"]
        story.append(_p(f"Entries in scope: {n['count']}{'+' if n['truncated'] else ''}"))

    def footer(canvas: Any, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Courier", 6.5)
        canvas.drawString(15 * mm, 10 * mm, f"sha256 {pack.digest}  page {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
