"""The README and docs/ as a user reads them: short, every link landing, the demo credentials
the walkthrough uses being the demo's, and no issue number or branch name left in code or docs
(they speak of what the product does, not of when it was built)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bootstrap.demo import DEMO_ACCOUNT, DEMO_ADMIN, DEMO_OWNER, DEMO_RISK, DEMO_VIEWER

ROOT = Path(__file__).resolve().parents[3]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
SKIPPED_DIRS = {".git", ".venv", ".tools", "node_modules", "var", "test-artifacts", "secrets"}
SCANNED_SUFFIXES = {".py", ".md", ".toml", ".yml", ".yaml", ".sh", ".html", ".cfg", ".ini"}
SCANNED_NAMES = {"Dockerfile", "Makefile", ".env.example"}
ISSUE = re.compile(r"\bissues?[-_ ]?#?\d+", re.IGNORECASE)
BRANCH = re.compile(r"\bh-[a-z0-9]+\b")
# Words that look like a branch name and are not one.
NOT_BRANCHES = {"h-day"}
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE_BLOCK = re.compile(r"```.*?```", re.DOTALL)


def pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = CODE_BLOCK.sub("", page.read_text())
    return {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def scanned_files() -> Iterator[Path]:
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [name for name in dirs if name not in SKIPPED_DIRS and name != "__pycache__"]
        for name in files:
            path = Path(folder, name)
            if path.suffix in SCANNED_SUFFIXES or name in SCANNED_NAMES:
                yield path


def test_the_readme_stays_short() -> None:
    # Act
    lines = README.read_text().splitlines()

    # Assert
    assert len(lines) <= 300, len(lines)


def test_the_readme_shows_the_two_commands_and_the_demo_credentials() -> None:
    # Arrange
    text = README.read_text()

    # Assert
    assert "make run" in text
    assert "make test" in text
    assert DEMO_ACCOUNT in text
    for user in (DEMO_OWNER, DEMO_RISK, DEMO_ADMIN, DEMO_VIEWER):
        assert f"`{user.username}`" in text, user.username
        assert f"`{user.password}`" in text, user.username
        if user.passcode:
            assert f"`{user.passcode}`" in text, user.username


def test_the_figures_page_links_to_the_order_path_and_the_guard() -> None:
    # Act
    text = (DOCS / "performance.md").read_text()

    # Assert
    assert "(order-path-speed.md)" in text
    assert "(performance-guard.md)" in text


@pytest.mark.parametrize("page", pages(), ids=lambda page: page.name)
def test_every_relative_link_lands_on_a_file_and_heading(page: Path) -> None:
    # Arrange
    text = CODE_BLOCK.sub("", page.read_text())
    broken = []

    # Act
    for match in LINK.finditer(text):
        target = match.group(1)
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (page.parent / file_part).resolve() if file_part else page
        if not resolved.exists():
            if resolved.is_relative_to(ROOT):
                broken.append(target)
            continue  # beside the repository (shared/): not ours to check
        if anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(target)

    # Assert
    assert broken == []


def test_no_issue_number_or_branch_name_in_code_or_docs() -> None:
    # Act
    found = []
    for path in scanned_files():
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            branches = set(BRANCH.findall(line)) - NOT_BRANCHES
            if ISSUE.search(line) or branches:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")

    # Assert
    assert found == []
