"""`/console/rebalancing`: a household's drift (chart data and table), a dry-run proposal with
each sold lot's gain and term, execution after a confirm step, autopilot limits; another
user's household or proposal answers 404; a viewer sees no button and its POSTs answer 403.
The household is the worked example of tests/http/test_rebalancing_api.py (today 2026-01-05)."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_rebalancing_api import household

pytestmark = pytest.mark.shares_app()

PAGE = "/console/rebalancing"


async def test_drift_propose_confirm_and_execute(harness: Harness, owner: User) -> None:
    pid = await household(harness, owner)

    async with signed_in(harness, owner.username) as client:
        listing = await client.get(PAGE)
        drift = await client.get(f"{PAGE}/portfolios/{pid}")
        proposed = await client.htmx("POST", f"{PAGE}/portfolios/{pid}/propose", data={})
        proposal_id = re.search(r'data-proposal="([^"]+)"', proposed.text).group(1)  # type: ignore[union-attr]
        unconfirmed = await client.post(f"{PAGE}/proposals/{proposal_id}/execute")
        asked = await client.htmx("GET", f"{PAGE}/proposals/{proposal_id}?confirm=true")
        executed = await client.htmx(
            "POST", f"{PAGE}/proposals/{proposal_id}/execute", data={"confirm": proposal_id}
        )
    api = await harness.client.get(
        f"/api/v1/rebalancing/proposals/{proposal_id}", headers=owner.headers
    )

    assert listing.status_code == 200 and f'href="{PAGE}/portfolios/{pid}"' in listing.text
    assert f'href="{PAGE}" data-key="x"' in listing.text
    assert drift.status_code == 200
    chart = chart_data(drift.text, "data-drift-chart", "drift-chart-household")
    assert chart["labels"] == ["BND", "VTI"] or sorted(chart["labels"]) == ["BND", "VTI"]
    row = dict(
        zip(chart["labels"], zip(chart["current"], chart["target"], strict=True), strict=True)
    )
    assert row["VTI"][0] > row["VTI"][1] and row["BND"][0] < row["BND"][1]
    assert all(
        lo <= t <= hi
        for lo, t, hi in zip(chart["low"], chart["target"], chart["high"], strict=True)
    )
    assert "out of band" in drift.text and 'id="propose-form"' in drift.text
    assert proposed.status_code == 200 and 'id="trades"' in proposed.text
    terms = set(re.findall(r'data-term="([a-z]+)"', proposed.text))
    assert terms == {"sheltered", "long"}
    assert 'id="proposal-gain">-240.00' in proposed.text
    assert 'id="execute-start"' in proposed.text and 'id="execute-form"' not in proposed.text
    assert unconfirmed.status_code == 422 and api.json()["status"] == "executed"
    assert (
        'id="execute-form"' in asked.text and f'name="confirm" value="{proposal_id}"' in asked.text
    )
    assert executed.status_code == 200 and 'id="orders"' in executed.text
    assert 'id="proposal-status">executed<' in executed.text


async def test_another_users_household_and_proposal_answer_404(
    harness: Harness, owner: User
) -> None:
    pid = await household(harness, owner)
    made = await harness.client.post(
        f"/api/v1/rebalancing/portfolios/{pid}/proposals", json={}, headers=owner.headers
    )
    proposal_id = made.json()["id"]
    stranger = await harness.user()

    async with signed_in(harness, stranger.username) as client:
        listing = await client.get(PAGE)
        answers = [
            await client.get(f"{PAGE}/portfolios/{pid}"),
            await client.post(f"{PAGE}/portfolios/{pid}/propose", {}),
            await client.get(f"{PAGE}/proposals/{proposal_id}"),
            await client.post(f"{PAGE}/proposals/{proposal_id}/execute", {"confirm": proposal_id}),
        ]

    assert pid not in listing.text
    assert [a.status_code for a in answers] == [404] * 4


async def test_autopilot_limits_with_inline_errors(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        empty = await client.get(PAGE)
        refused = await client.htmx(
            "POST", f"{PAGE}/autopilot", data={"max_turnover": "3", "max_realised_gain": "100"}
        )
        typed = await client.post(
            f"{PAGE}/autopilot", {"max_turnover": "lots", "max_realised_gain": "100"}
        )
        saved = await client.post(
            f"{PAGE}/autopilot", {"max_turnover": "0.2", "max_realised_gain": "1500"}
        )
        shown = await client.get(PAGE)

    assert 'id="no-limits"' in empty.text
    assert real_status(refused) == 422 and 'data-field="max_turnover"' in refused.text
    assert typed.status_code == 422 and "must be a number" in typed.text
    assert saved.status_code == 303
    assert 'id="limit-turnover">20.00 %' in shown.text and 'id="limit-gain">1,500.00' in shown.text


async def test_a_viewer_reads_but_sees_no_button_and_is_refused(
    harness: Harness, owner: User
) -> None:
    pid = await household(harness, owner)  # a viewer holds no household of its own
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        drift = await client.get(f"{PAGE}/portfolios/{pid}")
        listing = await client.get(PAGE)
        propose = await client.post(f"{PAGE}/portfolios/{pid}/propose", {})
        execute = await client.post(f"{PAGE}/proposals/rbp_x/execute", {"confirm": "rbp_x"})
        limits = await client.post(
            f"{PAGE}/autopilot", {"max_turnover": "0.2", "max_realised_gain": "10"}
        )

    assert drift.status_code == 404  # the owner's household is not the viewer's
    assert 'id="no-households"' in listing.text and 'id="limits-read-only"' in listing.text
    assert 'id="limits-form"' not in listing.text
    assert [propose.status_code, execute.status_code, limits.status_code] == [403, 403, 403]
