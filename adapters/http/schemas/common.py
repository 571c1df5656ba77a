"""Shared DTO pieces: strict input base, pages, verdicts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import (
    Annotated,
    Any,
    ClassVar,
    Generic,
    Protocol,
    Self,
    TypeVar,
    get_args,
    get_type_hints,
)

import msgspec

from adapters.http.wire_format import QuantityOut, format_figures
from adapters.wire.numbers import plain_numbers
from domain.risk.verdicts import Decision, Verdict

T = TypeVar("T")
D = TypeVar("D")

# An id a body names (an account, a strategy, a client order id).
Ident = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
# A symbol a body names, as the instruments have it.
Symbol = Annotated[str, msgspec.Meta(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._/-]+$")]


def doc(text: str) -> msgspec.Meta:
    """A field's description in the OpenAPI document: `Annotated[int, doc("...")]`."""
    return msgspec.Meta(description=text)


def attributes(source: object, *names: str) -> dict[str, Any]:
    """`source`'s attributes `names`, by name: the fields an answer takes from a second source."""
    return {name: getattr(source, name) for name in names}


def same_named(source: object, fields: tuple[str, ...], computed: dict[str, Any]) -> dict[str, Any]:
    """`computed`, and each other of `fields` as `source`'s attribute of that name."""
    key = (fields, tuple(computed))
    read = _READERS.get(key)
    if read is None:
        read = _READERS[key] = _reader(tuple(name for name in fields if name not in computed))
    values = read(source)
    values.update(computed)
    return values


# The readers of same_named, per (fields, computed names): an answer's fields are read on
# every response, so which attributes to read is worked out once per call site.
_READERS: dict[tuple[tuple[str, ...], tuple[str, ...]], Callable[[object], dict[str, Any]]] = {}


def _reader(names: tuple[str, ...]) -> Callable[[object], dict[str, Any]]:
    if not names:
        return lambda source: {}
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda source: {names[0]: get(source)}
    return lambda source: dict(zip(names, get(source), strict=True))


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def init_fields(target: type) -> tuple[str, ...]:
    """The names a dataclass `target` takes when built, in its order (read once per class)."""
    names = _INIT_FIELDS.get(target)
    if names is None:
        names = _INIT_FIELDS[target] = tuple(f.name for f in dataclasses.fields(target) if f.init)
    return names


class Input(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Base of request bodies: unknown JSON fields are rejected with 400.

    Numbers are declared with the strict wire types (adapters/wire/numbers.py); a subclass
    that defines `__post_init__` calls this one, which hands plain Decimals on.
    """

    def __post_init__(self) -> None:
        plain_numbers(self)

    def into(self, target: Callable[..., T], /, **computed: Any) -> T:
        """`target` called with this body's fields by name, as they are; `computed` gives the
        ones that are not (converted or renamed). All the fields: a subclass's added ones too."""
        return target(**same_named(self, self.__struct_fields__, computed))

    def onto(self, target: type[T], /, **computed: Any) -> T:
        """The dataclass `target` built from this body's fields of its fields' names, as they
        are; `computed` gives the ones that are not. Every field of `target` is given: one this
        body lacks must be in `computed`, none is left to its default."""
        return target(**same_named(self, init_fields(target), computed))


class Output(msgspec.Struct, kw_only=True):
    """Base of response bodies: figures leave in their kind's wire form (http/wire_format.py).

    Decimal figures hold their wire text once built; a subclass that defines `__post_init__`
    calls this one.
    """

    def __post_init__(self) -> None:
        format_figures(self)

    @classmethod
    def from_attributes(cls, source: object, /, **computed: Any) -> Self:
        """The answer whose fields are `source`'s attributes of the same names, as they are;
        `computed` gives the fields that are not (converted, renamed or derived).

        Every other field must be an attribute of `source`: a renamed one fails here rather
        than falling back to its default.
        """
        return cls(**same_named(source, cls.__struct_fields__, computed))


class Mirror(Output, Generic[D]):
    """Base of a response that mirrors the domain value `D` field by field, as it is:
    `from_domain` copies each field from `D`'s attribute of the same name, and each field named
    in `enum_values` as the value of `D`'s enum (a plain string on the wire)."""

    enum_values: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_domain(cls, source: D, /) -> Self:
        values = {name: getattr(source, name).value for name in cls.enum_values}
        return cls.from_attributes(source, **values)


class CursorPage(Protocol):
    """A page of domain values and the cursor of the next one (None on the last page)."""

    @property
    def items(self) -> Sequence[Any]: ...

    @property
    def next_cursor(self) -> str | None: ...


class ItemsOut(Output):
    """Base of an answer that lists domain values as `items: list[ItemOut]`, each converted by
    `ItemOut.from_domain`. The item type is read from that annotation once, when the class is
    made; the subclass declares its fields (their order is the answer's)."""

    item_type: ClassVar[Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        (cls.item_type,) = get_args(get_type_hints(cls)["items"])

    @classmethod
    def of(cls, values: Iterable[Any], /, **fields: Any) -> Self:
        """The answer listing `values`; `fields` gives its other fields."""
        convert = cls.item_type.from_domain
        return cls(items=[convert(value) for value in values], **fields)

    @classmethod
    def from_page(cls, page: CursorPage, /, **fields: Any) -> Self:
        """The answer listing `page`'s values with its `next_cursor`; `fields` gives the others."""
        return cls.of(page.items, next_cursor=page.next_cursor, **fields)


class VerdictOut(Output):
    code: str
    outcome: str
    control: str
    message: str
    rule_id: str | None = None
    allowed_quantity: QuantityOut | None = None

    @classmethod
    def from_domain(cls, verdict: Verdict) -> VerdictOut:
        return cls.from_attributes(verdict, code=verdict.code.value, outcome=verdict.outcome.value)


class DecisionOut(Output):
    approved: bool
    requested_quantity: QuantityOut
    quantity: QuantityOut
    reasons: list[str]
    warnings: list[str]
    verdicts: list[VerdictOut]
    # Reason codes of the HOLD rules that hold the order for a person (status `held`).
    holds: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_domain(cls, decision: Decision) -> DecisionOut:
        return cls(
            approved=decision.approved,
            requested_quantity=decision.requested_quantity,
            quantity=decision.quantity,
            reasons=[c.value for c in decision.reasons],
            warnings=[c.value for c in decision.warnings],
            verdicts=[VerdictOut.from_domain(v) for v in decision.verdicts],
            holds=[c.value for c in decision.holds],
        )
