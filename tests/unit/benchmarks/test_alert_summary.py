"""bench_alert_latency's report: percentiles beside the targets, the server's histogram read
back from an exposition, a missed notice never reported as met. No timing involved."""

from __future__ import annotations

import io
import math

from benchmarks.alert_summary import (
    Figures,
    bucket_quantile,
    percentile,
    report,
    server_histogram,
)

EXPOSITION = """\
# HELP bulwark_alert_delivery_seconds Seconds from an event to its notification's delivery
# TYPE bulwark_alert_delivery_seconds histogram
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="order.denied",le="1.0"} 3.0
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="order.denied",le="5.0"} 4.0
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="order.denied",le="+Inf"} 4.0
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="agent.dead",le="1.0"} 1.0
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="agent.dead",le="5.0"} 1.0
bulwark_alert_delivery_seconds_bucket{channel="webhook",kind="agent.dead",le="+Inf"} 2.0
bulwark_alert_delivery_seconds_sum{channel="webhook",kind="agent.dead"} 7.5
bulwark_alert_delivery_seconds_count{channel="webhook",kind="agent.dead"} 2.0
"""


def test_nearest_rank_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]

    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (
        50.0,
        95.0,
        99.0,
    )
    assert percentile([0.3], 99) == 0.3


def test_the_server_histogram_sums_the_kinds_of_a_channel_and_interpolates_like_prometheus() -> (
    None
):
    # Act
    buckets = server_histogram(EXPOSITION)["webhook"]

    # Assert: 6 deliveries, 4 within 1 s, 5 within 5 s
    assert buckets == {1.0: 4.0, 5.0: 5.0, math.inf: 6.0}
    assert bucket_quantile(0.5, buckets) == 0.75  # 3 of the 4 in (0, 1]
    assert bucket_quantile(0.99, buckets) == 5.0  # in +Inf: its lower bound
    assert bucket_quantile(0.5, {math.inf: 0.0}) is None


def test_the_report_puts_each_channel_beside_its_target_and_a_miss_is_not_met() -> None:
    # Arrange
    figures = Figures(
        delays={
            ("order.denied", "in_app"): [0.05, 0.08, 0.5],
            ("order.denied", "websocket"): [0.04, 1.2],
            ("order.denied", "webhook"): [0.1, 0.2],
        },
        missed={("order.denied", "webhook"): 1},
        rounds={"order.denied": 3},
        server={"webhook": {1.0: 4.0, 5.0: 5.0, math.inf: 6.0}},
    )
    out = io.StringIO()

    # Act
    report(figures, out)

    # Assert
    printed = out.getvalue()
    assert "| order.denied | in_app | 3 | 80.0 | 500 | 500 | 0 | <= 1 s | met |" in printed
    slow = "| order.denied | websocket | 2 | 40.0 | 1,200 | 1,200 | 0 | <= 1 s | NOT met |"
    assert slow in printed
    assert "| order.denied | webhook | 2 | 100 | 200 | 200 | 1 | <= 5 s | NOT met |" in printed
    assert "| every kind | in_app | 3 |" in printed
    assert "webhook: 750 ms / 5,000 ms / 5,000 ms (6 deliveries, 1 over 5 s)" in printed
