"""`bulwark instruments import-13f-list FILE`: the SEC's Official List of Section 13(f)
Securities into the SQL store (migration 0058), replacing the last one; a file that is not the
list is one line naming its code, and the stored list stays."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import SettingsError
from tests.kit.cli import cli_container, run_cli, sqlite_settings

LIST = """\
List of Section 13F Securities
First Quarter 2025
Run Date: 3/13/2025
037833100    APPLE INC                      COM
037833902  * APPLE INC                      CALL
037833101    BAD CHECK DIGIT                COM
990009102    OLD CO                         COM                  DELETED
"""


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(sqlite_settings(tmp_path / "var" / "bulwark.db")) as c:
        yield c


async def test_the_list_is_imported_and_a_wrong_file_refused_in_one_line(
    container: ApplicationContainer, tmp_path: Path
) -> None:
    # Arrange
    good = tmp_path / "13flist2025q1.txt"
    good.write_text(LIST)
    wrong = tmp_path / "notes.txt"
    wrong.write_text("nothing of the kind\n")

    # Act
    code, output = await run_cli(container, "instruments", "import-13f-list", str(good))
    with pytest.raises(SettingsError) as refused:
        await run_cli(container, "instruments", "import-13f-list", str(wrong))
    with pytest.raises(SettingsError, match="cannot read"):
        await run_cli(container, "instruments", "import-13f-list", str(tmp_path / "none.txt"))

    # Assert
    assert code == 0
    assert output.splitlines() == [
        "imported the Official List of 13(f) Securities 2025 Q1 of 2025-03-13: 3 securities "
        "(1 deleted), 1 lines skipped",
        "skipped lines (bad CUSIP check digit or no class): 6",
    ]
    message = str(refused.value)
    assert message.startswith("INVALID_13F_LIST: ") and "\n" not in message
    store = container.markets.official_13f_list()
    current = await store.current()
    assert current is not None
    assert (current.period, current.list_date, current.entries) == ("2025 Q1", date(2025, 3, 13), 3)
    found = await store.lookup(["037833100", "990009102", "037833902", "594918104"])
    assert sorted(found) == ["037833100", "037833902", "990009102"]
    assert found["037833902"].is_option and not found["990009102"].on_list
    assert found["037833100"].issuer_name == "APPLE INC"
