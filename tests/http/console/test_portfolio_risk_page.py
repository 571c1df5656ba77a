"""`/console/portfolios/{id}`'s Risk section: the figures GET /api/v1/portfolios/{id}/risk
answers for the same stored ledger and bars (volatility, Sharpe, drawdown, beta, tax drag,
the held positions' correlation heat map and diversification ratio), the use case's note
where the stored history is too short, a refused parameter beside its field, another user's
portfolio the not-found page, and a viewer reading its own. The harness clock's today is
2026-01-05."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from decimal import Decimal

from adapters.http.console.analytics_view import percent, plain
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Role
from ports.portfolio.portfolios import Portfolio, PortfolioAccount
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_portfolio_risk_api import ledger, long_closes, write_bars, write_long_bars

PAGE = "/console/portfolios"
API = "/api/v1/portfolios"


def shown(text: str, element_id: str) -> tuple[str, str]:
    """(the text shown, its data-value) of the element `element_id`."""
    found = re.search(rf'id="{element_id}"[^>]*data-value="([^"]*)"[^>]*>([^<]*)<', text)
    assert found, f"no #{element_id}"
    return found.group(2).strip(), html.unescape(found.group(1))


def correlation_cells(text: str) -> list[tuple[str, str, str]]:
    """(class, data-value, text) of each heat-map cell, row by row."""
    table = re.search(r'id="risk-correlation".*?</table>', text, re.S)
    assert table, "no heat map"
    return re.findall(
        r'<td class="num (corr-[pn]\d)" data-value="([^"]*)">([^<]*)<', table.group(0)
    )


async def test_the_risk_section_shows_the_apis_figures_and_heat_map(
    harness: Harness, owner: User
) -> None:
    # Arrange: 8 AAA and 5 BBB held, 40 days of stored closes
    pf, _ = await ledger(harness, owner)
    await write_long_bars(harness, long_closes())
    api = await harness.client.get(
        f"{API}/{pf}/risk", params={"window_days": 60}, headers=owner.headers
    )
    expected = api.json()
    held = expected["held_correlation"]

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(f"{PAGE}/{pf}", params={"window_days": "60"})

    # Assert
    assert api.status_code == 200 and response.status_code == 200, response.text
    page = response.text
    assert shown(page, "risk-volatility-annual") == (
        percent(expected["volatility_annual"]),
        repr(expected["volatility_annual"]),
    )
    assert shown(page, "risk-sharpe") == (plain(expected["sharpe"]), repr(expected["sharpe"]))
    assert shown(page, "risk-max-drawdown")[0] == percent(expected["max_drawdown"])
    assert shown(page, "risk-beta") == (plain(expected["beta"]), repr(expected["beta"]))
    assert shown(page, "risk-tax-drag")[0] == percent(expected["tax_drag"])
    assert f'id="risk-tax-cost">{expected["tax_cost"]}<' in page
    assert shown(page, "risk-diversification") == (
        plain(held["diversification_ratio"]),
        repr(held["diversification_ratio"]),
    )
    cells = correlation_cells(page)
    flat = [c for row in held["correlation"] for c in row]
    assert [float(value) for _, value, _ in cells] == flat
    assert [text for _, _, text in cells] == [plain(c, 2) for c in flat]
    assert cells[0][0] == "corr-p4"  # the diagonal: 1
    assert expected["conventions"]["held_correlation"] in html.unescape(page)
    assert f'href="/console/stress?source=portfolio:{pf}" id="stress-link"' in page


async def test_too_short_a_history_shows_the_use_cases_note(harness: Harness, owner: User) -> None:
    # Arrange: six days of closes (five returns)
    pf, _ = await ledger(harness, owner)
    await write_bars(harness, ["AAA", "BBB", "SPY"])
    api = (await harness.client.get(f"{API}/{pf}/risk", headers=owner.headers)).json()

    # Act
    async with signed_in(harness, owner.username) as client:
        response = await client.get(f"{PAGE}/{pf}")

    # Assert
    assert response.status_code == 200
    note = re.search(r'id="risk-held-note">([^<]*)<', response.text)
    assert note is not None and note.group(1) == api["held_correlation_note"]
    assert api["held_correlation_note"].startswith("5 daily returns")
    assert 'id="risk-correlation"' not in response.text
    assert shown(response.text, "risk-sharpe")[0] == plain(api["sharpe"])


async def test_a_symbol_without_bars_shows_the_reasons_and_a_bad_window_is_refused(
    harness: Harness, owner: User
) -> None:
    # Arrange: BBB has no stored closes
    pf, _ = await ledger(harness, owner)
    await write_bars(harness, ["AAA"])

    # Act
    async with signed_in(harness, owner.username) as client:
        missing = await client.get(f"{PAGE}/{pf}")
        short = await client.htmx("GET", f"{PAGE}/{pf}", params={"window_days": "5"})
        garbled = await client.get(f"{PAGE}/{pf}", params={"window_days": "a year"})

    # Assert
    assert missing.status_code == 200
    assert "no stored daily adjusted closes in the window for: BBB" in missing.text
    assert 'id="risk-held-note">no stored daily bars for BBB<' in missing.text
    assert shown(missing.text, "risk-volatility-annual") == ("—", "")
    assert real_status(short) == 422 and short.headers["X-Bulwark-Code"] == "INVALID_RISK_REQUEST"
    assert 'data-field="window_days"' in short.text and 'id="risk-sharpe"' not in short.text
    assert garbled.status_code == 422 and 'data-field="window_days"' in garbled.text


async def test_another_users_portfolio_is_the_not_found_page(harness: Harness, owner: User) -> None:
    # Arrange
    pf, _ = await ledger(harness, owner)
    await write_long_bars(harness, long_closes())
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        response = await client.get(f"{PAGE}/{pf}", params={"window_days": "60"})

    # Assert
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert 'id="portfolio-risk"' not in response.text and "AAA" not in response.text


async def test_a_viewer_reads_the_risk_of_its_own_portfolio(harness: Harness) -> None:
    # Arrange: the viewer may not book, so its ledger is stored as the application stores it
    viewer = await harness.user(Role.VIEWER)
    store = harness.container.portfolio.portfolio_store()
    created = datetime(2025, 1, 1, tzinfo=UTC)
    account = PortfolioAccount("ma-viewer", "Brokerage")
    await store.add_portfolio(
        Portfolio("pf-viewer", viewer.id, "Watched", "USD", created, accounts=(account,))
    )
    await store.add_transactions("pf-viewer", [
        Transaction(id=f"tv-{s}", portfolio_id="pf-viewer", account_id="ma-viewer",
                    kind=TransactionKind.BUY, trade_date=date(2025, 1, 2), symbol=s,
                    quantity=Decimal(q), price=Decimal("10"))
        for s, q in (("AAA", "8"), ("BBB", "5"))
    ])  # fmt: skip
    await write_long_bars(harness, long_closes())
    api = await harness.client.get(
        f"{API}/pf-viewer/risk", params={"window_days": "60"}, headers=viewer.headers
    )

    # Act
    async with signed_in(harness, viewer.username) as client:
        response = await client.get(f"{PAGE}/pf-viewer", params={"window_days": "60"})

    # Assert
    assert response.status_code == 200, response.text
    ratio = api.json()["held_correlation"]["diversification_ratio"]
    assert shown(response.text, "risk-diversification")[1] == repr(ratio)
