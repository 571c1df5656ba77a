"""What the analytics routes that take large bodies share (options compute, optimisation):
their own body limit, the whole body read within it, JSON decoded strictly, and the heavy
decoding or encoding moved off the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request
from litestar.exceptions import (
    ClientException,
    InternalServerException,
    SerializationException,
    ValidationException,
)

from adapters.http.media import refuse_form_body
from adapters.wire.json_limits import InvalidEncoding

T = TypeVar("T")
# Bodies above this many bytes are decoded on a worker thread.
OFF_LOOP_BYTES = 65_536
_DISCONNECTED = "client disconnected prematurely"


async def read_body(request: Request[Any, Any, Any]) -> bytes:
    """The whole body within the route's own limit (413 past it: Litestar's check); 400 for
    none, or for a client gone before sending all of it; 415 for a form-encoded body."""
    refuse_form_body(request)
    chunks = []
    try:
        async for chunk in request.stream():
            chunks.append(chunk)
    except InternalServerException as exc:
        if exc.detail != _DISCONNECTED:
            raise
        raise ClientException("the client disconnected before sending the whole body") from None
    raw = b"".join(chunks)
    if not raw:
        raise ClientException("the request has no body")
    return raw


def decode_json(decode: Callable[[bytes], T], raw: bytes) -> T:
    """`raw` decoded by a msgspec decoder: 400 VALIDATION_ERROR naming the field,
    MALFORMED_JSON, or the wire's INVALID_ENCODING for bytes that are not UTF-8."""
    try:
        return decode(raw)
    except msgspec.ValidationError as exc:
        message = str(exc)
        raise ValidationException(
            detail=message, extra=[{"key": "", "message": message, "source": "body"}]
        ) from None
    except msgspec.DecodeError as exc:
        raise ClientException(str(exc)) from SerializationException(str(exc))
    except UnicodeDecodeError as exc:  # msgspec's own, for a string that is not UTF-8
        raise InvalidEncoding(f"the body is not valid UTF-8 (at byte {exc.start})") from None


async def off_loop(work: Callable[[], T], *, large: bool) -> T:
    """`work` on a worker thread when it is large, else here (a thread costs more than small
    work)."""
    return await asyncio.to_thread(work) if large else work()


def with_body_limit(controller: type[Controller], max_bytes: int) -> list[type[Controller]]:
    """`controller` with its own body limit (`max_bytes`, above the API's JSON cap)."""
    return [type(controller.__name__, (controller,), {"request_max_body_size": max_bytes})]
