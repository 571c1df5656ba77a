"""The checks a command runs before its slow start: an operator's mistake is one line.

Every command that opens the store checks it first (bootstrap/storage.py store_problem), so a
missing SQLite file, a schema older than this build or an unreachable PostgreSQL is one line
saying what to do, and no command but `bulwark migrate` creates a SQLite file.
"""

from __future__ import annotations

import asyncio
import sys

from bootstrap.settings import Settings

EXIT_USAGE = 2
EXIT_REFUSED = 3


def refuse_store(settings: Settings, *, migrating: bool = False) -> int | None:
    """EXIT_REFUSED after one line on stderr when the store cannot be used; None when it can.

    `migrating`: the command is `bulwark migrate`, which creates an SQLite file and brings an
    older schema to the head, so only an unreachable database stops it.
    """
    from bootstrap.storage import store_problem

    problem = asyncio.run(store_problem(settings, migrating=migrating))
    if problem is None:
        return None
    print(f"bulwark: {problem}", file=sys.stderr)
    return EXIT_REFUSED
