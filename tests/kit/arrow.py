"""Arrow IPC streams as a client of the options endpoints writes and reads them."""

from __future__ import annotations

from typing import Any

import pyarrow as pa


def arrow_bytes(columns: dict[str, Any]) -> bytes:
    """`columns` as one table in an Arrow IPC stream (a request body)."""
    table = pa.table(columns)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def read_arrow(content: bytes) -> pa.Table:
    """The table of an Arrow IPC stream (a response body)."""
    return pa.ipc.open_stream(pa.py_buffer(content)).read_all()
