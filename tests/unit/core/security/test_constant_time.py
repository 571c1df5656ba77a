"""A review in code: no `==` / `!=` / `in` between secrets or their digests in the security code.

Secrets, digests, MACs and one-time codes are compared with hmac.compare_digest, whose time
does not depend on where the first differing byte is. This walks the syntax trees of the
modules that handle them and fails on a comparison whose operand is named like a secret.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
CHECKED = sorted(
    [
        *ROOT.glob("adapters/security/*.py"),
        *ROOT.glob("application/identity/auth*.py"),
        *ROOT.glob("domain/identity/*.py"),
        ROOT / "application" / "keys" / "rotation.py",
    ]
)
SECRET_NAME = re.compile(r"secret|digest|passcode|password|signature|otp|totp|mac\b|code\b", re.I)
# Named like a secret but public: how many, which record, which key version.
PUBLIC = re.compile(
    r"record_type|record_id|key_id|len\(|\.kek|current\(|_version|is None|common_passwords"
)


def _secret_like(node: ast.expr) -> bool:
    text = ast.unparse(node)
    return bool(SECRET_NAME.search(text)) and not PUBLIC.search(text)


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        timing = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
        if not any(isinstance(op, timing) for op in node.ops):
            continue
        if any(isinstance(c, ast.Constant) for c in (node.left, *node.comparators)):
            continue  # against a literal (an empty string, a format name): no secret on both sides
        if all(_secret_like(side) for side in (node.left, *node.comparators)):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_secrets_are_compared_in_constant_time(path: Path) -> None:
    assert _offences(path) == []


def test_the_check_catches_an_equality_between_digests(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def same(stored_digest, given):\n    return stored_digest == digest(given)\n"
    )

    found = _offences(sample)

    assert found == ["2: stored_digest == digest(given)"]
