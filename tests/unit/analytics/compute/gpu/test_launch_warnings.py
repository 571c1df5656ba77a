"""Small kernel launches do not warn once per request."""

from __future__ import annotations

import warnings

from adapters.gpu.cuda_kernels import quiet_small_launches

# numba-cuda's text, with the terminal colour codes it puts around it
LOW_OCCUPANCY = (
    "\x1b[1mGrid size 79 will likely result in GPU under-utilization due to low occupancy.\x1b[0m"
)


def test_the_low_occupancy_warning_is_silenced_and_no_other() -> None:
    # Arrange
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        # Act
        quiet_small_launches()
        warnings.warn(LOW_OCCUPANCY, RuntimeWarning, stacklevel=1)
        warnings.warn("something else", RuntimeWarning, stacklevel=1)

    # Assert
    assert [str(w.message) for w in caught] == ["something else"]
