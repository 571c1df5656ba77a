"""Traces through the kill switch's lane: its own thread and loop, the same trace."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.http.harness import PASSCODE
from tests.http.tracing_harness import parent_id, span_id, trace_id, traced_harness
from tests.integration.servers import free_port

ACTIVATE = "/api/v1/kill-switch/activate"


async def _finished(exporter: Any, name: str, count: int, within: float = 5.0) -> Any:
    """The finished spans once `count` of them are named `name` (or all there are at `within`)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        spans = exporter.get_finished_spans()
        named = [s for s in spans if s.name == name]
        if len(named) >= count or asyncio.get_running_loop().time() > deadline:
            return spans
        await asyncio.sleep(0.02)


async def test_an_activation_run_on_the_lane_stays_in_the_requests_trace() -> None:
    lane_port = free_port()
    async with traced_harness(kill_switch_lane="true", kill_switch_port=str(lane_port)) as (
        h,
        exporter,
    ):
        # Arrange
        owner = await h.user()
        await h.instrument("AAPL", "190")
        account = await h.account(owner, "acc-1")
        body = {"passcode": PASSCODE, "scope": {"kind": "account", "id": account}}
        exporter.clear()

        # Act: through the API (handed to the lane), then on the lane's own listener
        via_api = await h.client.post(ACTIVATE, json=body, headers=owner.headers)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{lane_port}") as lane:
            direct = await lane.post(ACTIVATE, json=body, headers=owner.headers)

        # Assert
        assert via_api.status_code == 201, via_api.text
        assert direct.status_code == 201, direct.text
        # The lane's server span ends on its own thread just after the last byte is sent: the
        # reply can be read here before it has (a busy machine shows it).
        spans = await _finished(exporter, f"HTTP POST {ACTIVATE}", 2)
    servers = [s for s in spans if s.name == f"HTTP POST {ACTIVATE}"]
    engages = [s for s in spans if s.name == "killswitch.engage"]
    assert len(servers) == 2 and len(engages) == 2
    assert {parent_id(e) for e in engages} == {span_id(s) for s in servers}
    for engage in engages:
        halt = [s for s in spans if s.name == "killswitch.halt" and trace_id(s) == trace_id(engage)]
        assert [parent_id(s) for s in halt] == [span_id(engage)]
