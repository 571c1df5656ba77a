"""Percentiles of GPU results split over threads equal NumPy's, row for row."""

from __future__ import annotations

import numpy as np
import pytest

from adapters.gpu.host_stats import MIN_COLUMNS, row_percentiles

LEVELS = (5.0, 25.0, 50.0, 75.0, 95.0)


@pytest.mark.parametrize(
    ("rows", "columns", "threads"),
    [(21, MIN_COLUMNS, 4), (3, MIN_COLUMNS + 7, 16), (21, MIN_COLUMNS - 1, 4), (5, 50, 1)],
)
def test_row_percentiles_equal_numpys(rows: int, columns: int, threads: int) -> None:
    # Arrange
    values = np.random.default_rng(rows + columns).lognormal(0.0, 0.3, (rows, columns))
    expected = np.percentile(values, LEVELS, axis=1)

    # Act
    got = row_percentiles(values.copy(), LEVELS, threads)

    # Assert
    assert got.shape == (len(LEVELS), rows)
    np.testing.assert_array_equal(got, expected)


def test_a_view_of_the_first_paths_is_summarised_alone() -> None:
    # Arrange: the regime engine's paths are a column slice of a padded device result
    values = np.random.default_rng(9).normal(size=(8, MIN_COLUMNS + 2))
    view = values[:, : MIN_COLUMNS + 1]
    expected = np.percentile(view, LEVELS, axis=1)

    # Act
    got = row_percentiles(view, LEVELS, 4)

    # Assert
    np.testing.assert_array_equal(got, expected)
