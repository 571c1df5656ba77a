"""The counter-based normal draws: numba and NumPy twins agree, rows are independent of how
they are drawn, and the numbers are standard normal."""

from __future__ import annotations

import numpy as np
from scipy import stats

from domain.analytics.montecarlo._normals import U64, fill_row, normals_numpy, stream_key


def test_the_numba_rows_equal_the_numpy_twin_for_even_and_odd_rows() -> None:
    for months in (480, 7):
        # Arrange
        key = stream_key(11)
        rows = np.empty((50, months))

        # Act
        for i in range(50):
            fill_row(U64(key), U64(i), rows[i])

        # Assert: the same draws up to the last bits of log/cos/sin
        np.testing.assert_allclose(rows, normals_numpy(key, 0, 50, months), rtol=0, atol=1e-13)


def test_a_row_is_the_same_whichever_block_draws_it() -> None:
    # Arrange
    key = stream_key(5)

    # Act
    whole = normals_numpy(key, 0, 40, 24)
    part = normals_numpy(key, 17, 6, 24)

    # Assert
    np.testing.assert_array_equal(part, whole[17:23])


def test_the_draws_are_standard_normal() -> None:
    # Arrange / Act
    z = normals_numpy(stream_key(3), 0, 400, 500).ravel()  # 200,000 draws

    # Assert: moments within ~4 standard errors, and Kolmogorov-Smirnov
    assert abs(z.mean()) < 4 * (1 / len(z)) ** 0.5
    assert abs(z.var() - 1.0) < 4 * (2 / len(z)) ** 0.5
    assert abs(np.mean(z**4) - 3.0) < 4 * (96 / len(z)) ** 0.5
    assert stats.kstest(z, "norm").pvalue > 1e-3
    assert np.corrcoef(z[:-1], z[1:])[0, 1] < 4 / len(z) ** 0.5


def test_different_seeds_give_different_draws() -> None:
    assert not np.array_equal(
        normals_numpy(stream_key(1), 0, 1, 8), normals_numpy(stream_key(2), 0, 1, 8)
    )
