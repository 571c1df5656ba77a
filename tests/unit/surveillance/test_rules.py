"""Threshold overrides: applied per field, refused with the field named when wrong."""

from __future__ import annotations

import pytest

from domain.surveillance.rules import InvalidSurveillanceRules, SurveillanceRules


def test_overrides_change_only_the_named_thresholds() -> None:
    # Arrange
    rules = SurveillanceRules()

    # Act
    changed = rules.with_overrides({"spoofing": {"size_ratio": 6}, "cooldown_s": 60})

    # Assert
    assert changed.spoofing.size_ratio == 6.0
    assert changed.spoofing.max_lifetime_s == rules.spoofing.max_lifetime_s
    assert changed.cooldown_s == 60.0
    assert changed.to_dict()["close_time"] == "16:00"


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"spoofing": {"size": 6}}, "spoofing.size"),
        ({"spoofy": {}}, "spoofy"),
        ({"spoofing": 6}, "spoofing"),
        ({"wash": {"min_pairs": 1.5}}, "wash.min_pairs"),
        ({"wash": {"min_pairs": True}}, "wash.min_pairs"),
        ({"layering": {"max_lifetime_s": -1}}, "layering.max_lifetime_s"),
        ({"wash": {"min_quantity_match": 2}}, "wash.min_quantity_match"),
        ({"high_score": 0.1, "medium_score": 0.2}, "medium_score"),
    ],
)
def test_a_wrong_override_names_its_field(overrides: dict[str, object], named: str) -> None:
    # Act
    with pytest.raises(InvalidSurveillanceRules) as refused:
        SurveillanceRules().with_overrides(overrides)

    # Assert
    assert named in refused.value.message
