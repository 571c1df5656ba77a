"""The loader: BULWARK_* variables over an optional .env file, flattened into the sections."""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import msgspec

from bootstrap.settings.base import PREFIX, Secret, Section, SettingsError, env_name
from bootstrap.settings.composed import FLAT_FIELDS, SECTIONS, Settings

# What a flat name expects, where its type alone would say too little.
_HINTS: Final = {
    "database_url": (
        "memory://, sqlite+aiosqlite:///<path> or postgresql+asyncpg://<user>:<password>@<host>/<db>"
    ),
    "redis_url": "a redis://, rediss:// or unix:// URL",
    "cors_origins": "a comma-separated list of origins",
    "equity_snapshot_time": "a UTC time of day as HH:MM (00:00 to 23:59)",
    "otlp_endpoint": "an http(s):// URL of an OTLP/HTTP collector, e.g. http://localhost:4318",
}
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off"})
_ENV_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")

# BULWARK_* variables that are not settings: read straight from the process environment by
# code that runs before any settings exist (numba kernels decide at import), so a .env file
# cannot set them and the settings loader leaves them alone.
ENVIRONMENT_ONLY: Final = {
    "BULWARK_NUMBA": "the analytics kernels read it at import (0 = plain NumPy, no numba)",
    # `bulwark mcp` is a client of a Bulwark elsewhere: the agent's shell has these beside any
    # other command it runs, and an agent's key has no place in a server's .env file.
    "BULWARK_URL": "`bulwark mcp` reads it: the Bulwark its tools call",
    "BULWARK_API_KEY": "`bulwark mcp` reads it: the agent's API key",
    # A venue secret for `bulwark connections add|rotate`, kept out of the command line.
    "BULWARK_CONNECTION_SECRET": "`bulwark connections add|rotate` reads it: a venue's secret",
}


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> Settings:
    """Settings from BULWARK_* variables over an optional .env file, or SettingsError."""
    raw: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        raw.update(_read_env_file(Path(env_file)))
    source = os.environ if environ is None else environ
    raw.update(
        {k: v for k, v in source.items() if k.startswith(PREFIX) and k not in ENVIRONMENT_ONLY}
    )
    grouped = _to_sections(raw)
    sections: dict[str, Any] = {}
    for name, kind in SECTIONS.items():
        try:
            sections[name] = msgspec.convert(
                grouped.get(name, {}), kind, strict=False, dec_hook=_decode_secret
            )
        except msgspec.ValidationError as exc:
            raise SettingsError(_explain(kind, exc)) from None
    settings = Settings(**sections)
    settings.check()
    return settings


def setting_sources(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> dict[str, str]:
    """Where each setting given a value came from, by flat name: "environment", or the path of
    the .env file, as `load_settings` reads them (the environment wins; an empty value means
    the default). A flat name absent from the answer has its default."""
    found: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        for key, value in _read_env_file(Path(env_file)).items():
            if value.strip():
                found[key[len(PREFIX) :].lower()] = str(env_file)
    source = os.environ if environ is None else environ
    for key, value in source.items():
        if not key.startswith(PREFIX) or key in ENVIRONMENT_ONLY:
            continue
        flat = key[len(PREFIX) :].lower()
        if value.strip():
            found[flat] = "environment"
        else:
            found.pop(flat, None)
    return found


def _read_env_file(path: Path) -> dict[str, str]:
    """BULWARK_* entries of a dotenv file: KEY=VALUE, optional `export`, quotes and # comments."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ENV_LINE.match(stripped)
        if match is None:
            # The line is not echoed: it may hold a secret.
            raise SettingsError(f"{path}:{number}: expected KEY=VALUE")
        key, value = match.groups()
        if key in ENVIRONMENT_ONLY:
            raise SettingsError(
                f"{path}:{number}: {key} cannot be set in a .env file: "
                f"{ENVIRONMENT_ONLY[key]}; set it in the process environment"
            )
        if key.startswith(PREFIX):
            found[key] = _unquote(value, f"{path}:{number}")
    return found


def _unquote(value: str, where: str) -> str:
    if value[:1] in {'"', "'"}:
        quote = value[0]
        end = value.find(quote, 1)
        if end == -1:
            raise SettingsError(f"{where}: unterminated {quote} quote")
        rest = value[end + 1 :].strip()
        if rest and not rest.startswith("#"):
            raise SettingsError(f"{where}: unexpected text after the closing quote")
        inner = value[1:end]
        return inner.replace("\\n", "\n") if quote == '"' else inner
    return re.split(r"\s+#", value, maxsplit=1)[0].strip()


def _to_sections(raw: Mapping[str, str]) -> dict[str, dict[str, object]]:
    """{section: {field: value}} from variables: text as msgspec converts it, lists split on
    commas, booleans from their spellings; an unknown BULWARK_* name is refused."""
    unknown = sorted(k for k in raw if k[len(PREFIX) :].lower() not in FLAT_FIELDS)
    if unknown:
        name = unknown[0]
        close = difflib.get_close_matches(name, [env_name(f) for f in FLAT_FIELDS], n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise SettingsError(f"{name} is not a Bulwark setting{hint}")
    grouped: dict[str, dict[str, object]] = {}
    for key, text in raw.items():
        section, field = FLAT_FIELDS[key[len(PREFIX) :].lower()]
        text = text.strip()
        if not text:
            continue  # an empty value means "use the default"
        kind = _unwrap(_field_types(SECTIONS[section])[field])
        value: object = text
        if isinstance(kind, msgspec.inspect.VarTupleType):
            value = [part.strip() for part in text.split(",") if part.strip()]
        elif isinstance(kind, msgspec.inspect.BoolType):
            lowered = text.lower()
            value = True if lowered in _TRUE else False if lowered in _FALSE else text
        grouped.setdefault(section, {})[field] = value
    return grouped


def _decode_secret(kind: type, value: object) -> object:
    if kind is Secret and isinstance(value, str):
        return Secret(value)
    raise NotImplementedError


@functools.cache
def _field_types(kind: type[Section]) -> dict[str, msgspec.inspect.Type]:
    info = msgspec.inspect.type_info(kind)
    assert isinstance(info, msgspec.inspect.StructType)
    return {f.name: f.type for f in info.fields}


def _unwrap(kind: msgspec.inspect.Type) -> msgspec.inspect.Type:
    if isinstance(kind, msgspec.inspect.UnionType):
        others = [t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType)]
        return others[0]
    return kind


def _explain(kind: type[Section], exc: msgspec.ValidationError) -> str:
    """Name the variable and what it expects; never echo the value (it may be a secret)."""
    match = re.search(r"at `\$\.([a-z0-9_]+)", str(exc))
    if match is None:
        return f"invalid settings: {exc}"
    field = match.group(1)
    flat = kind.flat_names()[field]
    return f"{env_name(flat)}: expected {_describe(flat, _unwrap(_field_types(kind)[field]))}"


def _describe(flat: str, kind: msgspec.inspect.Type) -> str:
    if flat in _HINTS:
        return _HINTS[flat]
    ins = msgspec.inspect
    if isinstance(kind, ins.LiteralType):
        return "one of " + ", ".join(str(v) for v in kind.values)
    if isinstance(kind, ins.BoolType):
        return "true or false (also 1/0, yes/no, on/off)"
    if isinstance(kind, ins.IntType | ins.FloatType):
        noun = "an integer" if isinstance(kind, ins.IntType) else "a number"
        bounds = [
            f"{op} {limit}"
            for op, limit in ((">", kind.gt), (">=", kind.ge), ("<", kind.lt), ("<=", kind.le))
            if limit is not None
        ]
        return f"{noun} {' and '.join(bounds)}".strip()
    if isinstance(kind, ins.CustomType) and kind.cls is Secret:
        return "a secret string"
    if isinstance(kind, ins.StrType) and kind.pattern is not None:
        return f"a string matching {kind.pattern}"
    return "a string"
