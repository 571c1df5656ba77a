"""`bulwark keys ...`: generate a KEK line, show what each key seals, rotate, retire a version.

The runbook is in docs/encryption.md. `generate` prints the next version of the current key
id as a line for the KEK file, the key on stdout only (never logged). `rotate` walks every
sealed-record source with a progress bar (on stderr: records done, time left) and resumes an
interrupted run; it exits non-zero when records could not be opened (they are named by
source and record id, never shown).
"""

from __future__ import annotations

import argparse
import base64
import os
from typing import TYPE_CHECKING, TextIO

from bootstrap.cli_progress import ProgressBar
from bootstrap.settings import Settings, SettingsError, env_name
from ports.core.encryption import KEY_BYTES, KEY_ID, VERSION

if TYPE_CHECKING:  # the key store's wiring loads when a `keys` command runs
    from application.keys.rotation import KeyRotation, KeyStatus, RotationProgress
    from bootstrap.containers.commands import Contexts

CLI_ACTOR = "cli"
EXIT_UNREADABLE = 4
DEFAULT_KEY_ID = "main"


def _batch(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError("--batch must be a whole number from 1 to 100000")
    return int(text)


def _key_id(text: str) -> str:
    if not KEY_ID.fullmatch(text):
        raise argparse.ArgumentTypeError("a key id is 1-64 of A-Z a-z 0-9 _ -")
    return text


def _version(text: str) -> int:
    if not VERSION.fullmatch(text):
        raise argparse.ArgumentTypeError("a version is a positive whole number")
    return int(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = sub.add_parser("keys", help="key-encryption keys: generate, status, rotate, retire")
    verbs = keys.add_subparsers(dest="keys_command", required=True)
    verbs.add_parser(
        "generate", help="print a new '<key id> <version> <base64>' line (the next version)"
    )
    verbs.add_parser("status", help="per store of secrets, how many records each key seals")
    rotate = verbs.add_parser("rotate", help="re-wrap every secret under the current key")
    rotate.add_argument(
        "--batch", type=_batch, help="records per batch (default BULWARK_KEY_ROTATION_BATCH)"
    )
    retire = verbs.add_parser("retire", help="record a key version retired once nothing uses it")
    retire.add_argument("key_id", type=_key_id, help="the key's id (e.g. main)")
    retire.add_argument("version", type=_version, help="the version to retire (e.g. 1)")


def generate(settings: Settings, out: TextIO) -> int:
    """The next version of the current key id (or `main 1` when none is configured)."""
    from bootstrap.encryption import keys_ephemeral

    line_key = base64.b64encode(os.urandom(KEY_BYTES)).decode("ascii")
    if keys_ephemeral(settings):
        key_id, version = DEFAULT_KEY_ID, 1
    else:
        from bootstrap.encryption import key_provider

        keys = key_provider(settings)
        current = keys.current()
        key_id, version = current.key_id, max(keys.versions(current.key_id)) + 1
    print(f"{key_id} {version} {line_key}", file=out)
    return 0


async def run(
    args: argparse.Namespace, container: Contexts, out: TextIO, err: TextIO | None = None
) -> int:
    from bootstrap.encryption import keys_ephemeral

    settings = container.settings()
    if keys_ephemeral(settings):
        raise SettingsError(
            f"no key-encryption key is configured: set {env_name('keks_file')} "
            f"(or {env_name('keks')}); `bulwark keys generate` makes the first line"
        )
    rotation: KeyRotation = container.keys.key_rotation()
    if args.keys_command == "status":
        print_status(await rotation.status(), out)
        return 0
    if args.keys_command == "rotate":
        return await _rotate(rotation, args.batch, out, err)
    if args.keys_command == "retire":
        retired = await rotation.retire(CLI_ACTOR, args.key_id, args.version)
        print(
            f"retired {retired.kek}: nothing is sealed under it any more. Remove its line "
            f"from the key-encryption key file ({env_name('keks_file')}) and restart.",
            file=out,
        )
        return 0
    raise SettingsError(f"unknown keys command {args.keys_command}")


def print_status(status: KeyStatus, out: TextIO) -> None:
    configured = ", ".join(str(ref) for ref in status.configured)
    print(f"current key: {status.current} (configured: {configured})", file=out)
    for source in status.sources:
        labels = ", ".join(f"{label}: {n}" for label, n in sorted(source.labels.items()))
        print(
            f"  {source.name}: {source.total} record(s){' -- ' + labels if labels else ''}",
            file=out,
        )
    for retired in status.retired:
        print(f"retired: {retired.kek} at {retired.at.isoformat()} by {retired.actor}", file=out)


async def _rotate(rotation: KeyRotation, batch: int | None, out: TextIO, err: TextIO | None) -> int:
    bar = ProgressBar(err, unit="records")  # stderr: stdout carries the result alone

    def show(progress: RotationProgress) -> None:
        if progress.percent is not None:
            bar.show(progress.percent / 100, progress.seen, progress.total)

    result = await rotation.rotate(CLI_ACTOR, batch, show)
    bar.show(1.0)
    bar.done()
    counts = ", ".join(f"{name} {n}" for name, n in result.counts().items())
    resumed = f" (resumed {', '.join(result.resumed)})" if result.resumed else ""
    print(f"rotated to {result.target}{resumed}: {counts}", file=out)
    for source, record_id in result.unreadable:
        print(f"unreadable: {source} record {record_id}", file=out)
    if result.contended:
        print(
            f"{result.contended} record(s) kept changing: run `bulwark keys rotate` again", file=out
        )
    return EXIT_UNREADABLE if result.unreadable_count or result.contended else 0
