"""What every settings section shares: the section base, secrets, errors, common types."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Final

import msgspec

PREFIX: Final = "BULWARK_"
REDACTED: Final = "***"

_Positive = msgspec.Meta(gt=0)
PosInt = Annotated[int, _Positive]
Seconds = Annotated[float, msgspec.Meta(gt=0, le=86_400)]
PerMinute = Annotated[int, msgspec.Meta(ge=1, le=1_000_000)]
Port = Annotated[int, msgspec.Meta(ge=1, le=65535)]
HttpUrl = Annotated[str, msgspec.Meta(pattern=r"^https?://")]


class SettingsError(Exception):
    """Configuration that cannot start Bulwark; the message names the variable and what it needs."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Secret:
    """A string that never prints: repr/str give '***', `reveal()` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and hmac.compare_digest(
            other._value.encode(), self._value.encode()
        )

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: object) -> Secret:
        return self

    def __reduce__(self) -> Any:
        # Pickling would write the plain value wherever the pickle goes.
        raise TypeError("a Secret cannot be pickled")


def env_name(flat: str) -> str:
    """The environment variable of a setting's flat name: env_name("kafka_bootstrap") is
    BULWARK_KAFKA_BOOTSTRAP."""
    return PREFIX + flat.upper()


class Section(msgspec.Struct, frozen=True, kw_only=True):
    """One context's settings, a part of `Settings`.

    A field's variable is BULWARK_ + `env_prefix` + the field's name, in upper case; a field
    whose variable does not follow that rule names it (without BULWARK_) in `env_names`.
    `check()` holds the rules within the section; rules that span sections are in
    `Settings.check()`.
    """

    env_prefix: ClassVar[str] = ""
    env_names: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def flat_names(cls) -> dict[str, str]:
        """{field: flat name}; the flat name is the variable without BULWARK_, in lower case."""
        return {f: cls.env_names.get(f, cls.env_prefix + f) for f in cls.__struct_fields__}

    @classmethod
    def var(cls, field: str) -> str:
        """The environment variable of one of this section's fields."""
        if field not in cls.__struct_fields__:
            raise KeyError(f"{cls.__name__} has no field {field!r}")
        return env_name(cls.env_names.get(field, cls.env_prefix + field))

    def check(self) -> None:
        """Rules within the section (beyond each field's own bounds); SettingsError if broken."""
