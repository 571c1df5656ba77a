"""/console/chart's regime panel: the market regime of a symbol's stored daily bars as
GET /api/v1/analytics/regime/{symbol} reads it (label, scores, indicators), the band of its
spells and the dates where it changed, and the API's note when the history is short."""

from __future__ import annotations

import re

import pytest

from domain.analytics.regime_detection import detect_regime
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User
from tests.http.test_regime_detect import store_closes, walk

pytestmark = pytest.mark.serves(
    "trading", "safety", "market_data", "devices", "analytics", "console"
)

PANEL = "/console/chart/regime"
API = "/api/v1/analytics/regime"


def _cells(html: str, table: str, attribute: str) -> dict[str, str]:
    body = html.split(f'id="{table}"')[1].split("</table>")[0]
    rows = re.findall(
        rf'<tr {attribute}="([\w]+)"><th scope="row">[^<]*</th><td class="num">([^<]*)</td>', body
    )
    return dict(rows)


async def test_the_panel_reads_the_stored_bars_as_the_api_does(
    harness: Harness, owner: User
) -> None:
    # Arrange: 420 stored closes: a year rising, then a fall
    prices = walk(260, 0.002, 0.004, seed=4)
    prices += [prices[-1] * 0.99**k for k in range(1, 161)]
    first, last = await store_closes(harness, "TURN", prices)
    await harness.instrument("TURN", "100")

    # Act
    async with signed_in(harness, owner.username) as client:
        chart = await client.get("/console/chart?symbol=TURN")
        panel = await client.get(PANEL, params={"symbol": "turn"})
    api = await harness.client.get(f"{API}/TURN", headers=owner.headers)

    # Assert: the API's reading, shown as the API gives it
    assert 'hx-get="/console/chart/regime?symbol=TURN"' in chart.text
    assert panel.status_code == 200 and api.status_code == 200, api.text
    out = api.json()
    assert re.search(r'id="regime-label">(\w+)<', panel.text).group(1) == out["label"]  # type: ignore[union-attr]
    assert _cells(panel.text, "regime-scores", "data-regime") == {
        name: f"{score:.4f}" for name, score in out["scores"].items()
    }
    shown = _cells(panel.text, "regime-indicators", "data-indicator")
    assert shown["volatility_20d"] == f"{out['volatility_20d'] * 100:.2f} %"
    assert shown["rsi_14"] == f"{out['rsi_14']:.4f}"
    assert shown["drawdown"] == f"{out['drawdown'] * 100:.2f} %"
    assert shown["cross"] == out["cross"]
    assert f"stored daily closes {first} to {last}" in panel.text
    # The changes: the days whose reading (on the closes up to them) differs from the day
    # before's, newest first; the band's last spell is the current reading.
    labels = [detect_regime(prices[: t + 1]).label.value for t in range(199, len(prices))]
    days = re.findall(r'data-first="([\d-]+)" data-last="([\d-]+)"', panel.text)
    spells = re.findall(r'<rect class="regime-(\w+)"', panel.text)
    changes = re.findall(r'<tr class="regime-change" data-on="([\d-]+)">', panel.text)
    expected = [k for k in range(1, len(labels)) if labels[k] != labels[k - 1]]
    assert len(changes) == len(expected) >= 1
    assert [spells[0], spells[-1]] == [labels[0], out["label"]]
    assert days[-1][1] == last and changes == [d[0] for d in days[1:]][::-1]
    assert sum(1 for _ in spells) == len(expected) + 1


async def test_a_short_history_shows_the_apis_note(harness: Harness, owner: User) -> None:
    # Arrange: 150 stored closes, fewer than the 200-day average needs
    await store_closes(harness, "SHORT", walk(150, 0.0, 0.01))

    # Act
    async with signed_in(harness, owner.username) as client:
        short = await client.get(PANEL, params={"symbol": "SHORT"})
        none = await client.get(PANEL, params={"symbol": "NOBARS"})
        bad = await client.get(PANEL, params={"symbol": "<x>"})
    api = await harness.client.get(f"{API}/SHORT", headers=owner.headers)

    # Assert
    assert short.status_code == 200
    assert api.status_code == 422
    assert 'id="regime-none"' in short.text and api.json()["detail"] in short.text
    assert "0 stored daily closes of NOBARS" in none.text
    assert 'id="regime-none"' in bad.text and "&lt;X&gt;" in bad.text
