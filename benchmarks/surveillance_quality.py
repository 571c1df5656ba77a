"""Precision and recall of the surveillance detectors on labelled scenarios.

An alert is a true positive when a labelled episode of its pattern has the same owner and
symbol and the alert came between the episode's start and `SLACK_US` after its end; an
episode is found when at least one alert matches it. Run as a script for the figures:

    .venv/bin/python -m benchmarks.surveillance_quality [--seeds 100000:100024]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.surveillance_scenarios import PATTERNS, QUALITY_SEEDS, Scenario, mixed_day
from benchmarks.surveillance_sim import US, Label, feed
from domain.surveillance.detections import Detection
from domain.surveillance.engine import SurveillanceEngine
from domain.surveillance.rules import SurveillanceRules

SLACK_US = 300 * US  # the default cooldown: one alert per episode
RECALL_TARGET, PRECISION_TARGET = 0.9, 0.8


@dataclass(slots=True)
class Tally:
    """One pattern's counts over a set of scenarios."""

    alerts: int = 0
    true_alerts: int = 0
    episodes: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.true_alerts / self.alerts if self.alerts else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.episodes if self.episodes else 1.0


def detect(scenario: Scenario, rules: SurveillanceRules | None = None) -> list[Detection]:
    engine = SurveillanceEngine(rules)
    feed(engine, scenario.events)
    return engine.take()


def matches(alert: Detection, label: Label) -> bool:
    return (
        alert.pattern.value == label.pattern
        and alert.owner_id == label.owner
        and alert.symbol == label.symbol
        and label.start_us - US <= alert.detected_us <= label.end_us + SLACK_US
    )


def score(
    scenarios: Iterable[Scenario], rules: SurveillanceRules | None = None
) -> dict[str, Tally]:
    tallies = {pattern: Tally() for pattern in PATTERNS}
    for scenario in scenarios:
        alerts = detect(scenario, rules)
        for alert in alerts:
            tally = tallies[alert.pattern.value]
            tally.alerts += 1
            tally.true_alerts += any(matches(alert, label) for label in scenario.labels)
        for label in scenario.labels:
            tally = tallies[label.pattern]
            tally.episodes += 1
            tally.found += any(matches(alert, label) for alert in alerts)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    lines = [
        f"{'pattern':<20}{'episodes':>9}{'alerts':>8}{'precision':>11}{'recall':>8}  targets",
    ]
    for pattern, t in tallies.items():
        ok = t.precision >= PRECISION_TARGET and t.recall >= RECALL_TARGET
        lines.append(
            f"{pattern:<20}{t.episodes:>9}{t.alerts:>8}{t.precision:>11.3f}{t.recall:>8.3f}"
            f"  P>={PRECISION_TARGET} R>={RECALL_TARGET} {'met' if ok else 'MISSED'}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=f"{QUALITY_SEEDS.start}:{QUALITY_SEEDS.stop}")
    args = parser.parse_args()
    first, last = (int(x) for x in args.seeds.split(":"))
    started = time.perf_counter()
    scenarios = [mixed_day(seed) for seed in range(first, last)]
    events = sum(len(s.events) for s in scenarios)
    print(f"mixed days, seeds {first}..{last - 1}: {events} events")
    print(table(score(scenarios)))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
