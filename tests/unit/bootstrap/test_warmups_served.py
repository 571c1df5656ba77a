"""Start-up warm-ups run only where a served context needs what they load."""

from __future__ import annotations

import pytest

from bootstrap.containers.analytics import optimizer_warmed
from bootstrap.containers.core_parts import compute_warmed
from tests.http.harness import test_settings as settings_of


@pytest.mark.parametrize(
    ("served", "warmup", "expected"),
    [
        ("", "true", True),  # every context
        ("analytics", "true", True),
        ("portfolio", "true", True),  # planning's Monte Carlo
        ("trading,safety", "true", False),
        ("analytics", "false", False),
    ],
)
def test_the_kernels_are_warmed_where_a_served_context_runs_them(
    served: str, warmup: str, expected: bool
) -> None:
    # Arrange
    settings = settings_of(served_contexts=served, compute_warmup=warmup)

    # Act
    warmed = compute_warmed(settings)

    # Assert
    assert warmed is expected


@pytest.mark.parametrize(
    ("served", "warmup", "expected"),
    [
        ("", "true", True),
        ("analytics", "true", True),
        ("trading,safety,rebalancing", "true", False),
        ("", "false", False),
    ],
)
def test_the_optimiser_is_warmed_where_analytics_is_served(
    served: str, warmup: str, expected: bool
) -> None:
    # Arrange
    settings = settings_of(served_contexts=served, compute_warmup=warmup)

    # Act
    warmed = optimizer_warmed(settings)

    # Assert
    assert warmed is expected
