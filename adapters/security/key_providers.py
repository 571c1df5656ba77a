"""Key-encryption keys from a file or an environment value, for dev and single-host deployments.

Format, one KEK per line (or `;`-separated in an env value), `#` starts a comment:

    <key id> <version> <base64 of 32 random bytes>

e.g. `main 1 q0Vv...=` then, after `bulwark keys rotate`-style rotation, `main 2 ...`. The
current KEK is the highest version of the key id named on the last line, so appending a new
version makes it current; older lines stay until nothing is sealed under them. Generate a
key with `python -c "import os,base64;print(base64.b64encode(os.urandom(32)).decode())"`.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ports.core.encryption import KEY_BYTES, KEY_ID, VERSION, KeyRef, UnknownKeyVersion

ENV_NAME = "BULWARK_KEKS"


class KeyConfigError(ValueError):
    """The KEK configuration is unusable; the message is one line and never shows key bytes."""


class StaticKeyProvider:
    """A KeyProvider over KEKs held in memory; its repr lists key ids and versions only."""

    def __init__(self, keys: Mapping[KeyRef, bytes], current: KeyRef) -> None:
        if current not in keys:
            raise KeyConfigError(f"current key-encryption key {current} is not configured")
        for ref, key in keys.items():
            if len(key) != KEY_BYTES:
                raise KeyConfigError(f"key-encryption key {ref} is not {KEY_BYTES} bytes")
        self._keys = dict(keys)
        self._current = current

    def __repr__(self) -> str:
        names = ", ".join(str(ref) for ref in sorted(self._keys, key=_order))
        return f"StaticKeyProvider(current={self._current}, keys=[{names}])"

    def current(self) -> KeyRef:
        return self._current

    def kek(self, ref: KeyRef) -> bytes:
        try:
            return self._keys[ref]
        except KeyError:
            raise UnknownKeyVersion(f"no key-encryption key {ref}") from None

    def versions(self, key_id: str) -> Sequence[int]:
        return sorted(ref.version for ref in self._keys if ref.key_id == key_id)


def _order(ref: KeyRef) -> tuple[str, int]:
    return ref.key_id, ref.version


def parse_keks(text: str, source: str) -> StaticKeyProvider:
    """A provider from the line format above; `source` names where the text came from."""
    keys: dict[KeyRef, bytes] = {}
    last_id: str | None = None
    entries = [line.split("#", 1)[0].strip() for line in text.replace(";", "\n").splitlines()]
    for number, entry in enumerate(entries, start=1):
        if not entry:
            continue
        fields = entry.split()
        where = f"{source} entry {number}"
        if len(fields) != 3:
            raise KeyConfigError(f"{where}: expected '<key id> <version> <base64 key>'")
        key_id, version, encoded = fields
        if not KEY_ID.fullmatch(key_id):
            raise KeyConfigError(f"{where}: key id must be 1-64 of A-Z a-z 0-9 _ -")
        if not VERSION.fullmatch(version):
            raise KeyConfigError(f"{where}: version must be a positive whole number")
        ref = KeyRef(key_id, int(version))
        if ref in keys:
            raise KeyConfigError(f"{where}: {ref} is listed twice")
        try:
            key = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise KeyConfigError(f"{where}: key is not base64") from None
        if len(key) != KEY_BYTES:
            raise KeyConfigError(f"{where}: key must be {KEY_BYTES} bytes (got {len(key)})")
        keys[ref] = key
        last_id = key_id
    if last_id is None:
        raise KeyConfigError(f"{source} lists no key-encryption key")
    newest = max(ref.version for ref in keys if ref.key_id == last_id)
    return StaticKeyProvider(keys, KeyRef(last_id, newest))


def keks_from_file(path: Path) -> StaticKeyProvider:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KeyConfigError(f"cannot read key file {path}: {error.strerror}") from None
    return parse_keks(text, str(path))


def keks_from_env(
    environ: Mapping[str, str] = os.environ, name: str = ENV_NAME
) -> StaticKeyProvider:
    value = environ.get(name, "")
    if not value.strip():
        raise KeyConfigError(f"{name} is not set: no key-encryption key")
    return parse_keks(value, name)
