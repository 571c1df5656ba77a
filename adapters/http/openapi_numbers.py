"""OpenAPI for wire numbers: requests' strict parser patterns, answers' figure kinds and scales."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from litestar._openapi.schema_generation import SchemaCreator
from litestar.openapi.spec import OpenAPIFormat, OpenAPIType, Schema
from litestar.plugins import OpenAPISchemaPlugin
from litestar.typing import FieldDefinition

from adapters.http.wire_format import DecimalKind, FloatKind
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


# OpenAPI leaves `format` open; "decimal" is the common name for a number written as a string.
DECIMAL_FORMAT = cast("OpenAPIFormat", "decimal")


@dataclass
class FigureSchema(Schema):
    """A Schema with the wire kind's extensions (`x-scale`, `x-decimals`)."""

    x_scale: int | None = field(default=None, metadata={"alias": "x-scale"})
    x_decimals: int | None = field(default=None, metadata={"alias": "x-decimals"})


class FigureSchemaPlugin(OpenAPISchemaPlugin):
    """Renders every answer figure that declares a kind (MoneyOut, PriceOut, ...) in /schema."""

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return any(isinstance(m, DecimalKind | FloatKind) for m in field_definition.metadata)

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        kind = next(m for m in field_definition.metadata if isinstance(m, DecimalKind | FloatKind))
        if isinstance(kind, FloatKind):
            return FigureSchema(
                type=OpenAPIType.NUMBER,
                description=f"{kind.description}; rounded to {kind.decimals} decimal places",
                x_decimals=kind.decimals,
            )
        return FigureSchema(
            type=OpenAPIType.STRING,
            format=DECIMAL_FORMAT,
            pattern=kind.pattern,
            description=(
                f"{kind.description}: a decimal string with exactly {kind.scale} decimal "
                "places, rounded half-even, never in exponent notation"
            ),
            examples=[kind.example],
            x_scale=kind.scale,
        )
