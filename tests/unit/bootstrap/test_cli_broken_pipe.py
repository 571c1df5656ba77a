"""A listing piped into a reader that stops early (`| head`) ends quietly, never a traceback."""

from __future__ import annotations

import io
import sys
import tempfile

import pytest

from bootstrap.cli import EXIT_BROKEN_PIPE, main


class ClosedPipe(io.TextIOWrapper):
    """stdout whose reader has gone: every write raises as a closed pipe does."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_listing_into_a_closed_pipe_ends_with_the_shells_sigpipe_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    monkeypatch.setenv("BULWARK_DATABASE_URL", "memory://")
    with tempfile.TemporaryFile() as sink:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(sink))  # a real descriptor for dup2

        # Act
        status = main(["--env-file", "", "config", "show"])

    # Assert
    assert status == EXIT_BROKEN_PIPE
