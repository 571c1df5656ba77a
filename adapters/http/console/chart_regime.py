"""The chart page's regime panel: the market regime of the symbol's stored daily bars.

The same use case as GET /api/v1/analytics/regime/{symbol} (`RegimeDetectionService`, the
default range: three years to today, adjusted closes), with the regime's spells over the range
(`timeline_stored`): the reading of each day on the closes up to it, so the last spell is the
current reading. Shown: the label, each regime's score and the indicators behind them as the
API gives them, a band of the spells (widths in days) and the dates where the regime changed.
Too short a history (fewer than 200 stored closes) or none: the API's message, as the panel's
content (a 200 the page swaps in).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from litestar import Request
from litestar.response import Template

from adapters.http.console.analytics_view import percent, plain
from adapters.http.console.pages import fragment
from adapters.http.contexts import bundle_of
from application.analytics.market_regime import StoredTimeline
from domain.analytics.regime_detection import InvalidPriceHistory

SYMBOL = re.compile(r"[A-Z0-9._/-]{1,32}")  # the API's path pattern, upper-cased
# The most recent changes listed (the band shows them all).
MAX_CHANGES = 24


def regime_view(timeline: StoredTimeline) -> dict[str, Any]:
    """The panel's figures as shown: scores and plain figures to 4 places, rates in percent."""
    r = timeline.reading
    band, offset = [], 0
    for s in timeline.spells:
        band.append(
            {
                "regime": s.regime.value,
                "first_day": s.first_day,
                "last_day": s.last_day,
                "days": s.days,
                "offset": offset,
            }
        )
        offset += s.days
    changes = [
        {"on": after.first_day, "before": before.regime.value, "after": after.regime.value}
        for before, after in pairwise(timeline.spells)
    ]
    cross = "golden" if r.sma_50 > r.sma_200 else "death" if r.sma_50 < r.sma_200 else "none"
    return {
        "label": r.label.value,
        "scores": [(regime.value, plain(score)) for regime, score in r.scores.items()],
        "indicators": [
            ("volatility_20d", percent(r.volatility), "%"),
            ("volatility_60d", percent(r.volatility_60d), "%"),
            ("sma_50", plain(r.sma_50), ""),
            ("sma_200", plain(r.sma_200), ""),
            ("trend", percent(r.trend), "%"),
            ("rsi_14", plain(r.rsi), ""),
            ("drawdown", percent(r.drawdown), "%"),
            ("last_close", plain(r.last_close), ""),
        ],
        "cross": cross,
        "observations": r.observations,
        "history": timeline.history,
        "band": band,
        "total_days": offset,
        "changes": list(reversed(changes))[:MAX_CHANGES],
        "change_count": len(changes),
        "read_from": band[0]["first_day"] if band else None,
    }


async def regime_panel(request: Request[Any, Any, Any], symbol: str) -> Template:
    """The panel for `symbol` (upper-cased), or the API's reason why there is none."""
    symbol = symbol.strip().upper()
    analytics = bundle_of(request, "analytics")
    view, problem = None, None
    if not SYMBOL.fullmatch(symbol):
        problem = "a symbol is 1 to 32 letters, digits or . _ / -"
    elif analytics is None:
        problem = "the regime is not served by this instance"
    else:
        try:
            view = regime_view(await analytics.market_regime.timeline_stored(symbol))
        except InvalidPriceHistory as exc:  # too few stored closes (or none)
            problem = exc.message
    return fragment(
        request,
        "partials/chart_regime.html",
        context={"symbol": symbol, "view": view, "problem": problem},
    )
