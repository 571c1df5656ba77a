"""The drop copy's Prometheus figures (adapters/metrics/drop_copy.py)."""

from __future__ import annotations

from prometheus_client import generate_latest

from adapters.metrics.drop_copy import PrometheusDropCopyMeter


def test_the_delay_is_a_histogram_per_target_beside_the_counts() -> None:
    # Arrange
    meter = PrometheusDropCopyMeter()

    # Act
    meter.recorded(3)
    meter.delivered("webhook", 0.02)
    meter.delivered("webhook", 0.7)
    meter.delivered("kafka", 0.004)
    meter.failed("webhook")
    meter.unrecorded(5)
    text = generate_latest(meter.registry).decode()

    # Assert
    assert 'bulwark_drop_copy_delay_seconds_bucket{le="0.025",target="webhook"} 1.0' in text
    assert 'bulwark_drop_copy_delay_seconds_bucket{le="1.0",target="webhook"} 2.0' in text
    assert 'bulwark_drop_copy_delay_seconds_count{target="kafka"} 1.0' in text
    assert 'bulwark_drop_copy_delivered_total{target="webhook"} 2.0' in text
    assert 'bulwark_drop_copy_failed_attempts_total{target="webhook"} 1.0' in text
    assert "bulwark_drop_copy_recorded_total 3.0" in text
    assert "bulwark_drop_copy_unrecorded 5.0" in text
