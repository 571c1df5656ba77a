"""A SQLite store with every migration applied, for tests that run the CLI against a file.

Applying the 36 migrations to an empty file costs ~0.3 CPU s; a test's fixture that did it for
every test paid that again and again for the same schema. `migrated_sqlite` applies them once per
process to a template file and copies it where the test wants its store: the copy is the same
file the migrations write (an empty database at head; no migration seeds rows), so a fixture's
own `bulwark migrate` then finds the schema current and the test starts where it did before.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from sqlalchemy.ext.asyncio import create_async_engine

from adapters.postgres.migrate import upgrade

_template: Path | None = None


async def migrated_sqlite(path: Path) -> None:
    """Copies the migrated template to `path` (its folder made where missing)."""
    global _template
    if _template is None:
        folder = tempfile.mkdtemp(prefix="bulwark-migrated-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = Path(folder) / "template.db"
        engine = create_async_engine(f"sqlite+aiosqlite:///{template}")
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()
        _template = template
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template, path)
