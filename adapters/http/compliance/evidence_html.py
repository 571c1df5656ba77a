"""The evidence pack as one self-contained HTML page: inline CSS (with print rules) and inline
SVG charts (the denials per day, the drills' times to halt), no external asset, so the page
prints, archives and opens offline as it was handed over."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from application.compliance.evidence import EvidencePack

_TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(_TEMPLATES),
    autoescape=select_autoescape(("html",)),
    trim_blocks=True,
    lstrip_blocks=True,
)
# The charts' drawing area (SVG user units).
WIDTH, HEIGHT, PAD = 640, 160, 28


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: its box, its label and its value's text."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: str


def bars(points: Sequence[tuple[str, float]]) -> list[Bar]:
    """Bars for `points` (label, value >= 0) across the drawing area, scaled to the largest."""
    if not points:
        return []
    top = max(v for _, v in points) or 1.0
    step = (WIDTH - 2 * PAD) / len(points)
    width = max(step * 0.7, 1.0)
    out = []
    for i, (label, value) in enumerate(points):
        height = (HEIGHT - 2 * PAD) * (value / top)
        x = PAD + i * step + (step - width) / 2
        shown = f"{value:g}"
        out.append(Bar(round(x, 2), round(HEIGHT - PAD - height, 2), round(width, 2),
                       round(height, 2), label, shown))  # fmt: skip
    return out


def render_pack(pack: EvidencePack) -> str:
    """The pack's HTML page."""
    content: Mapping[str, Any] = pack.content
    breaches = [(d["day"], float(d["total"])) for d in content["breaches"]["per_day"]]
    drills = [
        (r["started_at"][:16].replace("T", " "), float(r["time_to_halt_ms"] or 0))
        for r in content["drills"]["runs"]
    ]
    template = _ENV.get_template("evidence_pack.html")
    return template.render(
        pack=pack,
        c=content,
        breach_bars=bars(breaches),
        drill_bars=bars(drills),
        width=WIDTH,
        height=HEIGHT,
        pad=PAD,
    )
