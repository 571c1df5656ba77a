"""deploy/prometheus: the alert rules and scrape config, checked by promtool when it is on PATH
(scripts/ensure-promtool.sh installs Debian's `prometheus`), and their shape checked always."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
RULES = DEPLOY / "prometheus" / "alerts.yml"
RULE_TESTS = DEPLOY / "prometheus" / "alerts.test.yml"
CONFIG = DEPLOY / "prometheus" / "prometheus.yml"
# What the desk needs the rules to page on, by alert name.
EXPECTED = {
    "BulwarkKillSwitchUnconfirmed",
    "BulwarkConsumerLagHigh",
    "BulwarkProviderBreakerOpen",
    "BulwarkHttpErrorRate",
    "BulwarkOutboxBacklog",
    "BulwarkAlertDeliverySlow",  # RTS 6 Art. 16: alerts within five seconds of their event
}

promtool = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    promtool is None,
    reason="promtool is not on PATH (sh scripts/ensure-promtool.sh installs Debian's prometheus)",
)


def rules() -> list[dict[str, Any]]:
    document = yaml.safe_load(RULES.read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    assert promtool is not None
    return subprocess.run(
        [promtool, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_every_alert_the_desk_needs_is_there_with_a_severity_and_a_summary() -> None:
    # Act
    found = rules()

    # Assert
    assert {rule["alert"] for rule in found} >= EXPECTED
    for rule in found:
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
        assert rule["annotations"]["summary"], rule["alert"]
        assert rule["annotations"]["description"], rule["alert"]


@needs_promtool
def test_promtool_accepts_the_rules() -> None:
    # Act
    checked = run("check", "rules", str(RULES))

    # Assert
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"SUCCESS: {len(rules())} rules found" in checked.stdout


@needs_promtool
def test_each_alert_fires_on_its_series_and_stays_quiet_on_healthy_ones() -> None:
    # Arrange
    tested = {
        case["alertname"]
        for test in yaml.safe_load(RULE_TESTS.read_text())["tests"]
        for case in test["alert_rule_test"]
    }

    # Act
    result = run("test", "rules", str(RULE_TESTS))

    # Assert
    assert {rule["alert"] for rule in rules()} <= tested
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_promtool_accepts_the_scrape_config() -> None:
    # Act (syntax only: the token file exists only in the compose container)
    checked = run("check", "config", "--syntax-only", str(CONFIG))

    # Assert
    assert checked.returncode == 0, checked.stdout + checked.stderr
