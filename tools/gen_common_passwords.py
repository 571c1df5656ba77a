"""Regenerate domain/identity/common_passwords.txt from the list Django ships.

Source: django/contrib/auth/common-passwords.txt.gz in the Django wheel (BSD-3-Clause,
Copyright (c) Django Software Foundation and individual contributors); Django credits the
list of 20,000 common passwords to Royce Williams. Bulwark keeps it lowercased, deduplicated
and sorted, one per line, after a comment header naming the source and licence.

Usage (Django is not a Bulwark dependency: fetch its wheel once, anywhere):

    pip download --no-deps 'django==5.2.19' -d /tmp/django-wheel
    .venv/bin/python tools/gen_common_passwords.py /tmp/django-wheel/django-5.2.19-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path

MEMBER = "django/contrib/auth/common-passwords.txt.gz"
TARGET = Path(__file__).resolve().parent.parent / "domain" / "identity" / "common_passwords.txt"
HEADER = """\
# Common passwords, lowercased, one per line (lines starting with '#' are comments).
# Source: {source}, file {member}
# Licence: BSD-3-Clause (Copyright (c) Django Software Foundation and individual
# contributors); Django credits the list to Royce Williams.
# Regenerate with tools/gen_common_passwords.py.
"""


def passwords_from_wheel(wheel: Path) -> list[str]:
    """The wheel's common passwords, lowercased, without blanks or duplicates, sorted."""
    with zipfile.ZipFile(wheel) as archive:
        raw = gzip.decompress(archive.read(MEMBER)).decode("utf-8")
    found = {line.strip().lower() for line in raw.splitlines()}
    return sorted(p for p in found if p and not p.startswith("#"))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} PATH_TO_DJANGO_WHEEL", file=sys.stderr)
        return 2
    wheel = Path(argv[1])
    if not wheel.is_file():
        print(f"error: no such file: {wheel}", file=sys.stderr)
        return 2
    passwords = passwords_from_wheel(wheel)
    header = HEADER.format(source=wheel.name, member=MEMBER)
    TARGET.write_text(header + "\n".join(passwords) + "\n", encoding="utf-8")
    print(f"wrote {len(passwords)} passwords to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
