"""Start-up warm-ups run only where a served context needs what they load."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bootstrap.containers.analytics import optimizer_warmed
from bootstrap.containers.core_parts import compute_warmed
from bootstrap.inference import models_warmed
from bootstrap.settings import Settings
from tests.http.harness import test_settings as settings_of

KERNELS, OPTIMISER = compute_warmed, optimizer_warmed


@pytest.mark.parametrize(
    ("warmed_by", "served", "warmup", "expected"),
    [
        # The kernels: where a served context runs them.
        (KERNELS, "", "true", True),  # every context
        (KERNELS, "analytics", "true", True),
        (KERNELS, "portfolio", "true", True),  # planning's Monte Carlo
        (KERNELS, "trading,safety", "true", False),
        (KERNELS, "analytics", "false", False),
        # The optimiser: where analytics is served.
        (OPTIMISER, "", "true", True),
        (OPTIMISER, "analytics", "true", True),
        (OPTIMISER, "trading,safety,rebalancing", "true", False),
        (OPTIMISER, "", "false", False),
    ],
)
def test_a_warm_up_runs_where_a_served_context_needs_it(
    warmed_by: Callable[[Settings], bool], served: str, warmup: str, expected: bool
) -> None:
    # Arrange
    settings = settings_of(served_contexts=served, compute_warmup=warmup)

    # Act
    warmed = warmed_by(settings)

    # Assert
    assert warmed is expected


@pytest.mark.parametrize(
    ("served", "warmup", "rater", "expected"),
    [
        ("", "true", "rules", True),  # every context
        ("markets", "true", "rules", True),  # sentiment and keywords
        ("trading,safety", "true", "rules", False),  # no context of theirs runs a model
        ("trading,safety", "true", "model", True),  # the pre-trade rater's model
        ("", "false", "model", False),  # the default: each model with its first use
    ],
)
def test_the_models_are_warmed_only_where_a_served_context_runs_them(
    served: str, warmup: str, rater: str, expected: bool
) -> None:
    # Arrange
    settings = settings_of(served_contexts=served, inference_warmup=warmup, risk_rater=rater)

    # Act
    warmed = models_warmed(settings)

    # Assert
    assert warmed is expected
