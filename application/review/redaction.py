"""Redaction of the reviewer's transcripts before they are stored or logged.

Removed: the configured secrets (the endpoint's API key), the identifiers of the account and
its owner, and anything shaped like a credential (`sk-...` keys, bearer tokens, key=value
secrets) or an e-mail address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

REDACTED = "[redacted]"
_PATTERNS = (
    re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._\-~+/]+=*"),
    re.compile(r"(?i)\b(api[_-]?key|secret|token|password)(\"?\s*[:=]\s*\"?)[^\s\",}]+"),
    re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"),
)


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """`text` with every secret and identifier given replaced, then the credential shapes."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        if pattern.groups >= 2:
            text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
        else:
            text = pattern.sub(REDACTED, text)
    return text
