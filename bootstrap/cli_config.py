"""`bulwark config show [--json]`: the effective settings, by section, secrets redacted.

Each setting shows its variable, its value as this process would use it and where that came
from: the environment, the .env file (its path: `--env-file`, or `.env`), or the default.
Nothing secret is printed: secrets show as `***`, the password of a URL with credentials as
`user:***@`, a query parameter that carries a key, token, signature or password as `name=***`,
and any other text setting named like a secret (a password, a token, an access key) as `***`.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from bootstrap.cli_output import JSON_HELP, add_json_flag, print_json, table
from bootstrap.settings import REDACTED, SECTIONS, env_name

if TYPE_CHECKING:
    from bootstrap.settings import Settings

COMMAND = "config"
DEFAULT = "default"
HEADER = ("setting", "value", "source")
# Text settings whose name says they hold a secret (those typed Secret are masked already).
_SECRET_NAME = re.compile(r"password|passwd|secret|token|api_key|access_key|private_key|credential")
_NOT_A_SECRET = ("_file", "_dir", "_path")  # where a secret is kept, not the secret
_SECRET_QUERY = re.compile(
    r"([?&;][^=&#\s]*(?:key|token|secret|password|passwd|pwd|sig|signature|auth|credential)"
    r"[^=&#\s]*=)[^&#;\s]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Shown:
    """One setting as `config show` prints it."""

    section: str
    variable: str
    value: Any  # redacted; None when unset
    source: str  # "environment", the .env file's path, or "default"

    def as_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "variable": self.variable,
            "value": self.value,
            "source": self.source,
        }


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = sub.add_parser(
        COMMAND, help="the effective settings: `config show`", description=__doc__
    )
    verbs = config.add_subparsers(dest="verb", required=True, help="what to do")
    show = verbs.add_parser(
        "show",
        help="every setting by section, secrets redacted, with where its value came from",
        description=__doc__,
    )
    add_json_flag(show, JSON_HELP.replace("the table", "the sections"))


def run(args: argparse.Namespace, settings: Settings, env_file: str | None, out: TextIO) -> int:
    from bootstrap.settings import setting_sources

    shown = effective(settings, setting_sources(env_file=env_file))
    if args.json:
        print_json([s.as_dict() for s in shown], out)
    else:
        print_sections(shown, out)
    return 0


def effective(settings: Settings, sources: dict[str, str]) -> list[Shown]:
    """Every setting, section by section in declaration order, redacted."""
    redacted = settings.redacted()
    return [
        Shown(section, env_name(flat), redact(flat, redacted[flat]), sources.get(flat, DEFAULT))
        for section, kind in SECTIONS.items()
        for flat in kind.flat_names().values()
    ]


def redact(flat: str, value: Any) -> Any:
    """`value` (already through Settings.redacted) with what else could be secret masked."""
    if isinstance(value, list):
        return [redact(flat, item) for item in value]
    if not isinstance(value, str) or value == REDACTED:
        return value
    if _SECRET_NAME.search(flat) and not flat.endswith(_NOT_A_SECRET):
        return REDACTED
    return _SECRET_QUERY.sub(rf"\g<1>{REDACTED}", value)


def text(value: Any) -> str:
    """A value as the table prints it."""
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value) or "(empty)"
    return str(value) if str(value) != "" else "(empty)"


def print_sections(shown: Sequence[Shown], out: TextIO) -> None:
    """One table, aligned across sections, with a `[section]` line before each section."""
    lines = table(HEADER, [(s.variable, text(s.value), s.source) for s in shown])
    print(lines[0], file=out)
    section = None
    for setting, line in zip(shown, lines[1:], strict=True):
        if setting.section != section:
            section = setting.section
            print(f"[{section}]", file=out)
        print(line, file=out)
