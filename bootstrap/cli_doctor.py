"""`bulwark doctor [--json]`: is every configured dependency there, and what degrades if not.

A line per component (the store, Redis, Kafka, the key-encryption keys, the token signing
key, the broker, each market-data provider): its state (ok, down, not configured), what was
found, and what the instance loses without it. It runs before anything else is opened, so it
answers when the store itself is the problem, and it creates nothing (bootstrap/doctor.py).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_output import print_json, print_table

if TYPE_CHECKING:
    from bootstrap.doctor_findings import Finding
    from bootstrap.settings import Settings

COMMAND = "doctor"
EXIT_HEALTHY = 0
EXIT_DOWN = 1  # a required component is down: the instance would not be ready
EXIT_DEGRADED = 4  # every required component answers; one it serves on without does not
EXIT_CODES = (
    f"exit codes: {EXIT_HEALTHY} every configured component answers; {EXIT_DOWN} a required "
    f"component is down (the instance is not ready); 2 a configuration error; "
    f"{EXIT_DEGRADED} degraded: the required components answer, another does not (the "
    "instance serves on without it, in the way its line says)"
)
HEADER = ("component", "state", "detail", "without it")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = sub.add_parser(
        COMMAND,
        help="check every configured dependency (store, Redis, Kafka, keys, broker, market "
        "data) and say what degrades without each",
        description=__doc__,
        epilog=EXIT_CODES,
    )
    doctor.add_argument(
        "--json",
        action="store_true",
        help="print {status, exit_code, components: [...]} as JSON instead of the table",
    )


def run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from bootstrap.doctor import examine

    findings = asyncio.run(examine(settings))
    code = exit_code(findings)
    if args.json:
        print_json(document(findings, code), out)
    else:
        print_report(findings, code, out)
    return code


def exit_code(findings: Sequence[Finding]) -> int:
    from bootstrap.doctor_findings import State

    down = [f for f in findings if f.state is State.DOWN]
    if any(f.required for f in down):
        return EXIT_DOWN
    return EXIT_DEGRADED if down else EXIT_HEALTHY


STATUS = {EXIT_HEALTHY: "healthy", EXIT_DOWN: "down", EXIT_DEGRADED: "degraded"}


def document(findings: Sequence[Finding], code: int) -> dict[str, object]:
    """The report as JSON: the overall status, the exit code and one object per component."""
    return {
        "status": STATUS[code],
        "exit_code": code,
        "components": [f.as_dict() for f in findings],
    }


def print_report(findings: Sequence[Finding], code: int, out: TextIO) -> None:
    """The table, a line per component, then a line saying what it adds up to."""
    from bootstrap.doctor_findings import REQUIRED

    rows = [
        (f.component, f.state.value, f.detail, REQUIRED if f.required else f.degrades or "-")
        for f in findings
    ]
    print_table(HEADER, rows, out)
    print(summary(findings, code), file=out)


def summary(findings: Sequence[Finding], code: int) -> str:
    from bootstrap.doctor_findings import State

    down = [f.component for f in findings if f.state is State.DOWN]
    if code == EXIT_DOWN:
        required = [f.component for f in findings if f.state is State.DOWN and f.required]
        return f"down: {', '.join(required)} (required) -- the instance is not ready"
    if code == EXIT_DEGRADED:
        return f"degraded: {', '.join(down)} down -- the instance serves on without them"
    return "healthy: every configured component answers"
