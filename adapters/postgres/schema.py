"""Every table of Bulwark on one MetaData (what Alembic compares and tests create).

Each context declares its tables in a module of `adapters/postgres/tables/`; a table registers
on the MetaData when its module is imported, and every module of that package is imported
here, so a new context's tables are in the schema without this file naming them.
"""

from __future__ import annotations

import importlib
import pkgutil

import adapters.postgres.tables as _tables
from adapters.postgres.types import metadata

for _module in sorted(pkgutil.iter_modules(_tables.__path__), key=lambda m: m.name):
    importlib.import_module(f"{_tables.__name__}.{_module.name}")

__all__ = ["metadata"]
