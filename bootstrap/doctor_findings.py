"""What `bulwark doctor` finds of one component (bootstrap/doctor.py runs the checks,
bootstrap/doctor_vendors.py the vendors' beside them): its state, whether the instance needs
it, what degrades without it; and the one-line reason of a failure, passwords masked."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Probe = Callable[[], Awaitable[tuple[bool, Mapping[str, Any]]]]
REQUIRED = "required: the instance is not ready without it"
KEKS_DEGRADES = (
    "a random key per process seals secrets, so what it seals dies with the process; with a "
    "SQL store, the services that keep secrets (KYC documents, notification endpoints) refuse"
)
JWT_DEGRADES = (
    "a fresh signing key per process: every session ends at a restart, and instances do not "
    "accept one another's tokens"
)
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


class State(StrEnum):
    OK = "ok"
    DOWN = "down"
    NOT_CONFIGURED = "not configured"


@dataclass(frozen=True)
class Finding:
    """One component's line: its state, whether the instance needs it, what degrades
    without it (None for a required one) and what was found."""

    component: str
    state: State
    required: bool
    degrades: str | None
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "state": self.state.value,
            "required": self.required,
            "degrades": self.degrades,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Unconfigured:
    """A component the settings leave out: what the instance does without it."""

    degrades: str
    detail: str


Check = Probe | Unconfigured | Finding


def reason(exc: BaseException) -> str:
    """An exception's first line (its type when it says nothing), with its cause's."""
    text = str(exc).splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    cause = exc.__cause__
    if cause is not None and str(cause).strip():
        text = f"{text} ({str(cause).splitlines()[0][:200]})"
    return redact(text)


def redact(text: str) -> str:
    """`text` (a URL, or a line that may quote one) with the passwords of URLs masked."""
    return _URL_PASSWORD.sub(r"\g<1>***@", text)
