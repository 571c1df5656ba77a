"""Surveillance settings: thresholds and the close checked at load (one line naming the
variable), and where the detectors run by mode."""

from __future__ import annotations

import pytest

from bootstrap.settings import SettingsError, load_settings
from bootstrap.surveillance import rules, runs_in_process


def settings(**env: str) -> object:
    return load_settings({f"BULWARK_{k.upper()}": v for k, v in env.items()}, env_file=None)


def test_overrides_and_the_close_reach_the_rules() -> None:
    # Act
    loaded = load_settings(
        {
            "BULWARK_SURVEILLANCE_THRESHOLDS": '{"spoofing": {"size_ratio": 6}}',
            "BULWARK_SURVEILLANCE_CLOSE": "15:30",
            "BULWARK_SURVEILLANCE_CLOSE_ZONE": "Europe/London",
        },
        env_file=None,
    )
    built = rules(loaded)

    # Assert
    assert built.spoofing.size_ratio == 6.0
    assert (built.close_time.hour, built.close_time.minute, built.close_zone) == (
        15, 30, "Europe/London"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"surveillance_thresholds": "{nope"}, "BULWARK_SURVEILLANCE_THRESHOLDS: not JSON"),
        ({"surveillance_thresholds": "[1]"}, "expected a JSON object"),
        ({"surveillance_thresholds": '{"wash": {"window": 1}}'}, "wash.window: no such"),
        ({"surveillance_close": "4pm"}, "BULWARK_SURVEILLANCE_CLOSE: expected"),
        ({"surveillance_close_zone": "Mars/Olympus"}, "BULWARK_SURVEILLANCE_CLOSE_ZONE"),
        ({"surveillance_action": "shout"}, "BULWARK_SURVEILLANCE_ACTION"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_it(env: dict[str, str], named: str) -> None:
    # Act
    with pytest.raises(SettingsError) as refused:
        settings(**env)

    # Assert
    assert named in refused.value.message
    assert "\n" not in refused.value.message


@pytest.mark.parametrize(
    ("mode", "kafka", "in_process"),
    [
        ("auto", "", True),
        ("auto", "k:9092", False),
        ("inprocess", "k:9092", True),
        ("consumer", "", False),
        ("off", "", False),
    ],
)
def test_where_the_detectors_run(mode: str, kafka: str, in_process: bool) -> None:
    # Arrange
    env = {"surveillance": mode, **({"kafka_bootstrap": kafka} if kafka else {})}

    # Act / Assert
    assert runs_in_process(settings(**env)) is in_process  # type: ignore[arg-type]
