"""Request bodies a handler reads itself (a CSV, an XML document, JSON decoded by hand):
Litestar sees no typed `data`, so the route's OpenAPI operation declares the body."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.openapi.spec import OpenAPIMediaType, OpenAPIType, Operation, RequestBody, Schema


def body_operation(
    media: str, schema: Schema, *, description: str | None = None, example: str | None = None
) -> type[Operation]:
    """An Operation class whose required request body is `schema` in `media`."""

    @dataclass
    class DeclaredBody(Operation):
        def __post_init__(self) -> None:
            self.request_body = RequestBody(
                required=True,
                description=description,
                content={media: OpenAPIMediaType(schema=schema, example=example)},
            )

    return DeclaredBody


def text_body_operation(
    media: str, max_bytes: int, *, description: str, example: str | None = None
) -> type[Operation]:
    """An Operation class whose required request body is text in `media`, at most `max_bytes`."""
    schema = Schema(type=OpenAPIType.STRING, max_length=max_bytes)
    return body_operation(media, schema, description=description, example=example)
