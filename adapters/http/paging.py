"""The query parameter of a paginated listing: the cursor a page hands back as `next_cursor`."""

from __future__ import annotations

from typing import Annotated

from litestar.params import QueryParameter

# The cursor of the page to read (None: the first), as the previous page gave it.
Cursor = Annotated[str | None, QueryParameter(max_length=512)]
# The same, an empty one refused (422) rather than read as the first page.
NonEmptyCursor = Annotated[str | None, QueryParameter(min_length=1, max_length=512)]
