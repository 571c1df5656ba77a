"""`/console/streams`: Kafka topics and consumer groups, with a lag chart over recent minutes.

The stream monitor keeps windows for rates and latency but no lag history, so this module
keeps a small bounded ring per process (`LagHistory`: at most one sample per 5 s, 720
samples = one hour), fed whenever the page, its fragment or the chart's JSON is scraped.
The core bundle's `streams` is None when Kafka is not configured: the page says so plainly.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from adapters.http.console.pages import DESK_READ, fragment, page
from adapters.http.core import core_of
from application.market_data.stream_monitor import KafkaReport

SAMPLE_EVERY_S = 5.0
SAMPLES = 720


@dataclass
class LagHistory:
    """Total lag per consumer group over time; a sample closer than `every_s` to the last one
    is dropped, so scrapes from many tabs cost nothing extra."""

    every_s: float = SAMPLE_EVERY_S
    size: int = SAMPLES
    clock: Callable[[], float] = time.time
    _samples: deque[tuple[float, dict[str, int]]] = field(init=False)

    def __post_init__(self) -> None:
        self._samples = deque(maxlen=self.size)

    def feed(self, report: KafkaReport) -> None:
        now = self.clock()
        if self._samples and now - self._samples[-1][0] < self.every_s:
            return
        self._samples.append((now, {g.group: g.total for g in report.groups}))

    def chart(self) -> dict[str, Any]:
        """`{"x": [unix s], "series": {group: [lag or null]}}`, the shape console.js draws."""
        groups = sorted({g for _, lags in self._samples for g in lags})
        return {
            "x": [round(at, 3) for at, _ in self._samples],
            "series": {g: [lags.get(g) for _, lags in self._samples] for g in groups},
        }

    def __len__(self) -> int:
        return len(self._samples)


HISTORY = LagHistory()


async def _report(request: Request[Any, Any, Any]) -> KafkaReport | None:
    streams = core_of(request).streams
    if streams is None:
        return None
    report = await streams.report()
    HISTORY.feed(report)
    return report


def _context(report: KafkaReport | None) -> dict[str, Any]:
    return {"report": report, "samples": len(HISTORY)}


class StreamsDeskController(Controller):
    """`/console/streams` (risk officers and admins, as /api/v1/monitoring/kafka)."""

    path = "/streams"
    guards = (DESK_READ,)

    @get("/")
    async def streams(self, request: Request[Any, Any, Any]) -> Template:
        report = await _report(request)
        return page(request, "streams.html", title="Streams", context=_context(report))

    @get("/report")
    async def report(self, request: Request[Any, Any, Any]) -> Template:
        report = await _report(request)
        return fragment(request, "partials/streams_report.html", context=_context(report))

    @get("/lag.json")
    async def lag(self, request: Request[Any, Any, Any]) -> dict[str, Any]:
        await _report(request)
        return HISTORY.chart()
