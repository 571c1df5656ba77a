"""OpenAPI for the strict wire numbers: a string with the parser's pattern and the field's range."""

from __future__ import annotations

from typing import Any

from litestar._openapi.schema_generation import SchemaCreator
from litestar.openapi.spec import OpenAPIType, Schema
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition

from adapters.wire.numbers import is_wire_number, json_schema


class WireNumberSchemaPlugin(OpenAPISchemaPlugin):
    """Renders every WireNumber (Quantity, Price, ...) as a patterned string in /schema."""

    @staticmethod
    def is_plugin_supported_type(value: Any) -> bool:
        return is_wire_number(value)

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        described = json_schema(field_definition.annotation)
        return Schema(
            type=OpenAPIType.STRING,
            pattern=described["pattern"],
            max_length=described["maxLength"],
            description=described["description"],
            examples=described["examples"],
        )
