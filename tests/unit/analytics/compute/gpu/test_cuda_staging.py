"""The page-locked staging of large CUDA results (here over plain host memory)."""

from __future__ import annotations

import numpy as np

from adapters.gpu.cuda_staging import MIN_ELEMENTS, HostStaging


class CountingAllocator:
    """np.empty in place of cuda.pinned_array, counting the allocations."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def __call__(self, size: int) -> np.ndarray:
        self.sizes.append(size)
        return np.empty(size, dtype=np.float64)


def test_small_results_are_not_staged() -> None:
    # Arrange
    allocate = CountingAllocator()
    staging = HostStaging(allocate)

    # Act
    staged = staging.take(9, MIN_ELEMENTS - 1)

    # Assert
    assert staged is None
    assert allocate.sizes == []


def test_the_buffer_is_kept_between_calls_and_grown_for_a_larger_one() -> None:
    # Arrange
    allocate = CountingAllocator()
    staging = HostStaging(allocate)
    n = MIN_ELEMENTS

    # Act
    first = staging.take(9, n)
    second = staging.take(9, n)
    smaller = staging.take(2, n)
    larger = staging.take(9, 2 * n)

    # Assert
    assert first is not None and second is not None and smaller is not None
    assert larger is not None
    assert np.shares_memory(first, second) and np.shares_memory(first, smaller)
    assert (first.shape, smaller.shape, larger.shape) == ((9, n), (2, n), (9, 2 * n))
    assert allocate.sizes == [9 * n, 18 * n]


def test_a_request_over_the_limit_takes_the_plain_path() -> None:
    # Arrange
    staging = HostStaging(CountingAllocator(), limit_bytes=8 * 9 * MIN_ELEMENTS)

    # Act / Assert
    assert staging.take(9, MIN_ELEMENTS) is not None
    assert staging.take(9, MIN_ELEMENTS + 1) is None


def test_rows_are_copied_out_to_new_arrays_of_the_callers_shape() -> None:
    # Arrange
    staging = HostStaging(CountingAllocator(), threads=4)
    n = MIN_ELEMENTS
    staged = staging.take(3, n)
    assert staged is not None
    staged[:] = np.arange(3 * n, dtype=np.float64).reshape(3, n)

    # Act
    rows = staging.copy_out(staged, (256, n // 256))
    staged[:] = -1.0  # the next call reuses the buffer

    # Assert
    for j, row in enumerate(rows):
        assert row.shape == (256, n // 256)
        np.testing.assert_array_equal(row.ravel(), np.arange(j * n, (j + 1) * n))
