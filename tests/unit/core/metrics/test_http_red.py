"""RED figures per route: counted by template and status, timed into cumulative buckets."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from adapters.http.red import DURATION_BUCKETS, UNMATCHED, HttpRed


def scrape(red: HttpRed) -> dict[str, dict[tuple[tuple[str, str], ...], float]]:
    registry = CollectorRegistry()
    registry.register(red)
    samples: dict[str, dict[tuple[tuple[str, str], ...], float]] = {}
    for family in text_string_to_metric_families(generate_latest(registry).decode()):
        for sample in family.samples:
            key = tuple(sorted(sample.labels.items()))
            samples.setdefault(sample.name, {})[key] = sample.value
    return samples


def test_requests_are_counted_by_method_route_template_and_status() -> None:
    # Arrange
    red = HttpRed()

    # Act
    red.record("GET", "/api/v1/orders/{order_id}", 200, 0.001)
    red.record("GET", "/api/v1/orders/{order_id}", 200, 0.002)
    red.record("GET", None, 404, 0.0001)
    red.record("BREW", None, 405, 0.0001)

    # Assert
    counts = scrape(red)["bulwark_http_requests_total"]
    route = "/api/v1/orders/{order_id}"
    assert counts[(("method", "GET"), ("route", route), ("status", "200"))] == 2
    assert counts[(("method", "GET"), ("route", UNMATCHED), ("status", "404"))] == 1
    assert counts[(("method", "OTHER"), ("route", UNMATCHED), ("status", "405"))] == 1


def test_durations_fall_into_cumulative_buckets_with_a_bound_counted_in_its_own_bucket() -> None:
    # Arrange
    red = HttpRed()
    on_a_bound = DURATION_BUCKETS[2]

    # Act
    for seconds in (0.0001, on_a_bound, 20.0):
        red.record("POST", "/api/v1/orders", 201, seconds)

    # Assert
    samples = scrape(red)
    buckets = samples["bulwark_http_request_duration_seconds_bucket"]

    def cumulative(le: str) -> float:
        return buckets[(("le", le), ("method", "POST"), ("route", "/api/v1/orders"))]

    assert cumulative(str(DURATION_BUCKETS[0])) == 1
    assert cumulative(str(on_a_bound)) == 2
    assert cumulative(str(DURATION_BUCKETS[-1])) == 2
    assert cumulative("+Inf") == 3
    count = samples["bulwark_http_request_duration_seconds_count"]
    assert count[(("method", "POST"), ("route", "/api/v1/orders"))] == 3


def test_an_included_listeners_figures_are_summed_into_the_scrape() -> None:
    # Arrange
    api, lane = HttpRed(), HttpRed()
    api.include(lane)
    route = "/api/v1/kill-switch/activate"

    # Act
    api.record("POST", route, 201, 0.002)
    lane.record("POST", route, 201, 0.004)
    lane.record("POST", route, 403, 0.001)

    # Assert
    samples = scrape(api)
    counts = samples["bulwark_http_requests_total"]
    assert counts[(("method", "POST"), ("route", route), ("status", "201"))] == 2
    assert counts[(("method", "POST"), ("route", route), ("status", "403"))] == 1
    timed = samples["bulwark_http_request_duration_seconds_count"]
    assert timed[(("method", "POST"), ("route", route))] == 3
    total = samples["bulwark_http_request_duration_seconds_sum"]
    assert round(total[(("method", "POST"), ("route", route))], 6) == 0.007
