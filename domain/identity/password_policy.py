"""Password policy beyond length: refuse the passwords attackers try first.

The list (common_passwords.txt, next to this module) is Django's list of 20,000 common
passwords, lowercased; its header names the source and licence, and
tools/gen_common_passwords.py regenerates it. It is read once, on first use.
"""

from __future__ import annotations

import functools
from pathlib import Path

COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")


@functools.cache
def common_passwords() -> frozenset[str]:
    """The bundled list, lowercased (comment lines left out)."""
    text = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8")
    return frozenset(
        line for line in (raw.strip() for raw in text.splitlines()) if line and line[0] != "#"
    )


def is_common_password(password: str) -> bool:
    """True when the password, compared case-insensitively and without surrounding blanks,
    is on the bundled list."""
    return password.strip().lower() in common_passwords()
